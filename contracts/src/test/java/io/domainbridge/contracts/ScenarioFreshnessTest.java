package io.domainbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed connector JSON and README contract tables of every scenario are what the contracts produce. */
class ScenarioFreshnessTest {

    static final Path SCENARIOS = Path.of(System.getProperty("domainbridge.scenarios", "../connect-configs"));
    static final String REGENERATE = " differs from what its contracts produce: run scripts/contracts.sh regenerate";

    @Test
    void everyScenarioHasContracts() throws Exception {
        assertThat(Scenarios.list(SCENARIOS).stream().map(p -> p.getFileName().toString()))
                .contains("shipping", "payments", "hcm", "banking");
    }

    @Test
    void committedJsonIsTheCompiledContracts() throws Exception {
        for (Path scenario : Scenarios.list(SCENARIOS)) {
            ContractSet set = ContractSet.load(List.of(scenario.resolve(Scenarios.CONTRACTS)));
            assertThat(set.problems().errors())
                    .as(scenario + " contract problems")
                    .isEmpty();
            List<CompiledConnector> compiled = new ConnectorCompiler(set).compile();
            for (CompiledConnector c : compiled) {
                Path file = scenario.resolve(c.name() + ".json");
                assertThat(file).as(file + REGENERATE).exists();
                assertThat(Files.readString(file)).as(file + REGENERATE).isEqualTo(c.json());
            }
            try (var files = Files.list(scenario)) {
                assertThat(files.filter(f -> f.toString().endsWith(".json")).count())
                        .as(scenario + ": every connector JSON comes from the bindings")
                        .isEqualTo(compiled.size());
            }
        }
    }

    @Test
    void readmeTablesAreTheGeneratedOnes() throws Exception {
        for (Path scenario : Scenarios.list(SCENARIOS)) {
            ContractSet set = ContractSet.load(List.of(scenario.resolve(Scenarios.CONTRACTS)));
            String readme = Files.readString(scenario.resolve("README.md"));
            assertThat(readme)
                    .as(scenario.resolve("README.md") + REGENERATE)
                    .isEqualTo(ContractDocs.updateReadme(readme, set));
        }
    }
}

package io.domainbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.transforms.DomainBoundary;
import io.domainbridge.transforms.PseudonymizationConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the compiler writes for DomainBoundary is what DomainBoundary's own ConfigDef accepts. */
class ConnectorCompilerTest {

    private static final String VALUE_PREFIX = "transforms." + ConnectorCompiler.VALUE_ALIAS + ".";
    private static final String KEY_PREFIX = "transforms." + ConnectorCompiler.KEY_ALIAS + ".";

    @TempDir
    Path dir;

    @Test
    void everyScenarioBoundaryConfigPassesDomainBoundaryValidation() throws Exception {
        int sources = 0;
        for (Path scenario : Scenarios.list(ScenarioFreshnessTest.SCENARIOS)) {
            for (CompiledConnector c : compile(scenario.resolve(Scenarios.CONTRACTS))) {
                if (c.config().containsKey(VALUE_PREFIX + "type")) {
                    assertThat(invalid(transform(c, VALUE_PREFIX))).as(c.name()).isEmpty();
                    assertThat(invalid(transform(c, KEY_PREFIX))).as(c.name()).isEmpty();
                    sources++;
                }
            }
        }
        assertThat(sources).isEqualTo(4);
    }

    @Test
    void aKeySecretCompilesToTheInlineKeyAndNoKeyFile() {
        Path contracts = Fixtures.shipping(
                dir,
                Fixtures.ODCS,
                t -> t.replace("keyFile: <PSEUDONYMIZE_KEY_FILE>", "keySecret: ${vault:secret/boundary:key}"));
        Map<String, String> boundary = transform(packagesSource(contracts), VALUE_PREFIX);
        assertThat(boundary)
                .containsEntry(PseudonymizationConfig.PSEUDONYMIZE_KEY_SECRET_CONFIG, "${vault:secret/boundary:key}")
                .doesNotContainKey(PseudonymizationConfig.PSEUDONYMIZE_KEY_FILE_CONFIG);
        assertThat(invalid(boundary)).isEmpty();
    }

    @Test
    void aKeyFileCompilesToTheKeyFileAndNoInlineKey() {
        Path contracts = Fixtures.shipping(
                dir, Fixtures.ODCS, t -> t.replace("keyFile: <PSEUDONYMIZE_KEY_FILE>", "keyFile: /etc/keys/boundary"));
        Map<String, String> boundary = transform(packagesSource(contracts), VALUE_PREFIX);
        assertThat(boundary)
                .containsEntry(PseudonymizationConfig.PSEUDONYMIZE_KEY_FILE_CONFIG, "/etc/keys/boundary")
                .doesNotContainKey(PseudonymizationConfig.PSEUDONYMIZE_KEY_SECRET_CONFIG);
    }

    private static List<CompiledConnector> compile(Path contracts) {
        ContractSet set = ContractSet.load(List.of(contracts));
        assertThat(set.problems().errors()).isEmpty();
        return new ConnectorCompiler(set).compile();
    }

    private static CompiledConnector packagesSource(Path contracts) {
        return compile(contracts).stream()
                .filter(c -> c.name().equals("logistics-packages-source"))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> transform(CompiledConnector c, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        c.config().forEach((k, v) -> {
            if (k.startsWith(prefix) && !k.equals(prefix + "type")) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The names of the keys DomainBoundary's ConfigDef reports an error for. */
    private static List<String> invalid(Map<String, String> config) {
        try (DomainBoundary.Value<SourceRecord> boundary = new DomainBoundary.Value<>()) {
            return boundary.config().validate(config).stream()
                    .filter(v -> !v.errorMessages().isEmpty())
                    .map(ConfigValue::name)
                    .toList();
        }
    }
}

package io.domainbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class CommandSinkConnectorTest {

    private static Map<String, List<String>> errors(Map<String, String> props) {
        return new CommandSinkConnector()
                .validate(props).configValues().stream()
                        .filter(v -> !v.errorMessages().isEmpty())
                        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void validateReportsMappingErrorsOnTheirKeysAndAnUnreachableDatabaseOnTheUrl() {
        Map<String, String> props = Fixtures.config();
        props.put("connection.url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        props.put("mappings.customers.delete.policy", "purge");
        props.put("mappings.ghost.table", "t");

        Map<String, List<String>> errors = errors(props);

        assertThat(errors)
                .containsOnlyKeys("connection.url", "mappings.customers.delete.policy", "mappings.ghost.table");
        assertThat(errors.get("connection.url").get(0)).startsWith("Cannot connect to the database (SQLState 08");
    }

    @Test
    void missingMappingsAreReportedOnTheKeyWithoutAnException() {
        Map<String, String> props = Fixtures.config();
        props.put("connection.url", "jdbc:oracle:thin:@h:1521:x");
        props.remove("mappings");
        assertThat(errors(props)).containsKey("mappings");
    }

    @Test
    void anUnsupportedUrlIsRejectedWithoutConnecting() {
        Map<String, String> props = Fixtures.config();
        props.put("connection.url", "jdbc:oracle:thin:@h:1521:x");
        assertThat(errors(props)).containsOnlyKeys("connection.url");
    }

    @Test
    void startFailsFastOnAMappingError() {
        Map<String, String> props = Fixtures.config();
        props.remove("mappings.customers.table");
        assertThatThrownBy(() -> new CommandSinkConnector().start(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mappings.customers.table");
    }

    @Test
    void everyTaskGetsTheConnectorConfigAndVersionIsTheProjects() {
        CommandSinkConnector connector = new CommandSinkConnector();
        connector.start(Fixtures.config());
        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(c -> assertThat(c)
                .isEqualTo(Fixtures.config()));
        assertThat(connector.taskClass()).isEqualTo(CommandSinkTask.class);
        assertThat(connector.version()).doesNotContain("${");
        assertThat(CommandSinkConfig.CONFIG_DEF.configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }
}

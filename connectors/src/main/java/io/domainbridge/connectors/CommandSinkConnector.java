package io.domainbridge.connectors;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.MappingParser;
import io.domainbridge.connectors.sink.SinkConnection;
import io.domainbridge.events.ProjectVersion;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Turns events and replicated rows into commands in the consumer domain's database: upserts, deletes or
 * parameterized statements, applied exactly once in effect through an inbox and an offsets table.
 */
public class CommandSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new CommandSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CommandSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return CommandSinkConfig.CONFIG_DEF;
    }

    /** The per-key checks, then every mapping's keys and a test of the connection. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = new HashMap<>();
        config.configValues().forEach(value -> values.put(value.name(), value));
        List<ConfigValue> result = new ArrayList<>(config.configValues());
        ConfigValue mappings = values.get(CommandSinkConfig.MAPPINGS_CONFIG);
        if (mappings != null && mappings.errorMessages().isEmpty() && mappings.value() instanceof List<?> aliases) {
            MappingParser parser = new MappingParser(
                    connectorConfigs, aliases.stream().map(String::valueOf).toList());
            parser.errors().forEach((key, message) -> result.add(error(key, connectorConfigs.get(key), message)));
        }
        ConfigValue url = values.get(CommandSinkConfig.CONNECTION_URL_CONFIG);
        if (url != null && url.errorMessages().isEmpty()) {
            testConnection(connectorConfigs).ifPresent(url::addErrorMessage);
        }
        return new Config(result);
    }

    private static ConfigValue error(String key, String value, String message) {
        ConfigValue configValue = new ConfigValue(key, value, List.of(), new ArrayList<>());
        configValue.addErrorMessage(message);
        return configValue;
    }

    /** The reason the database cannot be reached, if it cannot; never the URL's credentials. */
    static Optional<String> testConnection(Map<String, String> configs) {
        String url = configs.get(CommandSinkConfig.CONNECTION_URL_CONFIG);
        String password = configs.get(CommandSinkConfig.CONNECTION_PASSWORD_CONFIG);
        try (SinkConnection connection = new SinkConnection(
                Dialect.fromUrl(url),
                url,
                configs.get(CommandSinkConfig.CONNECTION_USER_CONFIG),
                password == null ? null : new Password(password))) {
            connection.get();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("Cannot connect to the database (SQLState " + e.getSQLState() + ")");
        }
    }
}

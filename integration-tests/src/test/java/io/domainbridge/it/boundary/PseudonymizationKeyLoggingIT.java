package io.domainbridge.it.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.testkit.boundary.PackagesContract;
import io.domainbridge.testkit.boundary.PackagesScenario;
import io.domainbridge.testkit.boundary.PublishedRecord;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.LogCapture;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.rig.SecretFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pseudonymization key never reaches a log line of a worker that runs Debezium's PostgreSQL source with a
 * pseudonymizing boundary, while the connector starts, replicates and is restarted with its tasks: every event of
 * every logger (Connect and Debezium at DEBUG, everything else at INFO), with its rendered exception, is searched for
 * the key and its hex and base64 forms.
 */
class PseudonymizationKeyLoggingIT {

    private static final String SECRETS_ENTRY = "boundary.key";
    private static final String CONFIG_DUMP = "with configuration:";
    private static final String RETIRED_KEY = "transforms.boundary.pseudonymize.key";

    @TempDir
    static Path pluginPath;

    @TempDir
    static Path secretsDir;

    static String key;
    static Path secretsFile;
    static LogCapture logs;
    static ConnectStack stack;
    static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startStack() throws IOException {
        key = "it-key-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        secretsFile = secretsDir.resolve("secrets.properties");
        Files.writeString(secretsFile, SECRETS_ENTRY + "=" + key + "\n");
        logs = LogCapture.start(
                secretForms(key),
                Set.of(CONFIG_DUMP),
                Map.of("io.debezium", Level.DEBUG, "org.apache.kafka.connect", Level.DEBUG));
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(
                "key-logging-it",
                List.of(pluginPath),
                1,
                Map.of(
                        WorkerConfig.PLUGIN_PATH_CONFIG,
                        pluginPathWithDebeziumPostgres(),
                        "config.providers",
                        "file",
                        "config.providers.file.class",
                        FileConfigProvider.class.getName()));
        connect = stack.cluster();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    @Test
    void inlineKeyFromAFileConfigProviderIsNeverLogged() throws InterruptedException {
        String reference = "${file:" + secretsFile + ":" + SECRETS_ENTRY + "}";

        replicateAndRestart("key-provider", Map.of("transforms.boundary.pseudonymize.key.secret", reference));

        assertDumpsShow("transforms.boundary.pseudonymize.key.secret = ");
        assertThat(logs.leaks())
                .as("log lines showing the pseudonymization key")
                .isEmpty();
    }

    @Test
    void keyFileIsNeverLogged() throws InterruptedException {
        Path keyFile = SecretFile.write("pseudonymize-key", key);

        replicateAndRestart("key-file", Map.of("transforms.boundary.pseudonymize.key.file", keyFile.toString()));

        assertDumpsShow("transforms.boundary.pseudonymize.key.file = " + keyFile);
        assertThat(logs.leaks())
                .as("log lines showing the pseudonymization key")
                .isEmpty();
    }

    /** The former inline key is refused by Connect's validation, so no task ever holds the resolved key. */
    @Test
    void theRetiredInlineKeyIsRefusedBeforeAnyTaskSeesIt() {
        try (PostgresDatabase database = PostgresDatabase.create("keylog")) {
            Map<String, String> config = new HashMap<>(connectorConfig(
                    new PackagesScenario(database, key),
                    Map.of(RETIRED_KEY, "${file:" + secretsFile + ":" + SECRETS_ENTRY + "}")));
            config.put("name", "key-retired");

            Map<String, List<String>> errors =
                    errorsByKey(connect.validateConnectorConfig("PostgresConnector", config));
            assertThat(errors).containsOnlyKeys(RETIRED_KEY);
            assertThat(errors.get(RETIRED_KEY))
                    .singleElement()
                    .asString()
                    .contains("no longer accepted", "pseudonymize.key.file", "pseudonymize.key.secret")
                    .doesNotContain(key);
            // Connect answers a PUT that fails validation with 400, or with 500 when the connector's own ConfigDef
            // has keys its validate() leaves out (as Debezium's does); either way nothing is stored or started.
            assertThatThrownBy(() -> connect.configureConnector("key-retired", config))
                    .isInstanceOfSatisfying(
                            ConnectRestException.class,
                            e -> assertThat(e.statusCode()).as(e.getMessage()).isBetween(400, 599));
            assertThat(connect.connectors()).doesNotContain("key-retired");
        }
        assertThat(logs.leaks())
                .as("log lines showing the pseudonymization key")
                .isEmpty();
    }

    private static Map<String, List<String>> errorsByKey(ConfigInfos result) {
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigInfo info : result.configs()) {
            if (info.configValue() != null && !info.configValue().errors().isEmpty()) {
                errors.put(info.configValue().name(), info.configValue().errors());
            }
        }
        return errors;
    }

    /** Debezium printed its configuration at every task start, with the key's entry: the capture saw those lines. */
    private static void assertDumpsShow(String entry) {
        assertThat(logs.events()).as("captured events").isGreaterThan(1000);
        assertThat(logs.watchedLines().stream().filter(line -> line.contains(entry)))
                .as("Debezium's configuration dumps with %s, at start and after the restart", entry)
                .hasSizeGreaterThanOrEqualTo(2);
    }

    /** Starts the connector, checks the snapshot, restarts it with its tasks and checks the changes that follow. */
    private static void replicateAndRestart(String name, Map<String, String> keyConfig) throws InterruptedException {
        try (PostgresDatabase database = PostgresDatabase.create("keylog")) {
            PackagesScenario scenario = new PackagesScenario(database, key);
            scenario.createSourceDomain();
            connect.configureConnector(name, connectorConfig(scenario, keyConfig));
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "not running");
            assertPseudonymized(scenario, consume(scenario, 3));

            int dumpsBefore = logs.watchedLines().size();
            connect.restartConnectorAndTasks(name, false, true, false);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "not running after restart");
            scenario.runCommands();
            assertPseudonymized(scenario, consume(scenario, scenario.changes().size() + 1));
            assertThat(logs.watchedLines()).as("configuration dumps").hasSizeGreaterThan(dumpsBefore);
            connect.deleteConnector(name);
        }
    }

    /** The scenario's connector JSON with the key given as in {@code keyConfig} instead. */
    private static Map<String, String> connectorConfig(PackagesScenario scenario, Map<String, String> keyConfig) {
        Map<String, String> config = scenario.connectorConfig(DomainBoundaryIT.CONNECT_CONFIGS);
        config.remove("transforms.boundary.pseudonymize.key.file");
        config.putAll(keyConfig);
        return config;
    }

    private static void assertPseudonymized(PackagesScenario scenario, List<PublishedRecord> records) {
        PackagesContract contract = new PackagesContract(key);
        List<PackagesScenario.Change> changes = scenario.changes();
        for (int i = 0; i < Math.min(records.size(), changes.size()); i++) {
            PackagesScenario.Change change = changes.get(i);
            assertThat(records.get(i).row("after"))
                    .as("after of record %d", i)
                    .isEqualTo(change.after() == null ? null : contract.sharedRow(change.after()));
        }
    }

    private static List<PublishedRecord> consume(PackagesScenario scenario, int count) {
        return StreamSupport.stream(
                        connect.kafka()
                                .consume(count, DomainBoundaryIT.RECORD_TIMEOUT.toMillis(), scenario.topic())
                                .spliterator(),
                        false)
                .map(PublishedRecord::of)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** Our plugin and Debezium's PostgreSQL connector only: scanning the other third-party plugins takes long. */
    private static String pluginPathWithDebeziumPostgres() {
        String debeziumPostgres = Arrays.stream(
                        System.getProperty(ConnectStack.THIRD_PARTY_PLUGINS, "").split(","))
                .map(String::trim)
                .filter(path -> path.contains("debezium-postgres"))
                .collect(Collectors.joining(","));
        assertThat(debeziumPostgres)
                .as("Debezium's PostgreSQL plugin directory")
                .isNotEmpty();
        return pluginPath + "," + debeziumPostgres;
    }

    /** The key as text and its bytes in hex and base64, the forms in which a secret usually shows up. */
    private static Set<String> secretForms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(bytes);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(hex);
        forms.add(hex.toUpperCase(Locale.ROOT));
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return forms;
    }
}

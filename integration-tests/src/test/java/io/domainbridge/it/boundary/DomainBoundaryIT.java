package io.domainbridge.it.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.boundary.Package;
import io.domainbridge.testkit.boundary.PackagesContract;
import io.domainbridge.testkit.boundary.PackagesScenario;
import io.domainbridge.testkit.boundary.PublishedRecord;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle installed from its Confluent Hub archive into a stock worker, and the real Debezium PostgreSQL connector
 * capturing a real table through DomainBoundary.
 */
class DomainBoundaryIT {

    static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    static final Duration RECORD_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path pluginPath;

    static PluginArchive archive;
    static ConnectStack stack;
    static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startStack() {
        archive = PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start("domain-boundary-it", pluginPath, 1);
        connect = stack.cluster();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void workerFindsEveryPluginOfTheBundleOnPluginPath() throws Exception {
        assertThatThrownBy(() -> Class.forName("io.domainbridge.transforms.DomainBoundary"))
                .as("our plugins must come from plugin.path, not from the test classpath")
                .isInstanceOf(ClassNotFoundException.class);

        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(connect.endpointForResource("connector-plugins?connectorsOnly=false")))
                .build();
        String body = HttpClient.newHttpClient()
                .send(request, BodyHandlers.ofString())
                .body();
        Map<String, String> versionByClass = new HashMap<>();
        for (JsonNode plugin : new ObjectMapper().readTree(body)) {
            versionByClass.put(
                    plugin.path("class").asText(), plugin.path("version").asText());
        }

        Set<String> announced = archive.announcedPlugins();
        assertThat(announced)
                .contains(
                        "io.domainbridge.transforms.DomainBoundary$Key",
                        "io.domainbridge.transforms.DomainBoundary$Value");
        for (String plugin : announced) {
            assertThat(versionByClass)
                    .as("plugin %s listed by the worker", plugin)
                    .containsEntry(plugin, archive.version());
        }
    }

    @Test
    void validateEndpointNamesTheBoundaryKeyThatIsWrong() {
        try (PostgresDatabase database = PostgresDatabase.create("validate")) {
            PackagesScenario scenario = new PackagesScenario(database);
            Map<String, String> config = new HashMap<>(scenario.connectorConfig(CONNECT_CONFIGS));
            config.put("name", "logistics-packages");
            config.put("transforms.boundary.columns", "packages.status");

            ConfigInfos result = connect.validateConnectorConfig("PostgresConnector", config);

            List<String> keysInError = result.configs().stream()
                    .map(ConfigInfo::configValue)
                    .filter(value -> value != null && !value.errors().isEmpty())
                    .map(value -> value.name())
                    .toList();
            assertThat(keysInError).containsExactly("transforms.boundary.columns");
        }
    }

    @Test
    void onlyTheContractsColumnsLeaveTheDomainThroughSchemaDriftUpdatesAndDeletes() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("boundary")) {
            PackagesScenario scenario = new PackagesScenario(database);
            scenario.createSourceDomain();
            Map<String, String> config = scenario.connectorConfig(CONNECT_CONFIGS);
            connect.configureConnector("logistics-packages", config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("logistics-packages", 1, "not running");
            consume(scenario, 3);

            scenario.runCommands();
            List<PublishedRecord> records = consume(scenario, scenario.changes().size() + 1);
            assertCountedOverJmx(config, records.size());
            connect.deleteConnector("logistics-packages");

            assertPublishedAsContracted(scenario, config, records);
            assertThat(scenario.sourceColumns()).containsAll(PackagesContract.WITHHELD);
            connect.assertions().assertTopicsDoNotExist(scenario.unlistedTopic());
        }
    }

    private static void assertPublishedAsContracted(
            PackagesScenario scenario, Map<String, String> config, List<PublishedRecord> records) {
        PackagesContract contract = new PackagesContract(scenario.pseudonymizeKey());
        List<PackagesScenario.Change> changes = scenario.changes();
        assertThat(records).hasSize(changes.size() + 1);
        for (int i = 0; i < changes.size(); i++) {
            PackagesScenario.Change change = changes.get(i);
            PublishedRecord record = records.get(i);
            assertThat(record.op()).as("op of record %d", i).isEqualTo(change.op());
            assertThat(record.row("before"))
                    .as("before of record %d", i)
                    .isEqualTo(change.before() == null ? null : contract.sharedRow(change.before()));
            assertThat(record.row("after"))
                    .as("after of record %d", i)
                    .isEqualTo(change.after() == null ? null : contract.sharedRow(change.after()));
            assertThat(record.rowSchemaFields("after")).doesNotContainAnyElementsOf(PackagesContract.WITHHELD);
        }
        PublishedRecord tombstone = records.get(changes.size());
        assertThat(tombstone.isTombstone()).isTrue();

        for (PublishedRecord record : records) {
            assertThat(record.keyPayload().size()).as("key columns").isEqualTo(1);
            assertThat(record.keyPayload().has("id")).isTrue();
            assertThat(record.headers())
                    .containsEntry("domainbridge.contract.id", config.get("transforms.boundary.contract.id"))
                    .containsEntry("domainbridge.contract.version", config.get("transforms.boundary.contract.version"))
                    .containsEntry(
                            "domainbridge.pseudonym.key.id", config.get("transforms.boundary.pseudonymize.key.id"));
            assertThat(record.text())
                    .doesNotContain(PackagesContract.WITHHELD)
                    .doesNotContain(PackagesScenario.SECRET_MARK);
            for (PackagesScenario.Change change : changes) {
                Package p = change.after() != null ? change.after() : change.before();
                assertThat(record.text()).doesNotContain(PackagesContract.personalValues(p));
            }
        }
    }

    /** Each boundary of the connector counted every published record for its table, and dropped the unlisted table. */
    private static void assertCountedOverJmx(Map<String, String> config, int published) throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        String contract = "kafka.connect:type=plugins,connector=logistics-packages,task=0,transformation=%s,contract="
                + config.get("transforms.boundary.contract.id");
        for (String alias : List.of("boundaryKey", "boundary")) {
            ObjectName table = new ObjectName(contract.formatted(alias) + ",table=shipping.packages");
            await().atMost(RECORD_TIMEOUT)
                    .untilAsserted(() -> assertThat(jmx.getAttribute(table, "records-passed-total"))
                            .as("records of %s", alias)
                            .isEqualTo((double) published));
            assertThat(jmx.getAttribute(table, "records-failed-total")).isEqualTo(0.0);
        }
        ObjectName first = new ObjectName(contract.formatted("boundaryKey"));
        assertThat((Double) jmx.getAttribute(first, "unlisted-dropped-total")).isGreaterThanOrEqualTo(1.0);
        assertThat(jmx.getAttribute(first, "unlisted-failed-total")).isEqualTo(0.0);
    }

    private static List<PublishedRecord> consume(PackagesScenario scenario, int count) {
        return StreamSupport.stream(
                        connect.kafka()
                                .consume(count, RECORD_TIMEOUT.toMillis(), scenario.topic())
                                .spliterator(),
                        false)
                .map(PublishedRecord::of)
                .collect(Collectors.toCollection(ArrayList::new));
    }
}

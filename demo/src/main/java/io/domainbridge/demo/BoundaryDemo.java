package io.domainbridge.demo;

import io.domainbridge.testkit.boundary.PackagesScenario;
import io.domainbridge.testkit.boundary.PublishedRecord;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * The README's main job until the full demo lands: the Logistics domain shares its packages with Customer Service
 * through DomainBoundary on an embedded stack (a KRaft broker and a distributed Connect worker with the bundle on
 * {@code plugin.path}), and the report shows what left the domain and what was withheld.
 */
public final class BoundaryDemo {

    private static final String CONNECTOR = "logistics-packages";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final PrintStream OUT = System.out;

    private BoundaryDemo() {}

    public static void main(String[] args) throws Exception {
        boolean keep = List.of(args).contains("--keep");
        Path connectConfigs = Path.of(System.getProperty("domainbridge.connect.configs", "connect-configs"));
        Path pluginPath = Files.createTempDirectory("domain-bridge-plugins");

        step(1, "Installing the Confluent Hub archive into plugin.path " + pluginPath);
        PluginArchive archive = PluginArchive.installInto(pluginPath);
        step(2, "Starting a KRaft broker and a Connect worker in distributed mode");
        ConnectStack stack = ConnectStack.start("domain-bridge-demo", pluginPath, 1);
        EmbeddedConnectCluster connect = stack.cluster();
        String rest = connect.endpointForResource("");
        OUT.println("      REST API at " + rest + ", Domain Bridge " + archive.version() + " plugins: "
                + archive.announcedPlugins());
        PostgresDatabase database = PostgresDatabase.create("demo");
        try {
            BoundaryReport report = run(connect, database, connectConfigs);
            report.print(OUT);
            if (keep) {
                keepRunning(rest, database);
            }
        } finally {
            if (!keep) {
                stack.close();
                database.close();
            }
        }
        System.exit(0);
    }

    private static BoundaryReport run(EmbeddedConnectCluster connect, PostgresDatabase database, Path connectConfigs)
            throws Exception {
        PackagesScenario scenario = new PackagesScenario(database);
        step(
                3,
                "Creating the Logistics database '" + database.name() + "' with " + PackagesScenario.TABLE + " and "
                        + PackagesScenario.UNLISTED_TABLE);
        scenario.createSourceDomain();
        Map<String, String> config = scenario.connectorConfig(connectConfigs);
        step(
                4,
                "Submitting connect-configs/" + PackagesScenario.CONNECTOR_JSON + " with PUT /connectors/" + CONNECTOR
                        + "/config");
        submit(connect, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "connector did not start");
        List<PublishedRecord> snapshot = consume(connect, scenario, 3);
        OUT.println("      snapshot captured: " + snapshot.size() + " packages");
        step(
                5,
                "Running commands in the Logistics domain: add a column, move, deliver and delete packages,"
                        + " write carrier rates");
        scenario.runCommands();
        int expected = scenario.changes().size() + 1;
        List<PublishedRecord> records = consume(connect, scenario, expected);
        step(6, "Read " + records.size() + " records from topic " + scenario.topic());
        return new BoundaryReport(scenario, config, records);
    }

    private static void submit(EmbeddedConnectCluster connect, Map<String, String> config) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(connect.endpointForResource("connectors/" + CONNECTOR + "/config")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status = HttpClient.newHttpClient()
                .send(request, BodyHandlers.ofString())
                .statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("Connect refused the connector: HTTP " + status);
        }
    }

    private static List<PublishedRecord> consume(EmbeddedConnectCluster connect, PackagesScenario scenario, int count) {
        List<PublishedRecord> records = new ArrayList<>();
        connect.kafka()
                .consume(count, TIMEOUT.toMillis(), scenario.topic())
                .forEach(record -> records.add(PublishedRecord.of(record)));
        return records;
    }

    private static void keepRunning(String rest, PostgresDatabase database) throws InterruptedException {
        OUT.println();
        OUT.println("The stack keeps running (Ctrl-C stops it). Try:");
        OUT.println("  curl -s " + rest + "connectors/" + CONNECTOR + "/status");
        OUT.println("  curl -s '" + rest + "connector-plugins?connectorsOnly=false'");
        OUT.println("  psql -h " + database.host() + " -U " + database.user() + " " + database.name()
                + " -c \"update shipping.packages set status = 'LOST' where id = 2\"");
        Thread.currentThread().join();
    }

    private static void step(int number, String text) {
        OUT.printf("[%d/6] %s%n", number, text);
    }
}

package io.domainbridge.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.scenarios.ConnectRest;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ShippingScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbook "Re-seed a replica" of docs/operations.md, call for call: the shipping scenario's Customer Service
 * read model, replicated from Logistics' packages through the Debezium source, DomainBoundary and the command sink,
 * is damaged as dead letters and lost deletes leave it (rows missing, rows stale, a row the source no longer has);
 * stopping both connectors, emptying the read model and the sink's stored offsets, resetting both connectors'
 * offsets over REST and resuming them rebuilds it from a new snapshot, and it then equals the source, also for the
 * changes made afterwards.
 */
class ReseedReplicaIT {

    private static final Logger LOG = LoggerFactory.getLogger(ReseedReplicaIT.class);
    private static final String SOURCE = "logistics-packages-source";
    private static final String SINK = "customer-service-sink";
    private static final String CONSUMER_DOMAIN = "customer_service";
    private static final String TOPIC = "logistics.shipping.packages";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void theRunbookRebuildsADamagedReplicaFromANewSnapshot(@TempDir Path pluginPath) {
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> reseed(pluginPath));
    }

    private void reseed(Path pluginPath) throws Exception {
        try (ScenarioDriver driver = new ScenarioDriver(new ShippingScenario())) {
            driver.start(pluginPath);
            driver.runCommands(150, 7);
            driver.assertConsistent();
            damage(driver);
            ScenarioDriver.CheckOutcome damaged =
                    driver.checkConsistency(Duration.ZERO).get(0);
            assertThat(damaged.consistent())
                    .as(damaged.check().description() + " when damaged")
                    .isFalse();
            int snapshotsBefore = snapshotRecords(driver);
            int packages = Integer.parseInt(driver.databases()
                    .rows(driver.scenario().sourceDomain(), "select count(*) from shipping.packages")
                    .get(0));

            runbook(driver, new ConnectRest(driver.restUrl()));

            driver.runCommands(50, 8);
            driver.assertConsistent();
            assertThat(snapshotRecords(driver) - snapshotsBefore)
                    .as("snapshot records after the reset, one per package at least")
                    .isGreaterThanOrEqualTo(packages);
            driver.assertNothingDeadLettered();
        }
    }

    /** What a dead-lettered insert, update and delete leave behind. */
    private static void damage(ScenarioDriver driver) {
        driver.databases()
                .execute(
                        CONSUMER_DOMAIN,
                        "delete from package_lookup where package_id % 3 = 0;"
                                + " update package_lookup set package_state = 'LOST', whereabouts = null"
                                + " where package_id % 3 = 1;"
                                + " insert into package_lookup values (999999, 'LX-GONE', 'DELIVERED', null, 1,"
                                + " repeat('0', 64))");
    }

    /** The steps of docs/operations.md, "Re-seed a replica", in their order. */
    private static void runbook(ScenarioDriver driver, ConnectRest rest) {
        rest.call("PUT", "connectors/" + SINK + "/stop");
        rest.call("PUT", "connectors/" + SOURCE + "/stop");
        for (String connector : List.of(SINK, SOURCE)) {
            await(connector + " stopped").atMost(TIMEOUT).until(() -> rest.state(connector)
                    .equals("STOPPED with 0 tasks"));
        }
        driver.databases()
                .execute(
                        CONSUMER_DOMAIN,
                        "TRUNCATE package_lookup;"
                                + " DELETE FROM domainbridge_offsets WHERE consumer = 'customer-service';");
        LOG.info("DELETE {}: {}", SINK, rest.call("DELETE", "connectors/" + SINK + "/offsets"));
        LOG.info("DELETE {}: {}", SOURCE, rest.call("DELETE", "connectors/" + SOURCE + "/offsets"));
        rest.call("PUT", "connectors/" + SOURCE + "/resume");
        rest.call("PUT", "connectors/" + SINK + "/resume");
        for (String connector : List.of(SOURCE, SINK)) {
            await(connector + " running").atMost(TIMEOUT).until(() -> rest.state(connector)
                    .equals("RUNNING with 1 tasks"));
        }
    }

    /** Records on the packages topic that a snapshot made (Debezium's op {@code r}). */
    private static int snapshotRecords(ScenarioDriver driver) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int snapshots = 0;
        for (ConsumerRecord<byte[], byte[]> record : driver.connect().kafka().consumeAll(TIMEOUT.toMillis(), TOPIC)) {
            if (record.value() != null
                    && json.readTree(record.value())
                            .path("payload")
                            .path("op")
                            .asText()
                            .equals("r")) {
                snapshots++;
            }
        }
        return snapshots;
    }
}

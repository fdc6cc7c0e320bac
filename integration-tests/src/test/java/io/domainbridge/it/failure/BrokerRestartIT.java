package io.domainbridge.it.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ShippingScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipping scenario's whole pipeline (Debezium sources, outbox and replication, our sinks) keeps running while
 * the Kafka broker is stopped for a few seconds and started again on the same port, with commands still arriving in
 * the source domain. Connect's own producers wait out the outage (it sets {@code max.block.ms} and
 * {@code delivery.timeout.ms} of source tasks to their maximum), so no extra client settings are needed. In the end
 * every consumer equals the source, each event is in each inbox once, and nothing was dead-lettered.
 */
class BrokerRestartIT {

    private static final int FACTOR = Integer.getInteger("domainbridge.soak.factor", 1);
    private static final int COMMANDS_PER_SECOND = 20 * FACTOR;
    /** Longest the load runs; the test ends it once events flow again after the restart. */
    private static final Duration LOAD = Duration.ofMinutes(2);

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String TRACKING = "customer_tracking";

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void thePipelineResumesAfterTheBrokerRestartsMidStream(@TempDir Path pluginPath) throws Exception {
        try (ScenarioDriver driver = new ScenarioDriver(new ShippingScenario())) {
            driver.start(pluginPath, 1, Map.of());
            EmbeddedKafkaCluster kafka = driver.connect().kafka();
            AtomicInteger committed = new AtomicInteger();
            ExecutorService load = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> commands = load.submit(() ->
                        driver.runLoad(COMMANDS_PER_SECOND, LOAD, 17L, (i, c, at) -> committed.incrementAndGet()));
                await().atMost(TIMEOUT).until(() -> trackingInbox(driver, "") >= COMMANDS_PER_SECOND);

                String stoppedAt = serverClock(driver);
                kafka.stopOnlyBrokers();
                int committedAtStop = committed.get();
                assertThat(kafka.runningBrokers())
                        .as("brokers running during the outage")
                        .isEmpty();
                // holding the outage, not waiting for a condition
                LockSupport.parkNanos(OUTAGE.toNanos());
                kafka.restartOnlyBrokers();
                String restartedAt = serverClock(driver);

                assertThat(committed.get())
                        .as("commands committed since the broker stopped")
                        .isGreaterThan(committedAtStop);
                int appliedAtRestart = trackingInbox(driver, "");
                await().atMost(TIMEOUT)
                        .until(() -> trackingInbox(driver, "") >= appliedAtRestart + COMMANDS_PER_SECOND);
                assertThat(commands.isDone())
                        .as("load still running while events flow again")
                        .isFalse();
                load.shutdownNow();
                commands.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                driver.assertConsistent();
                assertThat(trackingInbox(driver, "where applied_at < " + stoppedAt + "::timestamptz"))
                        .as("events applied before the broker stopped")
                        .isPositive();
                assertThat(trackingInbox(driver, "where applied_at > " + restartedAt + "::timestamptz"))
                        .as("events applied after the broker restarted")
                        .isPositive();
            } finally {
                load.shutdownNow();
            }
            driver.auditReplication();
            driver.assertNothingDeadLettered();
            for (String connector : driver.configs().keySet()) {
                driver.connect()
                        .assertions()
                        .assertConnectorAndExactlyNumTasksAreRunning(connector, 1, connector + " not running");
            }
        }
    }

    private static int trackingInbox(ScenarioDriver driver, String where) {
        return Integer.parseInt(driver.databases()
                .rows(TRACKING, "select count(*) from domainbridge_inbox " + where)
                .get(0));
    }

    /** The clock of the database server, which the sinks' inbox timestamps come from, as a SQL literal. */
    private static String serverClock(ScenarioDriver driver) {
        return "'"
                + driver.databases().rows(TRACKING, "select clock_timestamp()").get(0) + "'";
    }
}

package io.domainbridge.it.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.domainbridge.testkit.failure.EventPacer;
import io.domainbridge.testkit.failure.FastFailover;
import io.domainbridge.testkit.failure.LedgerStream;
import io.domainbridge.testkit.failure.OffsetAudit;
import io.domainbridge.testkit.failure.SinkWorkers;
import io.domainbridge.testkit.failure.Takeovers;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.ForkedWorker;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresServer;
import io.domainbridge.testkit.sink.ConsumerDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command sink with four tasks on two topics of eight partitions each, in a Connect cluster that grows from one
 * worker to three (cooperative rebalancing, Connect's default protocol) while envelope events flow at a steady rate;
 * then, at seeded random points of the stream, a worker is stopped gracefully, one is killed with SIGKILL, and one is
 * killed while the consumer's PostgreSQL server is down, so that the outage spans the rebalance; a fresh worker
 * joins after the graceful stop, and the last kill leaves the embedded worker alone. Afterwards every consumer table equals what the produced events say, each event was
 * applied exactly once and in order per aggregate, and no partition's stored or committed offset was ever ahead of
 * what the sink had applied. The seed is logged and can be given back as {@value WorkerKillIT#SEED}.
 */
class SinkScaleOutIT {

    private static final Logger LOG = LoggerFactory.getLogger(SinkScaleOutIT.class);
    private static final int EVENTS_PER_SECOND = 80;
    private static final int PARTITIONS = 8;
    private static final int TASKS = 4;
    private static final String CONNECTOR = "scale-out-sink";
    private static final String CONSUMER = "scale-out";
    private static final String DEAD_LETTERS = CONSUMER + ".dead-letters";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** How long the database stays down after the killed worker's tasks were reassigned. */
    private static final Duration OUTAGE_AFTER_REBALANCE = Duration.ofSeconds(3);

    private static final Path LOGS = Path.of("target", "sink-scale-out");

    @Test
    void everyEventIsAppliedOnceWhileWorkersJoinLeaveAndDieAndTheDatabaseGoesDown(@TempDir Path pluginPath) {
        assertTimeoutPreemptively(Duration.ofMinutes(8), () -> scaleOutUnderLoad(pluginPath));
    }

    private void scaleOutUnderLoad(Path pluginPath) throws Exception {
        long seed = Long.getLong(WorkerKillIT.SEED, System.currentTimeMillis());
        LOG.info("Sink scale-out test: seed {} (-D{}={})", seed, WorkerKillIT.SEED, seed);
        Random random = new Random(seed);
        LedgerStream stream = new LedgerStream(random.nextLong());
        PluginArchive.installInto(pluginPath);
        try (PostgresServer server = PostgresServer.start()) {
            ConsumerDatabase database = ConsumerDatabase.on(server, "ledger");
            database.execute(LedgerStream.ddl());
            try (ConnectStack stack =
                            ConnectStack.start("sink-scale-out", List.of(pluginPath), 1, workerProps(pluginPath));
                    SinkWorkers workers = new SinkWorkers(stack, CONNECTOR, LOGS);
                    OffsetAudit audit =
                            new OffsetAudit(database, stack.cluster().kafka(), "connect-" + CONNECTOR, CONSUMER);
                    EventPacer pacer = new EventPacer(stack.cluster().kafka(), EVENTS_PER_SECOND)) {
                EmbeddedConnectCluster connect = stack.cluster();
                connect.kafka().createTopic(LedgerStream.ACCOUNTS, PARTITIONS);
                connect.kafka().createTopic(LedgerStream.CUSTOMERS, PARTITIONS);
                connect.configureConnector(CONNECTOR, sinkConfig(database));
                connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS, "sink not running");
                pacer.start(stream::next, audit);
                audit.start();
                Run run = new Run(workers, server, database, audit, pacer, random, new Takeovers(LOG));
                run.changeTheCluster();
                int sent = pacer.finish(TIMEOUT);
                LOG.info("{} events produced, seed {}", sent, seed);
                awaitApplied(database, sent);
                run.takeovers.logSummary(getClass().getSimpleName());

                assertEndState(database, stream, audit, seed);
                connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, TASKS, "sink not running");
                connect.assertions().assertTopicsExist(DEAD_LETTERS);
                assertThat(connect.kafka().consumeAll(10_000, DEAD_LETTERS).count())
                        .as("dead-lettered records, seed %d", seed)
                        .isZero();
                assertThat(run.takeovers.measured()).hasSize(3);
            }
        }
    }

    /** The steps of the run, each at a seeded random point of the stream; the takeover of each loss measured. */
    private record Run(
            SinkWorkers workers,
            PostgresServer server,
            ConsumerDatabase database,
            OffsetAudit audit,
            EventPacer pacer,
            Random random,
            Takeovers takeovers) {

        /**
         * The forked workers boot while a worker in the test's JVM joins and is stopped again; then the cluster has
         * three workers, and the forked ones are killed in turn, the second while the database is down.
         */
        void changeTheCluster() {
            workers.fork(2);
            pause();
            String added = workers.addEmbedded();
            pause();
            lose("graceful stop", added, () -> workers.stopEmbedded(added));
            workers.awaitForked();
            pause();
            ForkedWorker first = workers.pick(random);
            lose("SIGKILL", first.workerId(), () -> workers.remove(first, ForkedWorker::kill));
            pause();
            server.stop();
            Instant down = Instant.now();
            ForkedWorker second = workers.pick(random);
            lose("SIGKILL with the database down", second.workerId(), () -> {
                workers.remove(second, ForkedWorker::kill);
                workers.awaitBalanced();
                // the outage outlasts the rebalance by a few seconds, not waiting for a condition
                LockSupport.parkNanos(OUTAGE_AFTER_REBALANCE.toNanos());
                server.startAgain();
                LOG.info(
                        "Database down for {} ms",
                        Duration.between(down, Instant.now()).toMillis());
            });
            pause();
        }

        /** Lets two to six seconds of events flow, counted in events so that the point is the seed's. */
        private void pause() {
            int target = pacer.sent() + EVENTS_PER_SECOND * (2 + random.nextInt(5));
            await("event " + target).atMost(TIMEOUT).until(() -> pacer.sent() >= target);
        }

        /** Loses the worker the given way, then measures how long until its partitions were applied again. */
        private void lose(String how, String workerId, Runnable losing) {
            Set<TopicPartition> held = workers.partitionsOf(workerId);
            int atEvent = pacer.sent();
            Instant lost = Instant.now();
            LOG.info("{} of {} at event {}, holding {} partitions", how, workerId, atEvent, held.size());
            losing.run();
            workers.awaitBalanced();
            Duration took = awaitTakeover(held, lost);
            takeovers.add(how, workerId, took, held.size() + " partitions, " + workers.size() + " workers left");
        }

        /** From the loss to the first event applied afterwards on a partition the lost worker held. */
        private Duration awaitTakeover(Set<TopicPartition> held, Instant lost) {
            AtomicReference<Instant> first = new AtomicReference<>();
            await("an event applied on a partition of the lost worker")
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        firstAppliedAfter(held, lost).ifPresent(first::set);
                        return first.get() != null;
                    });
            return Duration.between(lost, first.get());
        }

        private Optional<Instant> firstAppliedAfter(Set<TopicPartition> held, Instant lost) throws Exception {
            try (Connection connection = database.connect();
                    PreparedStatement statement = connection.prepareStatement("select event_id, applied_at"
                            + " from applied_events where applied_at > ? order by applied_at")) {
                statement.setObject(1, OffsetDateTime.ofInstant(lost, ZoneOffset.UTC));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (held.contains(audit.landed(rows.getString(1)).partition())) {
                            return Optional.of(
                                    rows.getObject(2, OffsetDateTime.class).toInstant());
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Waits until the inbox holds as many events as were produced; the assertions then say what is missing. */
    private static void awaitApplied(ConsumerDatabase database, int sent) {
        try {
            await("every event applied")
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> inboxCount(database) >= sent);
        } catch (ConditionTimeoutException e) {
            LOG.error("Only {} of {} events applied within {}", inboxCount(database), sent, TIMEOUT);
        }
    }

    private static int inboxCount(ConsumerDatabase database) {
        return Integer.parseInt(
                database.column("select count(*) from domainbridge_inbox where consumer = '" + CONSUMER + "'")
                        .get(0));
    }

    private static void assertEndState(ConsumerDatabase database, LedgerStream stream, OffsetAudit audit, long seed)
            throws Exception {
        assertThat(database.column("select concat(event_id, ' applied ', count(*), ' times') from applied_events"
                        + " group by event_id having count(*) > 1 order by 1"))
                .as("events applied more than once, seed %d", seed)
                .isEmpty();
        assertThat(database.column("select event_id from applied_events"))
                .as("events applied, seed %d", seed)
                .containsExactlyInAnyOrderElementsOf(stream.ids());
        assertThat(database.column("select event_id from domainbridge_inbox where consumer = '" + CONSUMER + "'"))
                .as("inbox, seed %d", seed)
                .containsExactlyInAnyOrderElementsOf(stream.ids());
        assertThat(database.column("select concat(account_id, ':', balance, ':', version, ':', applied_count)"
                        + " from accounts order by account_id"))
                .as("accounts, seed %d", seed)
                .containsExactlyElementsOf(stream.expectedAccounts());
        assertThat(database.column("select concat(customer_id, ':', address, ':', version, ':', applied_count)"
                        + " from addresses order by customer_id"))
                .as("addresses, seed %d", seed)
                .containsExactlyElementsOf(stream.expectedAddresses());
        assertThat(database.column("select concat(aggregate_id, ':', string_agg(version::text, ',' order by seq))"
                        + " from applied_events group by aggregate_id order by aggregate_id::bigint"))
                .as("versions in the order applied, per aggregate, seed %d", seed)
                .containsExactlyElementsOf(stream.expectedOrder());
        List<String> end = OffsetAudit.describe(audit.endOffsets());
        assertThat(end).as("partitions written to").hasSize(2 * PARTITIONS);
        assertThat(audit.storedOffsets())
                .as("offsets stored by the sink, seed %d", seed)
                .isEqualTo(end);
        await("committed offsets at the end of every partition")
                .atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(audit.committedOffsets()).isEqualTo(end));
        assertThat(audit.violations())
                .as("offsets ahead of the applied events, seed %d", seed)
                .isEmpty();
        assertThat(audit.samples()).as("offset samples compared").isPositive();
        LOG.info("{} offset samples compared, none ahead", audit.samples());
    }

    /**
     * The fast-failover settings, the sink's consumer session left to the connector; {@code plugin.path} holds only
     * the bundle, so that each forked worker starts without scanning the Debezium plugins this test does not use.
     */
    private static Map<String, String> workerProps(Path pluginPath) {
        Map<String, String> props = new HashMap<>(FastFailover.WORKER_GROUP_ONLY);
        props.put(WorkerConfig.PLUGIN_PATH_CONFIG, pluginPath.toString());
        return props;
    }

    private static Map<String, String> sinkConfig(ConsumerDatabase database) {
        String journal = "WITH journal AS (INSERT INTO applied_events (event_id, aggregate_id, version)"
                + " VALUES (:id, :aggregateid, :data.version)) ";
        Map<String, String> config = database.sinkConfig(LedgerStream.ACCOUNTS + "," + LedgerStream.CUSTOMERS);
        config.put("tasks.max", Integer.toString(TASKS));
        config.put("consumer.name", CONSUMER);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("mappings", "deposit,address");
        config.put("mappings.deposit.event.types", "Deposited");
        config.put("mappings.deposit.action", "statement");
        config.put(
                "mappings.deposit.statement",
                journal + "UPDATE accounts SET balance = balance + :data.amount, version = :data.version,"
                        + " applied_count = applied_count + 1 WHERE account_id = :data.accountId");
        config.put("mappings.address.event.types", "AddressChanged");
        config.put("mappings.address.action", "statement");
        config.put(
                "mappings.address.statement",
                journal + "INSERT INTO addresses (customer_id, address, version, applied_count)"
                        + " VALUES (:data.customerId, :data.address, :data.version, 1) ON CONFLICT (customer_id)"
                        + " DO UPDATE SET address = excluded.address, version = excluded.version,"
                        + " applied_count = addresses.applied_count + 1");
        config.put("unmatched.behavior", "dead-letter");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", DEAD_LETTERS);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        // a minute of retries half a second apart outlasts the outage and the rebalance within it
        config.put("retry.backoff.ms", "500");
        config.put("max.retries", "120");
        config.putAll(FastFailover.SINK);
        return config;
    }
}

package io.domainbridge.demo;

import io.domainbridge.testkit.outbox.OutboxEvent;
import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.rig.RemoteConnect;
import io.domainbridge.testkit.scenarios.BankingScenario;
import io.domainbridge.testkit.scenarios.BoundaryContract;
import io.domainbridge.testkit.scenarios.HcmScenario;
import io.domainbridge.testkit.scenarios.OutboxEvents;
import io.domainbridge.testkit.scenarios.PaymentsScenario;
import io.domainbridge.testkit.scenarios.Percentiles;
import io.domainbridge.testkit.scenarios.RunNamespace;
import io.domainbridge.testkit.scenarios.Scenario;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ScenarioSink;
import io.domainbridge.testkit.scenarios.ShippingScenario;
import java.io.PrintStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The README's main job: runs a scenario of {@code connect-configs/} on a Connect cluster (by default the local one of
 * {@code scripts/local-cluster.sh}, any running cluster given by its REST URL and bootstrap servers, or with
 * {@code --embedded} a broker and worker in this JVM), submits every connector JSON over the workers' REST API, drives
 * commands in the source domain at a fixed rate, prints progress, and reports what each consumer applied, the
 * duplicates it skipped, dead letters, columns withheld, end-to-end latency and the consistency check. Every count
 * comes from the consumer databases and the topics, none from log lines.
 *
 * <p>Arguments: see {@link DemoOptions}.
 */
public final class ScenarioDemo {

    private static final PrintStream OUT = System.out;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final Duration REDELIVERED_CONSUMED = Duration.ofSeconds(60);
    private static final Duration REST_UP = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 50;

    private final DemoOptions options;

    private ScenarioDemo(DemoOptions options) {
        this.options = options;
    }

    public static void main(String[] rawArgs) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(rawArgs);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.scenario().equals("boundary")) {
            BoundaryDemo.main(options.keep() ? new String[] {"--keep"} : new String[0]);
            return;
        }
        int code;
        try {
            code = new ScenarioDemo(options).run(scenario(options.scenario()));
        } catch (Throwable e) {
            System.err.println("demo: " + e.getMessage());
            if (options.verbose()) {
                e.printStackTrace();
            }
            code = 2;
        }
        System.exit(code);
    }

    private static Scenario scenario(String name) {
        return switch (name) {
            case "shipping" -> new ShippingScenario();
            case "payments" -> new PaymentsScenario();
            case "hcm" -> new HcmScenario();
            case "banking" -> new BankingScenario();
            default -> throw new IllegalArgumentException(
                    "Unknown scenario " + name + "; choose shipping, payments, hcm, banking or boundary");
        };
    }

    /** What the demo knows about one sink while the load runs. */
    private static final class Tracker {
        final ScenarioSink sink;
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger applied = new AtomicInteger();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Timestamp watermark = new Timestamp(0);
        Redelivery.Outcome redelivery;

        Tracker(ScenarioSink sink) {
            this.sink = sink;
        }
    }

    private final Map<String, Long> commitTimes = new ConcurrentHashMap<>();
    private final Map<String, String> eventTypes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> producedByType = new TreeMap<>();
    private final AtomicInteger commands = new AtomicInteger();
    private final Redelivery redelivery = new Redelivery();

    private int run(Scenario scenario) throws Exception {
        OutboxEvents.useWallClock(true);
        OUT.printf(
                "Domain Bridge demo: scenario '%s', %d commands/s for %d s in the source domain%n",
                scenario.name(), options.rate(), options.seconds());
        long setupStart = System.nanoTime();
        ScenarioDriver driver = new ScenarioDriver(scenario).log(line -> OUT.println("  - " + line));
        try {
            start(driver);
            OUT.printf(
                    "  - Connectors ready in %.1f s; REST API at %s%n",
                    seconds(System.nanoTime() - setupStart), driver.restUrl());
            List<Tracker> trackers = new ArrayList<>();
            for (ScenarioSink sink : ScenarioSink.of(driver)) {
                trackers.add(new Tracker(sink));
            }
            Thread poller = new Thread(() -> pollInboxes(driver, trackers), "inbox-poller");
            poller.setDaemon(true);
            poller.start();

            OUT.println();
            OUT.printf(
                    "Running commands in domain '%s' (each: state change + outbox row in one transaction)%n",
                    scenario.sourceDomain());
            long loadStart = System.nanoTime();
            Thread progress = new Thread(() -> progress(trackers, loadStart), "progress");
            progress.setDaemon(true);
            progress.start();
            runLoad(driver);
            double loadSeconds = seconds(System.nanoTime() - loadStart);
            OUT.printf(
                    "Load done: %d commands in %.1f s; waiting for the consumers to catch up%n",
                    commands.get(), loadSeconds);
            redeliverEvents(driver, trackers);
            String failed = awaitCaughtUp(driver, trackers);
            double caughtUp = seconds(System.nanoTime() - loadStart) - loadSeconds;
            progress.interrupt();
            OUT.println(progressLine(trackers, loadStart));
            List<ScenarioDriver.CheckOutcome> checks =
                    driver.checkConsistency(failed == null ? Duration.ofSeconds(60) : Duration.ofSeconds(2));
            awaitRedeliveredConsumed(driver, trackers, failed == null ? REDELIVERED_CONSUMED : Duration.ZERO);
            poller.interrupt();
            String audit = audit(driver);
            boolean ok = report(driver, trackers, checks, audit, loadSeconds, caughtUp);
            if (options.keep()) {
                keep(driver, trackers);
            }
            driver.close();
            return ok ? 0 : 1;
        } catch (Throwable e) {
            try {
                driver.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * On the embedded stack of its own, or on a running cluster with connector and topic names of this run alone:
     * a long-lived cluster still holds those of earlier runs.
     */
    private void start(ScenarioDriver driver) throws Exception {
        if (options.embedded()) {
            if (options.verbose()) {
                Configurator.setRootLevel(Level.INFO);
            }
            driver.start(Files.createTempDirectory("domain-bridge-plugins"));
            return;
        }
        String runId = "demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        OUT.printf(
                "  - Connect cluster at %s (Kafka at %s); this run's connectors and topics are named %s-*%n",
                options.connectUrl(), options.bootstrapServers(), runId);
        RemoteConnect cluster = new RemoteConnect(options.connectUrl(), options.bootstrapServers());
        awaitRestApi(cluster);
        driver.namespace(RunNamespace.of(runId)).start(cluster);
    }

    /** A worker just started answers on its REST port only once it has joined its group. */
    private static void awaitRestApi(RemoteConnect cluster) throws InterruptedException {
        long deadline = System.nanoTime() + REST_UP.toNanos();
        while (true) {
            try {
                cluster.connectorPlugins();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "No Connect REST API at " + cluster.restUrl() + " within "
                                    + REST_UP.toSeconds() + " s: start one (scripts/local-cluster.sh start) or give"
                                    + " --connect-url",
                            e);
                }
                Thread.sleep(1000);
            }
        }
    }

    private void runLoad(ScenarioDriver driver) throws SQLException {
        driver.runLoad(options.rate(), Duration.ofSeconds(options.seconds()), 42L, (index, command, committedAt) -> {
            for (OutboxEvent event : command.events()) {
                commitTimes.put(event.eventId(), committedAt);
                eventTypes.put(event.eventId(), event.eventType());
                synchronized (producedByType) {
                    producedByType
                            .computeIfAbsent(event.eventType(), t -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
            commands.incrementAndGet();
        });
    }

    /** Until no sink has events pending, a task failed, or the catch-up time is over; the failure or null. */
    private String awaitCaughtUp(ScenarioDriver driver, List<Tracker> trackers) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (trackers.stream().anyMatch(t -> pending(t) > 0) && System.nanoTime() < deadline) {
            String failed = failedTasks(driver);
            if (failed != null) {
                OUT.println("  ! " + failed + "; not waiting any longer");
                return failed;
            }
            Thread.sleep(500);
        }
        return null;
    }

    private void keep(ScenarioDriver driver, List<Tracker> trackers) throws InterruptedException {
        driver.keep(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println(
                    options.embedded()
                            ? "Stopping the stack and dropping the demo databases"
                            : "Deleting the demo's connectors and topics and dropping the demo databases");
            driver.keep(false);
            driver.close();
        }));
        printKeep(driver, trackers);
        Thread.currentThread().join();
    }

    /**
     * At-least-once delivery made visible: sends the first records of each event topic again, byte for byte with
     * their headers, as a producer retry or a replay would; the sinks must skip them through their inboxes.
     */
    private void redeliverEvents(ScenarioDriver driver, List<Tracker> trackers) throws Exception {
        if (options.redeliver() <= 0) {
            return;
        }
        Set<String> topics = new LinkedHashSet<>();
        for (Tracker tracker : trackers) {
            if (tracker.sink.appliesEvents()) {
                topics.addAll(topicsOf(driver, tracker.sink));
            }
        }
        redelivery
                .send(driver, topics, options.redeliver())
                .forEach((topic, sent) -> OUT.printf(
                        "Redelivered %d already-delivered records on %s (duplicates the sinks must skip)%n",
                        sent, topic));
    }

    private static Set<String> topicsOf(ScenarioDriver driver, ScenarioSink sink) {
        return new LinkedHashSet<>(
                BoundaryContract.list(driver.configs().get(sink.connector()).get("topics")));
    }

    /** The first failed connector or task the workers' REST API reports, or null when all run. */
    private static String failedTasks(ScenarioDriver driver) {
        for (String connector : driver.configs().keySet()) {
            try {
                String failure = driver.cluster().status(connector).failure(connector);
                if (failure != null) {
                    return failure;
                }
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Reads, from each event sink's offsets and inbox tables, whether it has consumed the redelivered copies on its
     * topics and still holds each event once; waits for the offsets to pass the copies up to the timeout.
     */
    private void awaitRedeliveredConsumed(ScenarioDriver driver, List<Tracker> trackers, Duration timeout)
            throws SQLException, InterruptedException {
        if (!redelivery.sentAny()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Tracker tracker : trackers) {
            if (!tracker.sink.appliesEvents()) {
                continue;
            }
            long expected = expected(tracker);
            try (Connection connection =
                    driver.databases().of(tracker.sink.domain()).connect()) {
                Set<String> topics = topicsOf(driver, tracker.sink);
                tracker.redelivery = redelivery.outcome(connection, tracker.sink, topics, expected);
                while (!tracker.redelivery.consumedAll() && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    tracker.redelivery = redelivery.outcome(connection, tracker.sink, topics, expected);
                }
            }
        }
    }

    private long expected(Tracker tracker) {
        return eventTypes.values().stream()
                .filter(tracker.sink.eventTypes()::contains)
                .count();
    }

    /**
     * Every few milliseconds, reads each sink's new inbox rows; an event id's first sighting is when its consumer row
     * became visible to a reader of the consumer database (the inbox row commits with it).
     */
    private void pollInboxes(ScenarioDriver driver, List<Tracker> trackers) {
        Map<String, Connection> connections = new LinkedHashMap<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (Tracker tracker : trackers) {
                    Connection connection = connections.get(tracker.sink.domain());
                    if (connection == null) {
                        connection =
                                driver.databases().of(tracker.sink.domain()).connect();
                        connections.put(tracker.sink.domain(), connection);
                    }
                    poll(connection, tracker);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            if (!e.getMessage().contains("does not exist")) {
                OUT.println("  ! inbox poller: " + e.getMessage());
            }
        } finally {
            connections.values().forEach(c -> {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            });
        }
    }

    private void poll(Connection connection, Tracker tracker) throws SQLException {
        if (!tracker.sink.appliesEvents()) {
            pollCommittedOffsets(connection, tracker);
            return;
        }
        // applied_at is the sink transaction's start, so rows committed later may carry an older time: look back.
        Timestamp since = new Timestamp(tracker.watermark.getTime() - 30_000);
        try (PreparedStatement statement = connection.prepareStatement(
                "select event_id, applied_at from domainbridge_inbox where consumer = ? and applied_at >= ?")) {
            statement.setString(1, tracker.sink.consumer());
            statement.setTimestamp(2, since);
            try (ResultSet rows = statement.executeQuery()) {
                long now = System.currentTimeMillis();
                while (rows.next()) {
                    String id = rows.getString(1);
                    Timestamp at = rows.getTimestamp(2);
                    if (at.after(tracker.watermark)) {
                        tracker.watermark = at;
                    }
                    if (tracker.seen.add(id)) {
                        tracker.applied.incrementAndGet();
                        Long committed = commitTimes.get(id);
                        if (committed != null) {
                            tracker.latencies.add(now - committed);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // the sink has not created its inbox yet
                throw e;
            }
        }
    }

    /** Replicated rows carry no event id: the sink's committed offsets count the records it has applied. */
    private static void pollCommittedOffsets(Connection connection, Tracker tracker) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select coalesce(sum(next_offset), 0) from domainbridge_offsets where consumer = ?")) {
            statement.setString(1, tracker.sink.consumer());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                tracker.applied.set((int) rows.getLong(1));
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // the sink has not created its offsets table yet
                throw e;
            }
        }
    }

    /** Events committed in the source that this sink applies and has not applied yet. */
    private int pending(Tracker tracker) {
        if (!tracker.sink.appliesEvents()) {
            return 0;
        }
        int pending = 0;
        for (Map.Entry<String, String> event : eventTypes.entrySet()) {
            if (tracker.sink.eventTypes().contains(event.getValue()) && !tracker.seen.contains(event.getKey())) {
                pending++;
            }
        }
        return pending;
    }

    private long oldestPendingMillis(Tracker tracker) {
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, String> event : eventTypes.entrySet()) {
            if (tracker.sink.eventTypes().contains(event.getValue()) && !tracker.seen.contains(event.getKey())) {
                oldest = Math.min(oldest, commitTimes.getOrDefault(event.getKey(), Long.MAX_VALUE));
            }
        }
        return oldest == Long.MAX_VALUE ? 0 : System.currentTimeMillis() - oldest;
    }

    private void progress(List<Tracker> trackers, long loadStart) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(5000);
                OUT.println(progressLine(trackers, loadStart));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String progressLine(List<Tracker> trackers, long loadStart) {
        StringBuilder line = new StringBuilder(String.format(
                "  [%5.1f s] commands %d, events %d |",
                seconds(System.nanoTime() - loadStart), commands.get(), commitTimes.size()));
        for (Tracker tracker : trackers) {
            line.append(' ').append(tracker.sink.consumer()).append(' ').append(tracker.applied.get());
            if (tracker.sink.appliesEvents()) {
                line.append(
                        String.format(" (lag %d, %.1f s)", pending(tracker), oldestPendingMillis(tracker) / 1000.0));
            }
            line.append(';');
        }
        return line.toString();
    }

    private static String audit(ScenarioDriver driver) {
        try {
            driver.auditReplication();
            return "passed: every record on the replicated topics carries only contract fields and no confidential"
                    + " source value; tables outside the contract never became topics";
        } catch (Throwable e) {
            return "FAILED: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private boolean report(
            ScenarioDriver driver,
            List<Tracker> trackers,
            List<ScenarioDriver.CheckOutcome> checks,
            String audit,
            double loadSeconds,
            double caughtUp)
            throws Exception {
        Scenario scenario = driver.scenario();
        Map<String, Long> topicRecords = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, driver.cluster().bootstrapServers()))) {
            for (Map<String, String> config : driver.configs().values()) {
                BoundaryContract contract = BoundaryContract.of(config);
                if (contract != null) {
                    for (String table : contract.sourceColumns().keySet()) {
                        String topic = config.get("topic.prefix") + "." + table;
                        topicRecords.put(topic, endOffsets(admin, topic));
                    }
                }
            }
            for (String topic : driver.deadLetterTopics()) {
                topicRecords.put(topic, endOffsets(admin, topic));
            }
        }
        Set<String> deadLetterTopics = driver.deadLetterTopics();
        long deadLettered =
                deadLetterTopics.stream().mapToLong(topicRecords::get).sum();

        OUT.println();
        OUT.println("=".repeat(100));
        OUT.printf("Domain Bridge demo report: scenario '%s'%n", scenario.name());
        OUT.println("=".repeat(100));
        OUT.printf(
                "Load: %d commands in %.1f s (%.1f/s) in domain '%s'; consumers caught up %.1f s after the last%n",
                commands.get(), loadSeconds, commands.get() / loadSeconds, scenario.sourceDomain(), caughtUp);
        OUT.println();
        OUT.println("Events produced (outbox rows committed in the source):");
        producedByType.forEach((type, count) -> OUT.printf("  %-28s %6d%n", type, count.get()));
        OUT.println("Records on the replicated (contract) topics, snapshot included:");
        topicRecords.forEach((topic, count) -> {
            if (!deadLetterTopics.contains(topic)) {
                OUT.printf("  %-40s %6d%n", topic, count);
            }
        });
        OUT.println();
        boolean duplicatesOk = printApplied(trackers);
        OUT.printf("Dead-lettered: %d%n", deadLettered);
        deadLetterTopics.forEach(topic -> OUT.printf("  %-40s %6d%n", topic, topicRecords.get(topic)));
        OUT.println();
        OUT.println("End-to-end latency, source commit -> consumer row visible (events paths):");
        OUT.println("  Method: the demo records the wall-clock time right after each command's source transaction"
                + " commits;");
        OUT.println("  a poller reads every consumer's domainbridge_inbox every " + POLL_MILLIS
                + " ms (the inbox row commits in the same");
        OUT.println("  transaction as the consumer row), and the first sighting of an event id is its visibility"
                + " time.");
        OUT.println("  Same machine, same clock; resolution is the poll interval. Replicated (CDC) consumers have"
                + " no event id to match.");
        OUT.printf("  %-24s %8s %8s %8s %8s %8s%n", "consumer", "events", "p50 ms", "p95 ms", "p99 ms", "max ms");
        List<Long> all = new ArrayList<>();
        for (Tracker tracker : trackers) {
            List<Long> latencies;
            synchronized (tracker.latencies) {
                latencies = new ArrayList<>(tracker.latencies);
            }
            if (latencies.isEmpty()) {
                continue;
            }
            all.addAll(latencies);
            printLatency(tracker.sink.consumer(), latencies);
        }
        if (!all.isEmpty()) {
            printLatency("all event consumers", all);
        }
        OUT.println();
        OUT.println("Columns withheld per contract (source columns the DomainBoundary lists do not name):");
        for (Map.Entry<String, Map<String, String>> connector : driver.configs().entrySet()) {
            Map<String, String> config = connector.getValue();
            BoundaryContract contract = BoundaryContract.of(config);
            if (contract == null) {
                continue;
            }
            String alias = valueAlias(config);
            OUT.printf(
                    "  contract %s v%s (%s):%n",
                    contract.contractId(), config.get("transforms." + alias + ".contract.version"), connector.getKey());
            driver.withheldColumns(contract).forEach((table, withheld) -> {
                OUT.printf("    %-22s shared     %s%n", table, columnsOf(config, alias, "columns", table));
                OUT.printf("    %-22s masked     %s%n", "", columnsOf(config, alias, "mask.columns", table));
                OUT.printf("    %-22s pseudonym. %s%n", "", columnsOf(config, alias, "pseudonymize.columns", table));
                OUT.printf("    %-22s WITHHELD   %s%n", "", withheld);
            });
            Set<String> dropped =
                    new LinkedHashSet<>(BoundaryContract.list(config.getOrDefault("table.include.list", "")));
            dropped.removeAll(contract.sourceColumns().keySet());
            if (!dropped.isEmpty()) {
                OUT.printf("    tables captured but outside the contract (records dropped): %s%n", dropped);
            }
        }
        OUT.println("  Replication audit: " + audit);
        OUT.println();
        OUT.println("Consistency check (every consumer table = what the source state and the contract say):");
        boolean consistent = true;
        for (ScenarioDriver.CheckOutcome outcome : checks) {
            consistent &= outcome.consistent();
            OUT.printf(
                    "  %-4s %s (%d rows%s)%n",
                    outcome.consistent() ? "OK" : "FAIL",
                    outcome.check().description(),
                    outcome.expectedRows(),
                    outcome.consistent() ? "" : ", consumer has " + outcome.consumerRows() + "; " + outcome.diff());
        }
        boolean ok = consistent && duplicatesOk && deadLettered == 0 && audit.startsWith("passed");
        OUT.println();
        OUT.println("RESULT: " + (ok ? "PASS" : "FAIL") + " (consistency " + (consistent ? "ok" : "FAILED")
                + ", duplicates " + (duplicatesOk ? "ok" : "FAILED") + ", dead-lettered " + deadLettered + ", audit "
                + (audit.startsWith("passed") ? "ok" : "FAILED") + ")");
        return ok;
    }

    /**
     * Applied and skipped per consumer, from its own tables; returns whether every event sink that was sent copies
     * consumed them all and still holds each event once.
     */
    private boolean printApplied(List<Tracker> trackers) {
        OUT.println("Applied per consumer (event consumers: rows in its domainbridge_inbox; replicated rows (cdc):"
                + " records up to its committed offsets; both written in the transaction that applies them):");
        OUT.printf("  %-24s %-20s %8s %8s %11s%n", "consumer", "database", "applied", "expected", "duplicates");
        boolean ok = true;
        for (Tracker tracker : trackers) {
            Redelivery.Outcome outcome = tracker.redelivery;
            String skipped = "-";
            if (outcome != null) {
                ok &= outcome.skippedAll();
                skipped = outcome.skippedAll()
                        ? Integer.toString(outcome.copiesOfItsTypes())
                        : outcome.consumedAll() ? "FAIL: inbox" : "FAIL: not read";
            }
            OUT.printf(
                    "  %-24s %-20s %8d %8s %11s%n",
                    tracker.sink.consumer(),
                    tracker.sink.domain(),
                    tracker.applied.get(),
                    tracker.sink.appliesEvents() ? Long.toString(expected(tracker)) : "(cdc)",
                    skipped);
        }
        if (redelivery.sentAny()) {
            OUT.println(
                    "Duplicates skipped: redelivered on purpose " + redelivery.perTopic() + "; a consumer's count is"
                            + " the copies of the event types it applies, once the next offset in its domainbridge_offsets");
            OUT.println("  lies past every copy on its topics and its domainbridge_inbox still holds each event id once"
                    + " (rows = events produced of its types); copies of other types it skips as unmatched.");
        }
        return ok;
    }

    private static String valueAlias(Map<String, String> config) {
        for (String alias : BoundaryContract.list(config.getOrDefault("transforms", ""))) {
            if (config.getOrDefault("transforms." + alias + ".type", "").endsWith("DomainBoundary$Value")) {
                return alias;
            }
        }
        return "";
    }

    private static List<String> columnsOf(Map<String, String> config, String alias, String key, String table) {
        return BoundaryContract.list(config.getOrDefault("transforms." + alias + "." + key, "")).stream()
                .filter(q -> q.substring(0, q.lastIndexOf('.')).equals(table))
                .map(q -> q.substring(q.lastIndexOf('.') + 1))
                .toList();
    }

    private static void printLatency(String consumer, List<Long> latencies) {
        Percentiles percentiles = Percentiles.of(latencies);
        OUT.printf(
                "  %-24s %8d %8d %8d %8d %8d%n",
                consumer,
                percentiles.count(),
                percentiles.at(50),
                percentiles.at(95),
                percentiles.at(99),
                percentiles.max());
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    private void printKeep(ScenarioDriver driver, List<Tracker> trackers) {
        String rest = driver.restUrl();
        OUT.println();
        OUT.println(
                options.embedded()
                        ? "The stack keeps running (Ctrl-C stops it). REST API: " + rest
                        : "The demo's connectors keep running (Ctrl-C deletes them). REST API: " + rest);
        OUT.println("Try:");
        OUT.println("  curl -s '" + rest + "connectors?expand=status'");
        for (String connector : driver.configs().keySet()) {
            OUT.println("  curl -s " + rest + "connectors/" + connector + "/status");
        }
        OUT.println("  curl -s '" + rest + "connector-plugins?connectorsOnly=false'");
        PostgresDatabase source = driver.databases().of(driver.scenario().sourceDomain());
        OUT.println("  psql -h " + source.host() + " -p " + source.port() + " -U " + source.user() + " " + source.name()
                + "   # the source domain (password: " + source.password() + ")");
        Set<String> shown = new HashSet<>();
        for (Tracker tracker : trackers) {
            PostgresDatabase db = driver.databases().of(tracker.sink.domain());
            if (shown.add(db.name())) {
                OUT.println("  psql -h " + db.host() + " -p " + db.port() + " -U " + db.user() + " " + db.name()
                        + " -c 'select consumer, count(*), max(applied_at) from domainbridge_inbox group by 1'");
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

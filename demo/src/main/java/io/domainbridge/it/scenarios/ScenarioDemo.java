package io.domainbridge.it.scenarios;

import io.domainbridge.it.demo.BoundaryDemo;
import io.domainbridge.it.outbox.OutboxEvent;
import io.domainbridge.it.rig.PostgresDatabase;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The README's main job: runs a scenario of {@code connect-configs/} on an embedded stack (a KRaft broker and a
 * distributed Connect worker with the bundle installed from its Confluent Hub archive), submits every connector JSON
 * over the worker's REST API, drives commands in the source domain at a fixed rate, prints progress, and reports what
 * each consumer applied, duplicates, dead letters, columns withheld, end-to-end latency and the consistency check.
 *
 * <p>Arguments (also as one space-separated argument, as Maven's exec passes them): {@code [--scenario
 * shipping|payments|hcm|banking|boundary] [--rate N] [--duration SECONDS] [--keep]}.
 */
public final class ScenarioDemo {

    private static final PrintStream OUT = System.out;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 50;
    private static final Pattern DUPLICATES = Pattern.compile("Skipped (\\d+) duplicate");

    private final int redeliver;

    private ScenarioDemo(int redeliver) {
        this.redeliver = redeliver;
    }

    public static void main(String[] rawArgs) throws Exception {
        List<String> args = new ArrayList<>();
        for (String arg : rawArgs) {
            args.addAll(Arrays.stream(arg.trim().split("\\s+"))
                    .filter(a -> !a.isEmpty() && !a.equals("--run"))
                    .toList());
        }
        String name = option(args, "--scenario", "shipping");
        int rate = Integer.parseInt(option(args, "--rate", "50"));
        int seconds = Integer.parseInt(option(args, "--duration", "30"));
        boolean keep = args.contains("--keep");
        int redeliver = Integer.parseInt(option(args, "--redeliver", "20"));
        if (name.equals("boundary")) {
            BoundaryDemo.main(keep ? new String[] {"--keep"} : new String[0]);
            return;
        }
        Scenario scenario =
                switch (name) {
                    case "shipping" -> new ShippingScenario();
                    case "payments" -> new PaymentsScenario();
                    case "hcm" -> new HcmScenario();
                    case "banking" -> new BankingScenario();
                    default -> throw new IllegalArgumentException(
                            "Unknown scenario " + name + "; choose shipping, payments, hcm, banking or boundary");
                };
        int code;
        try {
            code = new ScenarioDemo(redeliver).run(scenario, rate, Duration.ofSeconds(seconds), keep);
        } catch (Throwable e) {
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    /** What the demo knows about one sink while the load runs. */
    private static final class Tracker {
        final ScenarioSink sink;
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger applied = new AtomicInteger();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Timestamp watermark = new Timestamp(0);

        Tracker(ScenarioSink sink) {
            this.sink = sink;
        }
    }

    private final Map<String, Long> commitTimes = new ConcurrentHashMap<>();
    private final Map<String, String> eventTypes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> producedByType = new TreeMap<>();
    private final AtomicInteger commands = new AtomicInteger();
    private final Map<String, Integer> redelivered = new LinkedHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final Map<String, AtomicLong> duplicatesByConnector = new ConcurrentHashMap<>();

    private int run(Scenario scenario, int rate, Duration duration, boolean keep) throws Exception {
        OutboxEvents.useWallClock(true);
        countDuplicatesFromTheSinkLogs();
        Path pluginPath = Files.createTempDirectory("domain-bridge-plugins");
        OUT.printf(
                "Domain Bridge demo: scenario '%s', %d commands/s for %d s in the source domain%n",
                scenario.name(), rate, duration.toSeconds());
        long setupStart = System.nanoTime();
        ScenarioDriver driver = new ScenarioDriver(scenario).log(line -> OUT.println("  - " + line));
        try {
            driver.start(pluginPath);
            OUT.printf(
                    "  - Stack ready in %.1f s; REST API at %s%n",
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
            driver.runLoad(rate, duration, 42L, (index, command, committedAt) -> {
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
            double loadSeconds = seconds(System.nanoTime() - loadStart);
            OUT.printf(
                    "Load done: %d commands in %.1f s; waiting for the consumers to catch up%n",
                    commands.get(), loadSeconds);
            redeliverEvents(driver, trackers);
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            String failed = null;
            while (trackers.stream().anyMatch(t -> pending(t) > 0) && System.nanoTime() < deadline) {
                failed = failedTasks(driver);
                if (failed != null) {
                    OUT.println("  ! " + failed + "; not waiting any longer");
                    break;
                }
                Thread.sleep(500);
            }
            double caughtUp = seconds(System.nanoTime() - loadStart) - loadSeconds;
            progress.interrupt();
            OUT.println(progressLine(trackers, loadStart));
            List<ScenarioDriver.CheckOutcome> checks =
                    driver.checkConsistency(failed == null ? Duration.ofSeconds(60) : Duration.ofSeconds(2));
            awaitDuplicatesSettled();
            poller.interrupt();
            String audit = audit(driver);
            boolean ok = report(driver, trackers, checks, audit, loadSeconds, caughtUp);
            if (keep) {
                driver.keep(true);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    OUT.println("Stopping the stack and dropping the demo databases");
                    driver.keep(false);
                    driver.close();
                }));
                printKeep(driver, trackers);
                Thread.currentThread().join();
            }
            return ok ? 0 : 1;
        } finally {
            driver.close();
        }
    }

    /**
     * At-least-once delivery made visible: sends the first records of each event topic again, byte for byte with
     * their headers, as a producer retry or a replay would; the sinks must skip them through their inboxes.
     */
    private void redeliverEvents(ScenarioDriver driver, List<Tracker> trackers) throws Exception {
        if (redeliver <= 0) {
            return;
        }
        Set<String> topics = new LinkedHashSet<>();
        for (Tracker tracker : trackers) {
            if (tracker.sink.appliesEvents()) {
                topics.addAll(BoundaryContract.list(
                        driver.configs().get(tracker.sink.connector()).get("topics")));
            }
        }
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        driver.connect().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (String topic : topics) {
                int sent = 0;
                for (ConsumerRecord<byte[], byte[]> record :
                        driver.connect().kafka().consumeAll(30_000, topic)) {
                    if (sent++ >= redeliver) {
                        break;
                    }
                    producer.send(new ProducerRecord<>(
                            topic, record.partition(), record.key(), record.value(), record.headers()));
                }
                producer.flush();
                redelivered.put(topic, Math.min(sent, redeliver));
                OUT.printf(
                        "Redelivered %d already-delivered records on %s (duplicates the sinks must skip)%n",
                        Math.min(sent, redeliver), topic);
            }
        }
    }

    /** The first failed connector or task the worker's REST API reports, or null when all run. */
    private static String failedTasks(ScenarioDriver driver) {
        for (String connector : driver.configs().keySet()) {
            try {
                var status = driver.connect().connectorStatus(connector);
                if ("FAILED".equals(status.connector().state())) {
                    return "connector " + connector + " FAILED";
                }
                for (var task : status.tasks()) {
                    if ("FAILED".equals(task.state())) {
                        String trace = task.trace() == null
                                ? ""
                                : task.trace().lines().findFirst().orElse("");
                        return "task " + connector + "-" + task.id() + " FAILED: " + trace;
                    }
                }
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** Gives the sinks time to reach the redelivered records: until the duplicate count stays put for 2 s. */
    private void awaitDuplicatesSettled() throws InterruptedException {
        if (redelivered.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = duplicates.get();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - stableSince > 2_000_000_000L) {
                return;
            }
            Thread.sleep(200);
        }
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
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                driver.connect().kafka().bootstrapServers()))) {
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
        OUT.println("Applied per consumer (event consumers: rows in its domainbridge_inbox; replicated rows (cdc):"
                + " records up to its committed offsets; both written in the transaction that applies them):");
        OUT.printf("  %-24s %-20s %8s %8s %11s%n", "consumer", "database", "applied", "expected", "duplicates");
        for (Tracker tracker : trackers) {
            int expected = (int) eventTypes.values().stream()
                    .filter(tracker.sink.eventTypes()::contains)
                    .count();
            OUT.printf(
                    "  %-24s %-20s %8d %8s %11d%n",
                    tracker.sink.consumer(),
                    tracker.sink.domain(),
                    tracker.applied.get(),
                    tracker.sink.appliesEvents() ? Integer.toString(expected) : "(cdc)",
                    duplicatesByConnector
                            .getOrDefault(tracker.sink.connector(), new AtomicLong())
                            .get());
        }
        OUT.printf(
                "Duplicates skipped (sinks' \"Skipped N duplicate event(s)\" log lines): %d; redelivered on purpose:"
                        + " %s%n",
                duplicates.get(), redelivered);
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
        boolean ok = consistent && deadLettered == 0 && audit.startsWith("passed");
        OUT.println();
        OUT.println("RESULT: " + (ok ? "PASS" : "FAIL") + " (consistency " + (consistent ? "ok" : "FAILED")
                + ", dead-lettered " + deadLettered + ", audit " + (audit.startsWith("passed") ? "ok" : "FAILED")
                + ")");
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
        OUT.println("The stack keeps running (Ctrl-C stops it). REST API: " + rest);
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

    /** Counts the sinks' "Skipped N duplicate event(s)" lines, per connector, without printing them. */
    private void countDuplicatesFromTheSinkLogs() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        AbstractAppender counter = new AbstractAppender("duplicates", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                Matcher matcher = DUPLICATES.matcher(event.getMessage().getFormattedMessage());
                if (matcher.find()) {
                    long n = Long.parseLong(matcher.group(1));
                    duplicates.addAndGet(n);
                    Object connector = event.getContextData().getValue("connector.context");
                    Matcher name = Pattern.compile("\\[([^|\\]]+)").matcher(String.valueOf(connector));
                    if (name.find()) {
                        duplicatesByConnector
                                .computeIfAbsent(name.group(1), k -> new AtomicLong())
                                .addAndGet(n);
                    }
                }
            }
        };
        counter.start();
        configuration.addAppender(counter);
        LoggerConfig logger = new LoggerConfig("io.domainbridge.connectors.CommandSinkTask", Level.INFO, false);
        logger.addAppender(counter, Level.INFO, null);
        configuration.addLogger(logger.getName(), logger);
        context.updateLoggers();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

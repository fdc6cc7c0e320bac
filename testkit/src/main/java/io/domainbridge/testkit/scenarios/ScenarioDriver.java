package io.domainbridge.testkit.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.outbox.OutboxEvent;
import io.domainbridge.testkit.rig.ConnectCluster;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.EmbeddedConnect;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.rig.SecretFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Runs a {@link Scenario} end to end on a Connect cluster, an embedded one of its own or one that runs elsewhere: a
 * database per domain from the scenario's SQL, every connector of the scenario from its JSON (placeholders filled in),
 * the source domain's commands, then the consistency checks, the audit of what the boundary let out, and empty
 * dead-letter topics. Used by the scenario ITs, the demo and the benchmarks.
 */
public final class ScenarioDriver implements AutoCloseable {

    public static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int PARTITIONS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final String pseudonymizeKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    private final Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    private ScenarioDatabases databases;
    private ConnectCluster cluster;
    private RunNamespace namespace = RunNamespace.none();
    private Consumer<String> log = line -> {};
    private boolean wallClockEvents;

    public ScenarioDriver(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Where {@link #start} reports its steps; nowhere unless set. */
    public ScenarioDriver log(Consumer<String> log) {
        this.log = log;
        return this;
    }

    /**
     * Event times from the wall clock (still strictly increasing) instead of the simulated clock, which moves up to a
     * minute per event: runs of more than a few hundred commands would otherwise produce records the broker rejects
     * as more than an hour in the future. Every scenario in this JVM follows the wall clock until {@link #close()}.
     */
    public ScenarioDriver wallClockEvents() {
        OutboxEvents.useWallClock(true);
        wallClockEvents = true;
        return this;
    }

    /** Called after each command's commit with the command and the wall-clock time of the commit. */
    public interface CommitListener {
        void committed(int index, Command command, long committedAtMillis);
    }

    /**
     * Connector and topic names of this run in the namespace, for a cluster that outlives the run; {@link #close()}
     * then also deletes the run's topics.
     */
    public ScenarioDriver namespace(RunNamespace namespace) {
        this.namespace = namespace;
        return this;
    }

    /** Databases, stack and every connector, running; the sources' replication slots exist. */
    public void start(Path pluginPath) throws InterruptedException {
        start(pluginPath, 1, Map.of());
    }

    /**
     * As {@link #start(Path)}, on a Connect cluster of the given number of workers, each with the given worker
     * properties on top of the rig's.
     */
    public void start(Path pluginPath, int workers, Map<String, String> workerProps) throws InterruptedException {
        prepare();
        log.accept("Installing the Confluent Hub archive into plugin.path " + pluginPath);
        PluginArchive.installInto(pluginPath);
        log.accept("Starting a KRaft broker and " + workers + " Connect worker(s) in distributed mode");
        cluster = EmbeddedConnect.start(scenario.name() + "-scenario", List.of(pluginPath), workers, workerProps);
        deploy();
    }

    /**
     * Databases and every connector on a running cluster, whose workers must have the bundle and Debezium on their
     * {@code plugin.path}; {@link #close()} deletes the connectors and closes the cluster's clients.
     */
    public void start(ConnectCluster running) throws InterruptedException {
        prepare();
        cluster = running;
        deploy();
    }

    private void prepare() {
        Path folder = CONNECT_CONFIGS.resolve(scenario.name());
        log.accept("Creating one PostgreSQL database per domain from " + folder.resolve("sql") + ": "
                + scenario.domains());
        databases = ScenarioDatabases.create(folder.resolve("sql"), scenario.domains());
        databases.execute(scenario.sourceDomain(), "create extension if not exists pgcrypto");
        ConnectorConfigs loader =
                new ConnectorConfigs(databases.all(), SecretFile.write("pseudonymize-key", pseudonymizeKey));
        scenario.connectors()
                .forEach(name -> configs.put(
                        namespace.connector(name), namespace.apply(loader.load(folder.resolve(name + ".json")))));
    }

    private void deploy() throws InterruptedException {
        requirePlugins();
        topicsToCreate().forEach(topic -> cluster.createTopic(topic, PARTITIONS));
        for (String file : scenario.connectors()) {
            String name = namespace.connector(file);
            log.accept("PUT " + restUrl() + "connectors/" + name + "/config  (from connect-configs/" + scenario.name()
                    + "/" + file + ".json)");
            submit(name, configs.get(name));
            cluster.awaitRunning(name, 1, TIMEOUT);
        }
        await().atMost(TIMEOUT).until(this::slotsActive);
        log.accept("All " + configs.size() + " connectors running; the sources' replication slots are active");
    }

    /** Every connector class of the scenario is on the workers' plugin.path, or the run stops before it starts. */
    private void requirePlugins() {
        Set<String> installed = cluster.connectorPlugins();
        Set<String> missing = new LinkedHashSet<>();
        configs.values().forEach(config -> missing.add(config.get("connector.class")));
        missing.removeAll(installed);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Connect cluster at " + restUrl() + " has no connector plugin "
                    + missing + " on its plugin.path: install the bundle's Confluent Hub archive and Debezium's"
                    + " PostgreSQL connector there (scripts/local-cluster.sh does), then restart its workers");
        }
    }

    /** The worker's REST API, ending in a slash. */
    public String restUrl() {
        return cluster.restUrl();
    }

    /**
     * Submits a connector's config over the worker's REST API, as a user would: PUT /connectors/NAME/config; a refusal
     * names the keys the worker's validation rejects.
     */
    private void submit(String name, Map<String, String> config) {
        try {
            cluster.putConnector(name, config);
        } catch (IllegalStateException refused) {
            Map<String, String> errors = cluster.validate(config);
            if (errors.isEmpty()) {
                throw refused;
            }
            throw new IllegalStateException("Connect refused " + name + "; keys in error: " + errors, refused);
        }
    }

    /** Runs the commands, each in one transaction of the source domain; returns how many outbox rows they wrote. */
    public int runCommands(int count, long seed) throws SQLException {
        Random random = new Random(seed);
        int events = 0;
        try (Connection connection = databases.of(scenario.sourceDomain()).connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                events += apply(connection, scenario.command(i, random));
            }
        }
        return events;
    }

    /**
     * Runs commands at a steady rate (per second) for a duration, each in one transaction of the source domain,
     * telling the listener each commit's time; returns how many commands ran. Stops when the duration is over, also
     * when the commands fell behind their schedule (so fewer ran than the rate asks), and early when interrupted.
     */
    public int runLoad(int rate, Duration duration, long seed, CommitListener listener) throws SQLException {
        try (Connection connection = databases.of(scenario.sourceDomain()).connect()) {
            connection.setAutoCommit(false);
            return schedule(rate, duration, seed, (index, command) -> {
                apply(connection, command);
                listener.committed(index, command, System.currentTimeMillis());
            });
        }
    }

    /**
     * As {@link #runLoad(int, Duration, long, CommitListener)}, on {@code connections} connections at once, each
     * aggregate's commands on one of them and in order; the listener is then called from several threads.
     */
    public int runLoad(int rate, Duration duration, long seed, int connections, CommitListener listener)
            throws SQLException {
        if (connections <= 1) {
            return runLoad(rate, duration, seed, listener);
        }
        try (CommandLanes lanes =
                new CommandLanes(connections, databases.of(scenario.sourceDomain())::connect, this::apply, listener)) {
            int commands = schedule(rate, duration, seed, (index, command) -> {
                try {
                    lanes.submit(index, command);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            lanes.finish();
            return commands;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the last commands committed", e);
        }
    }

    /** Where {@link #schedule} hands each command when it is due. */
    private interface CommandRunner {
        void run(int index, Command command) throws SQLException;
    }

    private int schedule(int rate, Duration duration, long seed, CommandRunner runner) throws SQLException {
        Random random = new Random(seed);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int index = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long due = start + (long) (index * 1_000_000_000.0 / rate);
            if (due >= end || System.nanoTime() >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            runner.run(index, scenario.command(index, random));
            index++;
        }
        return index;
    }

    private int apply(Connection connection, Command command) throws SQLException {
        for (Command.Statement statement : command.stateChange()) {
            execute(connection, statement.sql(), statement.parameters());
        }
        for (OutboxEvent event : command.events()) {
            insertOutbox(connection, event);
        }
        connection.commit();
        return command.events().size();
    }

    /** The outcome of one consistency check: whether the consumer caught up with the source, and the first diff. */
    public record CheckOutcome(
            ConsistencyCheck check, boolean consistent, int expectedRows, int consumerRows, String diff) {}

    /**
     * Every consistency check of the scenario, each waiting up to the timeout for the consumer to equal the source;
     * the result instead of an assertion, for the demo's report.
     */
    public List<CheckOutcome> checkConsistency(Duration timeout) throws InterruptedException {
        List<CheckOutcome> outcomes = new java.util.ArrayList<>();
        for (ConsistencyCheck check : scenario.checks(pseudonymizeKey)) {
            List<String> expected = databases.rows(scenario.sourceDomain(), check.sourceQuery());
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String> actual = databases.rows(check.consumerDomain(), check.consumerQuery());
            while (!actual.equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                actual = databases.rows(check.consumerDomain(), check.consumerQuery());
            }
            String diff = "";
            if (!actual.equals(expected)) {
                for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
                    String want = i < expected.size() ? expected.get(i) : "(no row)";
                    String got = i < actual.size() ? actual.get(i) : "(no row)";
                    if (!want.equals(got)) {
                        diff = "row " + (i + 1) + ": expected " + want + ", consumer has " + got;
                        break;
                    }
                }
            }
            outcomes.add(new CheckOutcome(
                    check, actual.equals(expected) && !expected.isEmpty(), expected.size(), actual.size(), diff));
        }
        return outcomes;
    }

    /** Per contract table: the source columns no contract list names, i.e. those the boundary withholds. */
    public Map<String, Set<String>> withheldColumns(BoundaryContract contract) {
        Map<String, Set<String>> withheld = new LinkedHashMap<>();
        for (String table : contract.sourceColumns().keySet()) {
            Set<String> columns = new LinkedHashSet<>(sourceColumns(table));
            columns.removeAll(contract.sourceColumns().get(table));
            withheld.put(table, columns);
        }
        return withheld;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Map<String, Map<String, String>> configs() {
        return configs;
    }

    /** The cluster the driver talks to. */
    public ConnectCluster cluster() {
        return cluster;
    }

    /** The embedded cluster, for tests that add, remove or restart its workers and broker. */
    public EmbeddedConnectCluster connect() {
        return embedded().cluster();
    }

    public ConnectStack stack() {
        return embedded().stack();
    }

    private EmbeddedConnect embedded() {
        if (cluster instanceof EmbeddedConnect embedded) {
            return embedded;
        }
        throw new IllegalStateException("The driver runs on a cluster at " + restUrl() + ", not an embedded one");
    }

    /** Whether {@link #close()} stops nothing: the demo's --keep leaves the stack running until Ctrl-C. */
    public void keep(boolean keep) {
        kept = keep;
    }

    /** Waits until every consumer holds, row by row, what the source and the contracts say; a failure shows the diff. */
    public void assertConsistent() {
        for (ConsistencyCheck check : scenario.checks(pseudonymizeKey)) {
            List<String> expected = databases.rows(scenario.sourceDomain(), check.sourceQuery());
            assertThat(expected)
                    .as("%s: the source holds rows to compare", check.description())
                    .isNotEmpty();
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                            databases.rows(check.consumerDomain(), check.consumerQuery()))
                    .as(check.description())
                    .containsExactlyElementsOf(expected));
        }
    }

    /**
     * Every record of every contract table: only contract fields, no withheld column, no confidential value, at least
     * one record per source row; tables the source captures outside the contract never became topics.
     */
    public void auditReplication() throws Exception {
        List<String> confidential = databases.rows(scenario.sourceDomain(), scenario.confidentialValuesQuery());
        assertThat(confidential).isNotEmpty();
        for (Map<String, String> config : configs.values()) {
            BoundaryContract contract = BoundaryContract.of(config);
            if (contract == null) {
                continue;
            }
            for (String table : contract.sourceColumns().keySet()) {
                Set<String> withheld = new LinkedHashSet<>(sourceColumns(table));
                withheld.removeAll(contract.sourceColumns().get(table));
                String topic = config.get("topic.prefix") + "." + table;
                List<ConsumerRecord<byte[], byte[]>> published = cluster.consumeAll(topic, TIMEOUT);
                int records = ReplicationAudit.audit(contract, table, withheld, confidential, published);
                assertThat(ReplicationAudit.rowSchemaNames(published))
                        .as("Debezium's default shapes on %s", topic)
                        .contains(
                                "io.debezium.time.Date",
                                "io.debezium.time.ZonedTimestamp",
                                "io.debezium.data.VariableScaleDecimal");
                assertThat(records)
                        .as("records on %s, at least one per source row", topic)
                        .isGreaterThanOrEqualTo(Integer.parseInt(databases
                                .rows(scenario.sourceDomain(), "select count(*) from " + table)
                                .get(0)));
            }
            for (String table : BoundaryContract.list(config.getOrDefault("table.include.list", ""))) {
                if (!contract.sourceColumns().containsKey(table)) {
                    String unlisted = config.get("topic.prefix") + "." + table;
                    assertThat(cluster.topicExists(unlisted))
                            .as("topic %s of a table outside the contract", unlisted)
                            .isFalse();
                }
            }
        }
    }

    /**
     * Dead-letter topics of sources and sinks hold nothing: no event was rejected on the way. Connect created each
     * sink's topic when the task started, as the connector JSON asks; a transform's topic appears only with its first
     * record, so one that does not exist holds nothing.
     */
    public void assertNothingDeadLettered() throws Exception {
        configs.values().stream()
                .map(config -> config.get("errors.deadletterqueue.topic.name"))
                .filter(topic -> topic != null)
                .forEach(topic -> assertThat(cluster.topicExists(topic))
                        .as("dead-letter topic %s exists", topic)
                        .isTrue());
        for (String topic : deadLetterTopics()) {
            if (cluster.topicExists(topic)) {
                assertThat(cluster.consumeAll(topic, TIMEOUT).size())
                        .as("records on dead-letter topic %s", topic)
                        .isZero();
            }
        }
    }

    public ScenarioDatabases databases() {
        return databases;
    }

    private boolean kept;

    @Override
    public void close() {
        if (kept) {
            return;
        }
        try {
            if (cluster != null) {
                configs.keySet().forEach(cluster::deleteConnector);
                if (!namespace.prefix().isEmpty()) {
                    cluster.deleteTopicsStartingWith(namespace.prefix());
                }
            }
        } finally {
            if (wallClockEvents) {
                OutboxEvents.useWallClock(false);
            }
            closeStackAndDatabases();
        }
    }

    /** The databases are dropped even when the stack fails to stop, so no replication slot outlives the run. */
    private void closeStackAndDatabases() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (databases != null) {
                databases.close();
            }
        }
    }

    private Set<String> topicsToCreate() {
        Set<String> topics = new LinkedHashSet<>();
        configs.values().forEach(config -> topics.addAll(BoundaryContract.list(config.getOrDefault("topics", ""))));
        return topics;
    }

    public Set<String> deadLetterTopics() {
        Set<String> topics = new LinkedHashSet<>();
        for (Map<String, String> config : configs.values()) {
            config.forEach((key, value) -> {
                if (key.equals("errors.deadletterqueue.topic.name") || key.endsWith(".dead.letter.topic")) {
                    topics.add(value);
                }
            });
        }
        return topics;
    }

    private boolean slotsActive() {
        PostgresDatabase source = databases.of(scenario.sourceDomain());
        long sources = configs.values().stream()
                .filter(c -> c.containsKey("slot.name"))
                .count();
        return databases
                .rows(
                        scenario.sourceDomain(),
                        "select count(*) from pg_replication_slots where active and database = '" + source.name() + "'")
                .equals(List.of(Long.toString(sources)));
    }

    private List<String> sourceColumns(String table) {
        String[] parts = table.split("\\.");
        return databases.rows(
                scenario.sourceDomain(),
                "select column_name from information_schema.columns" + " where table_schema = '" + parts[0]
                        + "' and table_name = '" + parts[1] + "'");
    }

    private void insertOutbox(Connection connection, OutboxEvent event) throws SQLException {
        execute(
                connection,
                "insert into " + scenario.outboxTable() + " (event_id, aggregate_type, aggregate_id,"
                        + " event_type, command_id, correlation_id, causation_id, occurred_at, schema_version, payload)"
                        + " values (?::uuid, ?, ?, ?, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?::jsonb)",
                event.eventId(),
                event.aggregateType(),
                event.aggregateId(),
                event.eventType(),
                event.commandId(),
                event.correlationId(),
                event.causationId(),
                OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC),
                event.schemaVersion(),
                json(event.payload()));
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Records/s applied into PostgreSQL from one pre-loaded topic of replicated rows by (a) CommandSink in upsert mode,
 * (b) Debezium's JDBC sink in upsert mode, each with one task, the same batch size and a consumer group and fresh
 * table of its own, and (c) a raw JDBC loop of batched upserts of the same rows without Kafka. Same run, same
 * database; writes a Markdown report. Not a test: run it with {@code benchmarks/scripts/run-sink.sh}.
 */
public final class SinkThroughputBenchmark {

    static final String TOPIC = "bench.shop.customers";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final int records;
    private final int batchSize;
    private final PostgresDatabase database;
    private final EmbeddedConnectCluster connect;
    private final BenchRows rows = new BenchRows();
    private final String paths = System.getenv().getOrDefault("SINK_BENCH_PATHS", "a,b,c,n");

    private SinkThroughputBenchmark(int records, int batchSize, PostgresDatabase database, EmbeddedConnectCluster c) {
        this.records = records;
        this.batchSize = batchSize;
        this.database = database;
        this.connect = c;
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(System.getenv().getOrDefault("SINK_BENCH_RECORDS", "200000"));
        int batchSize = Integer.parseInt(System.getenv().getOrDefault("SINK_BENCH_BATCH_SIZE", "1000"));
        Path report = Path.of(args.length > 0 ? args[0] : "sink-benchmark.md");
        Path pluginPath = Files.createTempDirectory("sink-bench-plugins");
        PluginArchive.installInto(pluginPath);
        try (PostgresDatabase database = PostgresDatabase.create("sinkbench");
                ConnectStack stack = ConnectStack.start("sink-bench", pluginPath, 1)) {
            SinkBenchReport result = new SinkThroughputBenchmark(records, batchSize, database, stack.cluster()).run();
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, result.markdown());
            result.summarize(report);
            System.out.println(result.markdown());
            System.out.println("Wrote " + report);
        }
        System.exit(0);
    }

    private SinkBenchReport run() throws Exception {
        SinkBenchReport report = new SinkBenchReport(records, batchSize, BenchRows.COLUMNS.size(), 1);
        report.loadAvgBefore(Provenance.loadAverage());
        connect.kafka().createTopic(TOPIC, 1);
        long produceStart = System.nanoTime();
        produce();
        log("Produced " + records + " records in " + seconds(produceStart) + " s");
        for (String table : new String[] {"bench_raw", "bench_raw_rewrite", "bench_debezium", "bench_command"}) {
            database.inTransaction(BenchRows.createTable(table));
        }
        if (paths.contains("c")) {
            report.add("c", "raw JDBC, batched INSERT ... ON CONFLICT, no Kafka", rawJdbc("bench_raw", false));
            report.add("c'", "raw JDBC as (c), reWriteBatchedInserts=true", rawJdbc("bench_raw_rewrite", true));
        }
        // the Connect pipeline first, so that (a) and (b) both start with its classes warm
        if (paths.contains("n")) {
            report.add(
                    "n",
                    "CommandSink selecting nothing (Connect, converter, offsets only)",
                    connector(
                            "command-sink-noop",
                            "select coalesce(max(next_offset), 0) from domainbridge_offsets"
                                    + " where consumer = 'command-sink-noop'",
                            noopSink()));
        }
        if (paths.contains("a")) {
            report.add(
                    "a",
                    "CommandSink, upsert",
                    connector("command-sink", "select count(*) from bench_command", commandSink()));
        }
        if (paths.contains("b")) {
            report.add(
                    "b",
                    "Debezium JDBC sink 3.6.0.Final, upsert",
                    connector("debezium-jdbc", "select count(*) from bench_debezium", debezium()));
        }
        report.loadAvgAfter(Provenance.loadAverage());
        return report;
    }

    private void produce() {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connect.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long id = 1; id <= records; id++) {
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(id).getBytes(), rows.json(TOPIC, id)));
            }
            producer.flush();
        }
    }

    /** One connection, batches of {@code batchSize} upserts, one commit per batch. */
    private SinkBenchReport.Measurement rawJdbc(String table, boolean rewrite) throws SQLException {
        long start = System.nanoTime();
        try (Connection db = java.sql.DriverManager.getConnection(url(rewrite), database.user(), database.password());
                PreparedStatement statement = db.prepareStatement(BenchRows.upsert(table))) {
            db.setAutoCommit(false);
            for (long id = 1; id <= records; id++) {
                BenchRows.bind(statement, rows.row(id));
                statement.addBatch();
                if (id % batchSize == 0 || id == records) {
                    statement.executeBatch();
                    db.commit();
                }
            }
        }
        double elapsed = seconds(start);
        assertCount(table);
        return new SinkBenchReport.Measurement(records / elapsed, elapsed, 0);
    }

    /** From connector creation until the progress query (rows or stored offset) reaches the record count. */
    private SinkBenchReport.Measurement connector(String name, String progress, Map<String, String> config) {
        long start = System.nanoTime();
        connect.configureConnector(name, config);
        double firstRow = -1;
        long deadline = start + TIMEOUT.toNanos();
        int count = 0;
        while (count < records && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            count = count(name, progress);
            failIfTaskFailed(name);
            if (count > 0 && firstRow < 0) {
                firstRow = seconds(start);
            }
        }
        double elapsed = seconds(start);
        connect.deleteConnector(name);
        if (count < records) {
            throw new IllegalStateException(name + " applied " + count + " of " + records + " rows in " + TIMEOUT);
        }
        log(name + ": " + records + " rows in " + elapsed + " s, first row after " + firstRow + " s");
        return new SinkBenchReport.Measurement(records / elapsed, elapsed, firstRow);
    }

    private void failIfTaskFailed(String name) {
        connect.connectorStatus(name).tasks().stream()
                .filter(task -> "FAILED".equals(task.state()))
                .findFirst()
                .ifPresent(task -> {
                    throw new IllegalStateException(name + " task failed: " + task.trace());
                });
    }

    private Map<String, String> common() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("tasks.max", "1");
        config.put("topics", TOPIC);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("consumer.override.max.poll.records", Integer.toString(batchSize));
        config.put("consumer.override.auto.offset.reset", "earliest");
        config.put("batch.size", Integer.toString(batchSize));
        config.put("connection.url", url(false));
        config.put("connection.password", database.password());
        return config;
    }

    private Map<String, String> commandSink() {
        Map<String, String> config = common();
        config.put("connector.class", "io.domainbridge.connectors.CommandSinkConnector");
        config.put("connection.user", database.user());
        config.put("mappings", "customers");
        config.put("mappings.customers.topics", TOPIC);
        config.put("mappings.customers.table", "bench_command");
        config.put("mappings.customers.fields", String.join(", ", BenchRows.COLUMNS));
        config.put("mappings.customers.key.columns", "id");
        return config;
    }

    private Map<String, String> debezium() {
        Map<String, String> config = common();
        config.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
        config.put("connection.username", database.user());
        config.put("insert.mode", "upsert");
        config.put("delete.enabled", "false");
        config.put("primary.key.mode", "record_value");
        config.put("primary.key.fields", "id");
        config.put("schema.evolution", "none");
        config.put("collection.name.format", "bench_debezium");
        return config;
    }

    private String url(boolean rewrite) {
        return "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name()
                + (rewrite ? "?reWriteBatchedInserts=true" : "");
    }

    /**
     * The ceiling of any sink on this rig: CommandSink with a mapping that selects no record, so each batch only
     * stores its offsets.
     */
    private Map<String, String> noopSink() {
        Map<String, String> config = commandSink();
        config.put("mappings.customers.topics", "no.such.topic");
        config.put("unmatched.behavior", "skip");
        return config;
    }

    private int count(String table) {
        return count(table, "select count(*) from " + table);
    }

    private int count(String what, String query) {
        try (Connection db = database.connect();
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the sink has not created its offsets table yet
            }
            throw new IllegalStateException("Cannot count the rows of " + what, e);
        }
    }

    private void assertCount(String table) {
        if (count(table) != records) {
            throw new IllegalStateException(table + " holds " + count(table) + " rows, expected " + records);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String message) {
        System.out.println("[sink-bench] " + message);
    }
}

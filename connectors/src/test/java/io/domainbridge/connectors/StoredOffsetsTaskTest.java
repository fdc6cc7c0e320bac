package io.domainbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.SinkConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stored offsets against a real database: replicated rows carry no event id, so only the offsets stored with the
 * commands keep each record applied exactly once. A statement mapping appends one log row per applied record, which
 * makes a lost or repeated record visible.
 */
class StoredOffsetsTaskTest {

    private static final String TOPIC = "parcels";
    private static final int LOG_END = 12;
    private static final Schema ROW = SchemaBuilder.struct()
            .field("part", Schema.INT32_SCHEMA)
            .field("seq", Schema.INT64_SCHEMA)
            .build();

    private final List<CommandSinkTask> tasks = new ArrayList<>();
    private TestDatabase database;

    @AfterEach
    void dropDatabase() {
        tasks.forEach(CommandSinkTask::stop);
        if (database != null) {
            database.close();
        }
    }

    /**
     * Partitions assigned while the database is down, then a batch once it is back: a partition without stored
     * offset (1), one whose group offset equals (0), lags behind (2) or is ahead of (3) its stored offset. Only the
     * last needs a rewind; the others are applied in the same put, and nothing is lost or applied twice.
     */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void partitionsAssignedDuringAnOutageLoseNoRecordAndOnlyThoseAheadOfTheStoredOffsetAreRewound(Dialect dialect)
            throws Exception {
        database = TestDatabase.create(dialect);
        database.execute("CREATE TABLE delivery_log (part INT NOT NULL, seq BIGINT NOT NULL)");
        applyEarlierRun(Map.of(0, 5L, 2, 5L, 3, 5L));

        Outage outage = new Outage(database, true);
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        WorkerLoop worker = new WorkerLoop(startTask(context, outage), context, 4);
        appendLogs(worker, 0, 1, 2, 3);
        worker.assign(Map.of(partition(0), 5L, partition(1), 0L, partition(2), 2L, partition(3), 7L));
        worker.poll();
        outage.end();

        worker.poll();
        assertThat(context.seeks).containsOnlyKeys(partition(3)).containsEntry(partition(3), 5L);
        // 15 from the earlier run; this put: 5-8 of partition 0, 0-3 of 1, 5 of 2 (2-4 were applied), none of 3
        assertThat(database.rows("SELECT COUNT(*) FROM delivery_log")).containsExactly(List.of("24"));
        worker.drain(20);

        assertThat(appliedOnce()).isEqualTo(expectedLog());
        assertThat(worker.commit()).containsOnly(committed(0), committed(1), committed(2), committed(3));
    }

    /** A first task that applied the records below the given offsets of some partitions, then stopped. */
    private void applyEarlierRun(Map<Integer, Long> storedOffsets) {
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        CommandSinkTask earlier = startTask(context, database::connect);
        List<SinkRecord> batch = new ArrayList<>();
        Map<TopicPartition, Long> start = new HashMap<>();
        storedOffsets.forEach((part, next) -> {
            start.put(partition(part), 0L);
            for (long seq = 0; seq < next; seq++) {
                batch.add(record(part, seq));
            }
        });
        earlier.open(start.keySet());
        earlier.put(batch);
        earlier.stop();
    }

    private CommandSinkTask startTask(FakeSinkTaskContext context, SinkConnection.Source source) {
        CommandSinkTask task = new CommandSinkTask(config -> new SinkConnection(source));
        tasks.add(task);
        task.initialize(context);
        Map<String, String> props = database.connectionConfig();
        props.put("name", "parcel-log");
        props.put("mappings", "log");
        props.put("mappings.log.topics", TOPIC);
        props.put("mappings.log.action", "statement");
        props.put("mappings.log.statement", "INSERT INTO delivery_log (part, seq) VALUES (:part, :seq)");
        props.put("max.retries", "100");
        props.put("retry.backoff.ms", "0");
        task.start(props);
        return task;
    }

    private static void appendLogs(WorkerLoop worker, int... parts) {
        for (int part : parts) {
            for (long seq = 0; seq < LOG_END; seq++) {
                worker.append(record(part, seq));
            }
        }
    }

    private Map<String, Integer> appliedOnce() {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> row : database.rows("SELECT part, seq FROM delivery_log")) {
            counts.merge(row.get(0) + "/" + row.get(1), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> expectedLog() {
        Map<String, Integer> expected = new HashMap<>();
        for (int part = 0; part < 4; part++) {
            for (long seq = 0; seq < LOG_END; seq++) {
                expected.put(part + "/" + seq, 1);
            }
        }
        return expected;
    }

    private static Map.Entry<TopicPartition, OffsetAndMetadata> committed(int part) {
        return Map.entry(partition(part), new OffsetAndMetadata(LOG_END));
    }

    private static TopicPartition partition(int part) {
        return new TopicPartition(TOPIC, part);
    }

    private static SinkRecord record(int part, long seq) {
        Struct row = new Struct(ROW).put("part", part).put("seq", seq);
        return new SinkRecord(TOPIC, part, Schema.STRING_SCHEMA, part + "-" + seq, ROW, row, seq);
    }
}

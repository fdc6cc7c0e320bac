package io.domainbridge.connectors;

import io.domainbridge.events.EventEnvelope;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A real {@link CommandSinkTask} on a {@link ScratchDatabase}: each event it applies inserts its id into the
 * {@code applied} table, so that table shows how often each event took effect.
 */
final class ScratchSink implements AutoCloseable {

    static final String TYPE = "Recorded";
    private static final Schema DATA =
            SchemaBuilder.struct().field("n", Schema.INT64_SCHEMA).build();
    private static final Schema ENVELOPE = EventEnvelope.schema(DATA);

    final FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    private final CommandSinkTask task = new CommandSinkTask();

    ScratchSink(ScratchDatabase database, String consumer) {
        task.initialize(context);
        try {
            task.start(props(database, consumer));
        } catch (RuntimeException e) {
            task.stop();
            throw e;
        }
    }

    static Map<String, String> props(ScratchDatabase database, String consumer) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "bookkeeping-test-sink");
        props.put("consumer.name", consumer);
        props.put("connection.url", database.url());
        props.put("connection.user", database.user());
        props.put("connection.password", database.password());
        props.put("mappings", "record");
        props.put("mappings.record.event.types", TYPE);
        props.put("mappings.record.action", "statement");
        props.put("mappings.record.statement", "INSERT INTO applied (event_id) VALUES (:id)");
        props.put("max.retries", "0");
        return props;
    }

    static SinkRecord event(String topic, int partition, long offset, String id) {
        Struct envelope = new Struct(ENVELOPE)
                .put(EventEnvelope.ID, id)
                .put(EventEnvelope.TYPE, TYPE)
                .put(EventEnvelope.SOURCE, "/test/bookkeeping")
                .put(EventEnvelope.SPECVERSION, "1.0")
                .put(EventEnvelope.TIME, new Date(1_700_000_000_000L))
                .put(EventEnvelope.AGGREGATETYPE, "thing")
                .put(EventEnvelope.AGGREGATEID, "1")
                .put(EventEnvelope.SOURCEDOMAIN, "test")
                .put(EventEnvelope.DATA, new Struct(DATA).put("n", offset));
        return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, "1", ENVELOPE, envelope, offset);
    }

    void open(Collection<TopicPartition> partitions) {
        task.open(partitions);
    }

    void put(List<SinkRecord> records) {
        task.put(records);
    }

    @Override
    public void close() {
        task.stop();
    }
}

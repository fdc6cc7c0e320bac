package io.domainbridge.bench;

import io.debezium.transforms.outbox.EventRouter;
import io.domainbridge.transforms.CommandEventEnvelope;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CommandEventEnvelope against Debezium's outbox {@code EventRouter} with {@code table.expand.json.payload=true}, on
 * identical PostgreSQL outbox change events: each turns one insert into a routed record keyed by aggregate id with
 * the JSON payload as a struct. One record per operation, cycling through a pool of distinct pre-built records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CommandEventEnvelopeBenchmark {

    private static final int POOL_SIZE = 1024;
    private static final String ROUTER_ID_HEADER = "id";

    private SourceRecord[] records;
    private int next;
    private CommandEventEnvelope<SourceRecord> declared;
    private CommandEventEnvelope<SourceRecord> inferred;
    private EventRouter<SourceRecord> eventRouter;

    @Setup(Level.Trial)
    public void setUp() {
        records = OutboxChangeEvents.pool(POOL_SIZE);
        declared = configure(new CommandEventEnvelope<>(), envelopeConfig(true));
        inferred = configure(new CommandEventEnvelope<>(), envelopeConfig(false));
        eventRouter = configure(new EventRouter<>(), eventRouterConfig());
        for (SourceRecord record : records) {
            checkEnvelope(declared.apply(record), record);
            checkEnvelope(inferred.apply(record), record);
            checkRouted(eventRouter.apply(record), record);
            record.headers().remove(ROUTER_ID_HEADER);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        declared.close();
        inferred.close();
        eventRouter.close();
    }

    @Benchmark
    public void commandEventEnvelopeDeclared(Blackhole blackhole) {
        blackhole.consume(declared.apply(nextRecord()));
    }

    @Benchmark
    public void commandEventEnvelopeInferred(Blackhole blackhole) {
        blackhole.consume(inferred.apply(nextRecord()));
    }

    @Benchmark
    public void debeziumEventRouter(Blackhole blackhole) {
        SourceRecord record = nextRecord();
        blackhole.consume(eventRouter.apply(record));
        // EventRouter adds its id header to the input record's headers: undone so that every pass sees the same input
        record.headers().remove(ROUTER_ID_HEADER);
    }

    private SourceRecord nextRecord() {
        SourceRecord record = records[next];
        next = (next + 1) & (POOL_SIZE - 1);
        return record;
    }

    /** Default settings; the event type either declared with all its fields or left to inference. */
    static Map<String, String> envelopeConfig(boolean declareDataSchema) {
        return declareDataSchema
                ? Map.of(
                        "source.domain", OutboxChangeEvents.DOMAIN,
                        "data.schemas", OutboxChangeEvents.DATA_SCHEMAS)
                : Map.of("source.domain", OutboxChangeEvents.DOMAIN, "undeclared.event.behavior", "infer");
    }

    /**
     * The standard outbox columns, routed to the same topic as CommandEventEnvelope. {@code table.field.event.type}
     * is not read on EventRouter 3.6's record path, and {@code table.field.event.timestamp} is left out because it
     * accepts only epoch-based columns, not the {@code ZonedTimestamp} text of a {@code timestamptz}.
     */
    static Map<String, String> eventRouterConfig() {
        return Map.of(
                "table.field.event.id", "event_id",
                "table.field.event.key", "aggregate_id",
                "table.field.event.type", "event_type",
                "table.field.event.payload", "payload",
                "route.by.field", "aggregate_type",
                "route.topic.replacement", OutboxChangeEvents.DOMAIN + ".${routedByValue}.events",
                "table.expand.json.payload", "true");
    }

    private static <T extends Transformation<SourceRecord>> T configure(T transform, Map<String, String> config) {
        transform.configure(config);
        return transform;
    }

    private static void checkEnvelope(SourceRecord out, SourceRecord in) {
        Struct data = out == null ? null : ((Struct) out.value()).getStruct("data");
        check(out, in, data);
    }

    private static void checkRouted(SourceRecord out, SourceRecord in) {
        check(out, in, out == null || !(out.value() instanceof Struct) ? null : (Struct) out.value());
    }

    /** Guards against measuring a failure path: routed, keyed, the whole payload as a struct. */
    private static void check(SourceRecord out, SourceRecord in, Struct payload) {
        Struct row = ((Struct) in.value()).getStruct("after");
        String expectedTopic = OutboxChangeEvents.DOMAIN + "." + row.getString("aggregate_type") + ".events";
        boolean ok = out != null
                && expectedTopic.equals(out.topic())
                && row.getString("aggregate_id").equals(out.key())
                && payload != null
                && payload.schema().fields().size() == OutboxChangeEvents.PAYLOAD_FIELDS
                && payload.getStruct("dimensions") != null
                && out.valueSchema().type() == Schema.Type.STRUCT;
        if (!ok) {
            throw new IllegalStateException("A transform did not produce the expected routed record: " + out);
        }
    }
}

package io.domainbridge.transforms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Generated Debezium change events of an outbox table, for running Debezium's EventRouter and CommandEventEnvelope
 * side by side: the operation, the column names, the key's column type, the payload and an extra column vary.
 */
final class OutboxChangeEvents {

    /** The outbox's column names: the standard ones of each transform, or custom ones. */
    record Columns(String eventId, String aggregateType, String aggregateId, String eventType, String payload) {}

    static final List<Columns> COLUMN_SETS = List.of(
            new Columns("event_id", "aggregate_type", "aggregate_id", "event_type", "payload"),
            new Columns("id", "aggregatetype", "aggregateid", "type", "payload"),
            new Columns("evt_id", "agg_kind", "agg_ref", "evt_name", "body_json"));

    /** Where EventRouter is told to place the extra column {@code tenant}. */
    enum Placement {
        HEADER,
        ENVELOPE,
        /** EventRouter takes the partition from the int column {@code shard}; the tenant is then not placed. */
        PARTITION
    }

    static final int SHARD = 2;

    /** One generated input: the operation ('c', 'r', 'u', 'd', or 't' for a tombstone) and the row's values. */
    record Input(
            String op,
            Columns columns,
            Object aggregateId,
            String aggregateType,
            String eventType,
            String payload,
            Placement tenantPlacement) {

        boolean intKey() {
            return aggregateId instanceof Integer;
        }

        Schema rowSchema() {
            return SchemaBuilder.struct()
                    .name("outbox.public.outbox.Value")
                    .optional()
                    .field(columns.eventId(), Schema.STRING_SCHEMA)
                    .field(columns.aggregateType(), Schema.STRING_SCHEMA)
                    .field(columns.aggregateId(), intKey() ? Schema.INT32_SCHEMA : Schema.STRING_SCHEMA)
                    .field(columns.eventType(), Schema.STRING_SCHEMA)
                    .field(columns.payload(), JSON_OPTIONAL)
                    .field("tenant", Schema.STRING_SCHEMA)
                    .field("shard", Schema.INT32_SCHEMA)
                    .build();
        }

        Struct row() {
            return new Struct(rowSchema())
                    .put(columns.eventId(), "0d6e7c52-3f0b-4d1e-9a6f-2b8c1f5e7a10")
                    .put(columns.aggregateType(), aggregateType)
                    .put(columns.aggregateId(), aggregateId)
                    .put(columns.eventType(), eventType)
                    .put(columns.payload(), payload)
                    .put("tenant", "acme")
                    .put("shard", SHARD);
        }

        SourceRecord record() {
            if (op.equals("t")) {
                return new SourceRecord(Map.of(), Map.of(), "outbox.public.outbox", null, null, null, null);
            }
            Schema rowSchema = rowSchema();
            Schema schema = SchemaBuilder.struct()
                    .name("outbox.public.outbox.Envelope")
                    .field("before", rowSchema)
                    .field("after", rowSchema)
                    .field("source", OutboxTable.SOURCE_SCHEMA)
                    .field("op", Schema.STRING_SCHEMA)
                    .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                    .build();
            boolean hasBefore = op.equals("u") || op.equals("d");
            boolean hasAfter = !op.equals("d");
            Struct value = new Struct(schema)
                    .put("before", hasBefore ? row() : null)
                    .put("after", hasAfter ? row() : null)
                    .put("source", OutboxTable.source(op.equals("r") ? "true" : "false"))
                    .put("op", op)
                    .put("ts_ms", OutboxTable.TIMESTAMP);
            return new SourceRecord(
                    Map.of(), Map.of(), "outbox.public.outbox", null, null, null, schema, value, OutboxTable.TIMESTAMP);
        }
    }

    static final Schema JSON_OPTIONAL = SchemaBuilder.string()
            .name("io.debezium.data.Json")
            .version(1)
            .optional()
            .build();

    private OutboxChangeEvents() {}

    static Arbitrary<Input> inputs() {
        Arbitrary<Object> keys = Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .ofMinLength(1)
                        .ofMaxLength(8)
                        .map(s -> (Object) s),
                Arbitraries.integers().between(0, 1_000_000).map(i -> (Object) i));
        return Combinators.combine(
                        Arbitraries.of("c", "c", "c", "r", "u", "d", "t"),
                        Arbitraries.of(COLUMN_SETS),
                        keys,
                        Arbitraries.of("package", "Package", "customer_account"),
                        Arbitraries.of("PackageRegistered", "PackageStatusChanged"),
                        Arbitraries.frequencyOf(
                                Tuple.of(9, JsonPayloads.objects().map(JsonPayloads::text)),
                                Tuple.of(1, Arbitraries.just((String) null))),
                        Arbitraries.of(Placement.class))
                .as(Input::new);
    }

    static Map<String, String> eventRouterConfig(Input input) {
        Columns c = input.columns();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("table.field.event.id", c.eventId());
        props.put("table.field.event.key", c.aggregateId());
        props.put("table.field.event.type", c.eventType());
        props.put("table.field.event.payload", c.payload());
        props.put("route.by.field", c.aggregateType());
        props.put("route.topic.replacement", "logistics.${routedByValue}.events");
        props.put("table.expand.json.payload", "true");
        props.put(
                "table.fields.additional.placement",
                switch (input.tenantPlacement()) {
                    case HEADER -> "tenant:header";
                    case ENVELOPE -> "tenant:envelope";
                    case PARTITION -> "shard:partition";
                });
        return props;
    }

    static Map<String, String> envelopeConfig(Input input) {
        Columns c = input.columns();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("source.domain", "logistics");
        props.put("undeclared.event.behavior", "infer");
        props.put("update.behavior", "warn");
        props.put("delete.behavior", "skip");
        props.put("outbox.column.event.id", c.eventId());
        props.put("outbox.column.aggregate.type", c.aggregateType());
        props.put("outbox.column.aggregate.id", c.aggregateId());
        props.put("outbox.column.event.type", c.eventType());
        props.put("outbox.column.payload", c.payload());
        return props;
    }
}

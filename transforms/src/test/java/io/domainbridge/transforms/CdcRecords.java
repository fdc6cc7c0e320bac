package io.domainbridge.transforms;

import io.domainbridge.transforms.CdcArbitraries.Event;
import io.domainbridge.transforms.CdcArbitraries.ExtraHeader;
import io.domainbridge.transforms.CdcArbitraries.Kind;
import io.domainbridge.transforms.CdcWorld.Column;
import io.domainbridge.transforms.CdcWorld.Fate;
import io.domainbridge.transforms.CdcWorld.Table;
import io.domainbridge.transforms.CdcWorld.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Test fixture: builds the record Debezium 3.6 emits for an {@link Event}, filling every column with a value unique
 * in the record ({@link RowValues}), and notes each value the contract does not let leave in clear: values of
 * withheld, drift, masked and pseudonymized columns, and a message's content.
 */
final class CdcRecords {

    static final String OLD_KEY_HEADER = "__debezium.oldkey";
    static final String NEW_KEY_HEADER = "__debezium.newkey";
    private static final long TS_MS = 1_767_225_600_123L;

    /** A value that must not appear in clear in anything that leaves, and the column it was drawn for. */
    record Secret(String column, Fate fate, Object value) {}

    /** The record, the table it truly belongs to, and what of it must not leave. */
    record Built(SourceRecord record, Table table, Kind kind, List<Secret> secrets) {}

    private final World world;
    private final Table table;
    private final Event event;
    private final RowValues values = new RowValues();
    private final List<Secret> secrets = new ArrayList<>();

    private CdcRecords(World world, Table table, Event event) {
        this.world = world;
        this.table = table;
        this.event = event;
    }

    /** The event's record of the table it names. */
    static Built build(World world, Event event) {
        return of(world, world.tables().get(event.tableIndex() % world.tables().size()), event);
    }

    static Built of(World world, Table table, Event event) {
        CdcRecords records = new CdcRecords(world, table, event);
        SourceRecord record = event.kind() == Kind.MESSAGE ? records.message() : records.change();
        return new Built(record, table, event.kind(), List.copyOf(records.secrets));
    }

    private SourceRecord change() {
        String topic = table.topic(world.prefix());
        Schema rowSchema = rowSchema(topic);
        Kind kind = event.kind();
        Struct before = kind == Kind.UPDATE || kind == Kind.DELETE || kind == Kind.TOMBSTONE ? row(rowSchema) : null;
        Struct after = kind == Kind.CREATE || kind == Kind.READ || kind == Kind.UPDATE ? row(rowSchema) : null;
        Struct image = after != null ? after : before != null ? before : row(rowSchema);
        Schema keySchema = kind == Kind.TRUNCATE ? null : keySchema(topic);
        Struct key = keySchema == null ? null : key(keySchema, image);
        ConnectHeaders headers = headers(keySchema, image);
        if (kind == Kind.TOMBSTONE) {
            return new SourceRecord(Map.of(), Map.of(), topic, 0, keySchema, key, null, null, TS_MS, headers);
        }
        Schema envelopeSchema = DebeziumShapes.envelopeSchema(topic, rowSchema, table.connector());
        Struct envelope = new Struct(envelopeSchema)
                .put("before", before)
                .put("after", after)
                .put("source", DebeziumShapes.source(world.prefix(), table, kind, query(before, after)))
                .put("op", DebeziumShapes.op(kind))
                .put("ts_ms", TS_MS)
                .put("ts_us", TS_MS * 1000L)
                .put("ts_ns", TS_MS * 1_000_000L);
        if (kind != Kind.READ) {
            envelope.put("transaction", DebeziumShapes.transaction());
        }
        return new SourceRecord(Map.of(), Map.of(), topic, 0, keySchema, key, envelopeSchema, envelope, TS_MS, headers);
    }

    /** A logical decoding message carrying row values in its content; it belongs to no table. */
    private SourceRecord message() {
        Struct row = row(rowSchema(table.topic(world.prefix())));
        byte[] content = ("row " + sqlValues(row, ", ")).getBytes(StandardCharsets.UTF_8);
        secrets.add(new Secret("message content", Fate.WITHHELD, content));
        SourceRecord record = DebeziumShapes.message(world.prefix(), content, TS_MS);
        ConnectHeaders headers = headers(null, row);
        return record.newRecord(
                record.topic(),
                record.kafkaPartition(),
                record.keySchema(),
                record.key(),
                record.valueSchema(),
                record.value(),
                record.timestamp(),
                headers);
    }

    private Schema rowSchema(String topic) {
        SchemaBuilder builder = SchemaBuilder.struct().name(topic + ".Value").optional();
        table.columns().forEach(column -> builder.field(column.name(), column.schema()));
        return builder.build();
    }

    private Schema keySchema(String topic) {
        SchemaBuilder builder = SchemaBuilder.struct().name(topic + ".Key");
        table.keyColumns().forEach(column -> builder.field(column.name(), column.schema()));
        return builder.build();
    }

    private Struct row(Schema schema) {
        Struct row = new Struct(schema);
        for (Column column : table.columns()) {
            Object value = values.next(column);
            row.put(column.name(), value);
            if (value != null && column.fate() != Fate.KEEP) {
                secrets.add(new Secret(column.name(), column.fate(), value));
            }
        }
        return row;
    }

    private static Struct key(Schema keySchema, Struct row) {
        Struct key = new Struct(keySchema);
        keySchema.fields().forEach(field -> key.put(field.name(), row.get(field.name())));
        return key;
    }

    private ConnectHeaders headers(Schema keySchema, Struct image) {
        ConnectHeaders headers = new ConnectHeaders();
        if (event.keyChange() && keySchema != null) {
            String name =
                    event.kind() == Kind.DELETE || event.kind() == Kind.TOMBSTONE ? NEW_KEY_HEADER : OLD_KEY_HEADER;
            headers.addStruct(name, key(keySchema, row(image.schema())));
        }
        for (ExtraHeader extra : event.extraHeaders()) {
            switch (extra) {
                case TRACE_ID -> headers.addString("trace-id", "trace-" + values.serial());
                case ROW_VALUE -> headers.add(
                        "x-row-value",
                        image.get(table.columns().get(0).name()),
                        table.columns().get(0).schema());
                case ROW_STRUCT -> headers.addStruct("x-row", image);
                case ROW_MAP -> headers.add("x-row-map", asMap(image), null);
            }
        }
        return headers;
    }

    /** The SQL text Debezium puts in {@code source.query}: it names columns and embeds their values. */
    private String query(Struct before, Struct after) {
        if (!event.query()) {
            return null;
        }
        String name = table.qualified();
        return switch (event.kind()) {
            case TRUNCATE -> "TRUNCATE " + name;
            case DELETE -> "DELETE FROM " + name + " WHERE " + sqlValues(before, " AND ");
            case UPDATE -> "UPDATE " + name + " SET " + sqlValues(after, ", ") + " WHERE " + sqlValues(before, " AND ");
            default -> after == null ? null : "INSERT INTO " + name + " SET " + sqlValues(after, ", ");
        };
    }

    private static String sqlValues(Struct row, String separator) {
        return row.schema().fields().stream()
                .map(field -> field.name() + " = " + RowValues.sqlLiteral(row.get(field)))
                .collect(Collectors.joining(separator));
    }

    /** The row as a schemaless map of JSON-friendly values, as a producer might put it in a header. */
    private static Map<String, Object> asMap(Struct row) {
        Map<String, Object> map = new LinkedHashMap<>();
        row.schema().fields().forEach(field -> map.put(field.name(), RowValues.jsonFriendly(row.get(field))));
        return map;
    }
}

package io.domainbridge.connectors.sink;

import io.domainbridge.events.ChangeEvents;
import io.domainbridge.events.EventEnvelope;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What the sink sees in a record: an envelope event, a replicated row to upsert (a Debezium create, read or update,
 * or a flat row), a replicated delete (a Debezium delete, a flat row marked deleted, or a tombstone), or something to
 * pass over (truncates, logical-decoding messages).
 */
public final class IncomingRecord {

    /** The shape of a record. */
    public enum Kind {
        EVENT,
        ROW,
        DELETE,
        SKIP
    }

    private final SinkRecord record;
    private final Kind kind;
    private final FieldValue content;
    private final String eventType;
    private final String sourceTable;

    private IncomingRecord(SinkRecord record, Kind kind, FieldValue content, String eventType, String sourceTable) {
        this.record = record;
        this.kind = kind;
        this.content = content;
        this.eventType = eventType;
        this.sourceTable = sourceTable;
    }

    public static IncomingRecord of(SinkRecord record) {
        FieldValue value = new FieldValue(record.valueSchema(), record.value());
        if (record.value() == null) {
            return new IncomingRecord(
                    record, Kind.DELETE, new FieldValue(record.keySchema(), record.key()), null, null);
        }
        if (EventEnvelope.isEnvelope(record.valueSchema()) || isSchemalessEnvelope(record.value())) {
            Object type = value.at(EventEnvelope.TYPE).value();
            return new IncomingRecord(record, Kind.EVENT, value, type == null ? null : type.toString(), null);
        }
        if (ChangeEvents.isChangeEvent(record.value())) {
            return changeEvent(record, value);
        }
        return flatRow(record, value);
    }

    private static IncomingRecord changeEvent(SinkRecord record, FieldValue value) {
        String op = String.valueOf(value.at("op").value());
        String table = value.has("source") ? qualifiedTable(value.at("source"), "schema", "db", "table") : null;
        return switch (op) {
            case "c", "r", "u" -> new IncomingRecord(record, Kind.ROW, value.at("after"), null, table);
            case "d" -> new IncomingRecord(record, Kind.DELETE, deletedRow(record, value), null, table);
            default -> new IncomingRecord(record, Kind.SKIP, value, null, table);
        };
    }

    private static IncomingRecord flatRow(SinkRecord record, FieldValue value) {
        boolean deleted = value.has("__deleted")
                        && "true".equals(String.valueOf(value.at("__deleted").value()))
                || value.has("__op")
                        && "d".equals(String.valueOf(value.at("__op").value()));
        String table = qualifiedTable(value, "__schema", "__db", "__table");
        return new IncomingRecord(record, deleted ? Kind.DELETE : Kind.ROW, value, null, table);
    }

    /** The row before the delete; with only the key in it (the default replica identity) the key fills in. */
    private static FieldValue deletedRow(SinkRecord record, FieldValue value) {
        FieldValue before = value.at("before");
        return before.value() != null ? before : new FieldValue(record.keySchema(), record.key());
    }

    private static String qualifiedTable(FieldValue holder, String schemaField, String dbField, String tableField) {
        if (!holder.has(tableField) || holder.at(tableField).value() == null) {
            return null;
        }
        String table = holder.at(tableField).value().toString();
        for (String qualifier : new String[] {schemaField, dbField}) {
            if (holder.has(qualifier) && holder.at(qualifier).value() != null) {
                return holder.at(qualifier).value() + "." + table;
            }
        }
        return table;
    }

    private static boolean isSchemalessEnvelope(Object value) {
        return value instanceof Map<?, ?> map
                && map.containsKey(EventEnvelope.SPECVERSION)
                && map.containsKey(EventEnvelope.ID)
                && map.containsKey(EventEnvelope.TYPE);
    }

    public SinkRecord record() {
        return record;
    }

    public Kind kind() {
        return kind;
    }

    /** The event type of an envelope, otherwise null. */
    public String eventType() {
        return eventType;
    }

    public String topic() {
        return record.topic();
    }

    /** The replicated table as schema.table (or db.table), or null when the record does not say. */
    public String sourceTable() {
        return sourceTable;
    }

    public boolean isTombstone() {
        return record.value() == null;
    }

    /** Whether the record is an envelope with an id, which the inbox keeps; the stored offsets cover the rest. */
    public boolean carriesEventId() {
        return kind == Kind.EVENT && content.at(EventEnvelope.ID).value() != null;
    }

    /** The envelope's id, or topic-partition-offset for replicated rows, which carry no event id. */
    public String eventId() {
        if (kind == Kind.EVENT) {
            Object id = content.at(EventEnvelope.ID).value();
            if (id != null) {
                return id.toString();
            }
        }
        return record.originalTopic() + "-" + record.originalKafkaPartition() + "-" + record.originalKafkaOffset();
    }

    /** The value at a path of the envelope, the row, or (for deletes) the row before or the key. */
    public FieldValue value(String path) {
        if (kind == Kind.DELETE && !content.has(path) && record.key() != null) {
            return new FieldValue(record.keySchema(), record.key()).at(path);
        }
        return content.at(path);
    }

    /** Where the record came from, for messages: never its content. */
    public String describe() {
        return "topic " + record.originalTopic() + ", partition " + record.originalKafkaPartition() + ", offset "
                + record.originalKafkaOffset();
    }
}

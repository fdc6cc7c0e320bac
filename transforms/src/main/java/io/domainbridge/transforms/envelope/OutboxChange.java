package io.domainbridge.transforms.envelope;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * One captured change of the outbox table: what happened to the row and the row itself. Understands Debezium change
 * events and flat rows, whether unwrapped by {@code ExtractNewRecordState} ({@code __op}, {@code __deleted}) or not.
 */
public record OutboxChange(Op op, Object row) {

    /** What happened to the outbox row. */
    public enum Op {
        /** Inserted, or read in a snapshot: an event to publish. */
        CREATE,
        UPDATE,
        DELETE,
        /** Truncates and logical-decoding messages: not rows. */
        OTHER
    }

    public static OutboxChange of(Object value) {
        if (value instanceof Struct struct) {
            Schema schema = struct.schema();
            if (isChangeEvent(
                    schema.field("op") != null, schema.field("after") != null, schema.field("message") != null)) {
                Op op = op(struct.getString("op"));
                return new OutboxChange(op, op == Op.OTHER ? null : struct.get(op == Op.DELETE ? "before" : "after"));
            }
            return new OutboxChange(flatOp(field(struct, "__op"), field(struct, "__deleted")), struct);
        }
        if (value instanceof Map<?, ?> map) {
            if (isChangeEvent(map.containsKey("op"), map.containsKey("after"), map.containsKey("message"))) {
                Op op = op(String.valueOf(map.get("op")));
                return new OutboxChange(op, map.get(op == Op.DELETE ? "before" : "after"));
            }
            return new OutboxChange(flatOp(map.get("__op"), map.get("__deleted")), map);
        }
        return new OutboxChange(Op.CREATE, value);
    }

    /** A Debezium change event carries op and after; a logical-decoding message (op 'm') carries message instead. */
    private static boolean isChangeEvent(boolean hasOp, boolean hasAfter, boolean hasMessage) {
        return hasOp && (hasAfter || hasMessage);
    }

    private static Object field(Struct struct, String name) {
        return struct.schema().field(name) == null ? null : struct.get(name);
    }

    private static Op flatOp(Object op, Object deleted) {
        if ("true".equals(String.valueOf(deleted))) {
            return Op.DELETE;
        }
        return op == null ? Op.CREATE : op(op.toString());
    }

    private static Op op(String code) {
        return switch (code) {
            case "c", "r" -> Op.CREATE;
            case "u" -> Op.UPDATE;
            case "d" -> Op.DELETE;
            default -> Op.OTHER;
        };
    }
}

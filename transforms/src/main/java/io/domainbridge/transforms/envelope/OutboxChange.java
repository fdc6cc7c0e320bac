package io.domainbridge.transforms.envelope;

import io.domainbridge.events.ChangeEvents;
import java.util.Map;
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
        if (ChangeEvents.isChangeEvent(value)) {
            Op op = op(ChangeEvents.op(value));
            String row = op == Op.DELETE ? ChangeEvents.BEFORE : ChangeEvents.AFTER;
            return new OutboxChange(op, op == Op.OTHER ? null : ChangeEvents.field(value, row));
        }
        if (value instanceof Struct || value instanceof Map) {
            return new OutboxChange(
                    flatOp(ChangeEvents.field(value, "__op"), ChangeEvents.field(value, "__deleted")), value);
        }
        return new OutboxChange(Op.CREATE, value);
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

package io.domainbridge.transforms.envelope;

import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Reads the columns of an outbox row held as a struct or a map; a column the row lacks reads as null. */
final class OutboxRow {

    private final Struct struct;
    private final Map<?, ?> map;

    private OutboxRow(Struct struct, Map<?, ?> map) {
        this.struct = struct;
        this.map = map;
    }

    static OutboxRow of(Object row) {
        if (row instanceof Struct struct) {
            return new OutboxRow(struct, null);
        }
        if (row instanceof Map<?, ?> map) {
            return new OutboxRow(null, map);
        }
        throw new DataException("An outbox row must be a struct or a map, found "
                + (row == null ? "nothing" : row.getClass().getSimpleName()));
    }

    Object get(String column) {
        if (struct == null) {
            return map.get(column);
        }
        Field field = struct.schema().field(column);
        return field == null ? null : struct.get(field);
    }

    Schema schemaOf(String column) {
        Field field = struct == null ? null : struct.schema().field(column);
        return field == null ? null : field.schema();
    }

    /** A text column that must be present and not blank; {@code attribute} names the envelope field it fills. */
    String requiredText(String column, String attribute) {
        String text = text(column);
        if (text == null || text.isBlank()) {
            throw new DataException("Outbox column '" + column + "' (envelope " + attribute + ") is missing or blank");
        }
        return text;
    }

    String text(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    Integer integer(String column) {
        Object value = get(column);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        try {
            return value instanceof Number number
                    ? Math.toIntExact(number.longValue())
                    : Integer.valueOf(value.toString().trim());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DataException("Outbox column '" + column + "' must be an integer");
        }
    }
}

package io.domainbridge.connectors.sink;

import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A value with its Connect schema (null for schemaless data). Paths are dotted field names resolved through structs
 * and maps, e.g. {@code data.status}.
 */
public record FieldValue(Schema schema, Object value) {

    static final FieldValue NULL = new FieldValue(null, null);

    /** The value at a dotted path; a struct without the field is a data error naming the path, not the value. */
    public FieldValue at(String path) {
        FieldValue current = this;
        for (String name : path.split("\\.")) {
            current = current.child(name, path);
        }
        return current;
    }

    /** Whether the value holds the dotted path (optional fields that are null count as present). */
    public boolean has(String path) {
        try {
            at(path);
            return true;
        } catch (DataException e) {
            return false;
        }
    }

    private FieldValue child(String name, String path) {
        if (value instanceof Struct struct) {
            Field field = struct.schema().field(name);
            if (field == null) {
                throw new DataException("The record has no field '" + path + "'");
            }
            return new FieldValue(field.schema(), struct.get(field));
        }
        if (value instanceof Map<?, ?> map) {
            if (!map.containsKey(name)) {
                throw new DataException("The record has no field '" + path + "'");
            }
            return new FieldValue(null, map.get(name));
        }
        if (value == null && schema != null && schema.type() == Schema.Type.STRUCT && schema.field(name) != null) {
            return new FieldValue(schema.field(name).schema(), null);
        }
        throw new DataException("Field '" + path + "' cannot be resolved: '" + name + "' is not inside a struct");
    }
}

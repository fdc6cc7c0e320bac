package io.domainbridge.converters.avro;

import io.domainbridge.converters.StrictUtf8;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** Converts Connect values to Avro generic datums of the schema {@link AvroSchemas} made, and back. */
public final class AvroValues {

    private AvroValues() {}

    /** The Avro datum for a Connect value; {@code avro} is the schema {@link AvroSchemas#toAvro} gave. */
    public static Object toAvro(Schema schema, Object value, org.apache.avro.Schema avro) {
        if (value == null) {
            return null;
        }
        org.apache.avro.Schema branch = nonNullBranch(avro);
        return switch (schema.type()) {
            case INT8, INT16 -> ((Number) value).intValue();
            case INT32 -> int32(schema, value);
            case INT64 -> Timestamp.LOGICAL_NAME.equals(schema.name())
                    ? Timestamp.fromLogical(schema, (java.util.Date) value)
                    : value;
            case FLOAT32, FLOAT64, BOOLEAN, STRING -> value;
            case BYTES -> bytes(schema, value);
            case ARRAY -> array(schema, (Collection<?>) value, branch);
            case MAP -> map(schema, (Map<?, ?>) value, branch);
            case STRUCT -> record((Struct) value, branch);
        };
    }

    /** The Connect value for an Avro datum read with the Avro schema that {@code schema} was mapped from. */
    public static Object toConnect(Schema schema, Object datum) {
        if (datum == null) {
            return null;
        }
        return switch (schema.type()) {
            case INT8 -> ((Number) datum).byteValue();
            case INT16 -> ((Number) datum).shortValue();
            case INT32 -> int32Value(schema, (Integer) datum);
            case INT64 -> Timestamp.LOGICAL_NAME.equals(schema.name())
                    ? Timestamp.toLogical(schema, (Long) datum)
                    : datum;
            case FLOAT32, FLOAT64, BOOLEAN -> datum;
            case STRING -> text(datum);
            case BYTES -> bytesValue(schema, datum);
            case ARRAY -> arrayValue(schema, (Collection<?>) datum);
            case MAP -> datum instanceof Map<?, ?> map
                    ? mapValue(schema, map)
                    : entriesValue(schema, (Collection<?>) datum);
            case STRUCT -> struct(schema, (GenericRecord) datum);
        };
    }

    /** Avro's {@link Utf8} decodes leniently; malformed bytes are refused here instead of turning into U+FFFD. */
    private static String text(Object datum) {
        if (datum instanceof Utf8 utf8) {
            return StrictUtf8.decode(utf8.getBytes(), 0, utf8.getByteLength())
                    .orElseThrow(() -> new DataException("A string of the Avro data is not valid UTF-8"));
        }
        return datum.toString();
    }

    /** A field default in the form Avro's {@code Schema.Field} takes: JSON-like Java values. */
    static Object toJsonDefault(Schema schema, org.apache.avro.Schema avro) {
        return jsonLike(toAvro(schema, schema.defaultValue(), avro));
    }

    private static Object int32(Schema schema, Object value) {
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return Date.fromLogical(schema, (java.util.Date) value);
        }
        return Time.LOGICAL_NAME.equals(schema.name()) ? Time.fromLogical(schema, (java.util.Date) value) : value;
    }

    private static Object int32Value(Schema schema, Integer datum) {
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return Date.toLogical(schema, datum);
        }
        return Time.LOGICAL_NAME.equals(schema.name()) ? Time.toLogical(schema, datum) : datum;
    }

    private static ByteBuffer bytes(Schema schema, Object value) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return ByteBuffer.wrap(Decimal.fromLogical(schema, (BigDecimal) value));
        }
        return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : ((ByteBuffer) value).duplicate();
    }

    private static Object bytesValue(Schema schema, Object datum) {
        byte[] bytes;
        if (datum instanceof GenericFixed fixed) {
            bytes = fixed.bytes();
        } else {
            ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
            bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
        }
        return Decimal.LOGICAL_NAME.equals(schema.name()) ? Decimal.toLogical(schema, bytes) : bytes;
    }

    private static List<Object> array(Schema schema, Collection<?> values, org.apache.avro.Schema avro) {
        List<Object> items = new GenericData.Array<>(values.size(), avro);
        for (Object value : values) {
            items.add(toAvro(schema.valueSchema(), value, avro.getElementType()));
        }
        return items;
    }

    private static Object map(Schema schema, Map<?, ?> values, org.apache.avro.Schema avro) {
        if (avro.getType() == org.apache.avro.Schema.Type.MAP) {
            Map<String, Object> map = new LinkedHashMap<>();
            values.forEach(
                    (key, value) -> map.put((String) key, toAvro(schema.valueSchema(), value, avro.getValueType())));
            return map;
        }
        org.apache.avro.Schema entry = avro.getElementType();
        org.apache.avro.Schema keySchema = entry.getField(AvroSchemas.KEY).schema();
        org.apache.avro.Schema valueSchema = entry.getField(AvroSchemas.VALUE).schema();
        List<Object> entries = new GenericData.Array<>(values.size(), avro);
        values.forEach((key, value) -> {
            GenericData.Record record = new GenericData.Record(entry);
            record.put(0, toAvro(schema.keySchema(), key, keySchema));
            record.put(1, toAvro(schema.valueSchema(), value, valueSchema));
            entries.add(record);
        });
        return entries;
    }

    private static GenericData.Record record(Struct struct, org.apache.avro.Schema avro) {
        GenericData.Record record = new GenericData.Record(avro);
        List<Field> fields = struct.schema().fields();
        List<org.apache.avro.Schema.Field> avroFields = avro.getFields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            // an optional field keeps its null; only a required one needs its default to be written
            Object value = field.schema().isOptional() ? struct.getWithoutDefault(field.name()) : struct.get(field);
            record.put(i, toAvro(field.schema(), value, avroFields.get(i).schema()));
        }
        return record;
    }

    private static List<Object> arrayValue(Schema schema, Collection<?> datums) {
        List<Object> values = new ArrayList<>(datums.size());
        for (Object datum : datums) {
            values.add(toConnect(schema.valueSchema(), datum));
        }
        return values;
    }

    private static Map<Object, Object> mapValue(Schema schema, Map<?, ?> datums) {
        Map<Object, Object> values = new LinkedHashMap<>();
        datums.forEach((key, datum) -> values.put(text(key), toConnect(schema.valueSchema(), datum)));
        return values;
    }

    private static Map<Object, Object> entriesValue(Schema schema, Collection<?> entries) {
        Map<Object, Object> values = new LinkedHashMap<>();
        for (Object entry : entries) {
            GenericRecord record = (GenericRecord) entry;
            values.put(toConnect(schema.keySchema(), record.get(0)), toConnect(schema.valueSchema(), record.get(1)));
        }
        return values;
    }

    private static Struct struct(Schema schema, GenericRecord record) {
        Struct struct = new Struct(schema);
        List<Field> fields = schema.fields();
        if (record.getSchema().getFields().size() != fields.size()) {
            throw new DataException("Avro record " + record.getSchema().getFullName() + " does not match its schema");
        }
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            struct.put(field, toConnect(field.schema(), record.get(i)));
        }
        return struct;
    }

    private static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema avro) {
        if (avro.getType() != org.apache.avro.Schema.Type.UNION) {
            return avro;
        }
        List<org.apache.avro.Schema> branches = avro.getTypes();
        return branches.get(0).getType() == org.apache.avro.Schema.Type.NULL ? branches.get(1) : branches.get(0);
    }

    private static Object jsonLike(Object datum) {
        if (datum instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (datum instanceof GenericRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            record.getSchema().getFields().forEach(f -> fields.put(f.name(), jsonLike(record.get(f.pos()))));
            return fields;
        }
        if (datum instanceof Collection<?> items) {
            return items.stream().map(AvroValues::jsonLike).toList();
        }
        if (datum instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((key, value) -> entries.put(key.toString(), jsonLike(value)));
            return entries;
        }
        return datum instanceof CharSequence text ? text.toString() : datum;
    }
}

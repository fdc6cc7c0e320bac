package io.domainbridge.converters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.domainbridge.converters.Rfc3339;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Writes Connect values as plain JSON, the way a consumer without Connect expects them: dates, times and timestamps
 * as ISO text, decimals as exact numbers, bytes as base64, structs and string-keyed maps as objects, other maps as
 * arrays of {@code [key, value]} pairs. {@link JsonValueReader} reads them back given the schema.
 */
final class JsonValues {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private JsonValues() {}

    static void write(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (schema.type()) {
            case INT8, INT16 -> json.writeNumber(((Number) value).intValue());
            case INT32 -> writeInt32(json, schema, value);
            case INT64 -> writeInt64(json, schema, value);
            case FLOAT32 -> writeFloat(json, (Float) value);
            case FLOAT64 -> writeDouble(json, (Double) value);
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case STRING -> json.writeString((String) value);
            case BYTES -> writeBytes(json, schema, value);
            case ARRAY -> writeArray(json, schema.valueSchema(), (Collection<?>) value);
            case MAP -> writeMap(json, schema, (Map<?, ?>) value);
            case STRUCT -> writeStruct(json, (Struct) value);
        }
    }

    static String time(java.util.Date time) {
        return TIME.format(LocalTime.ofNanoOfDay(time.getTime() * 1_000_000L));
    }

    private static void writeInt32(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            json.writeString(LocalDate.ofEpochDay(Date.fromLogical(schema, (java.util.Date) value))
                    .toString());
        } else if (Time.LOGICAL_NAME.equals(schema.name())) {
            Time.fromLogical(schema, (java.util.Date) value);
            json.writeString(time((java.util.Date) value));
        } else {
            json.writeNumber((Integer) value);
        }
    }

    private static void writeInt64(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            json.writeString(Rfc3339.format((java.util.Date) value));
        } else {
            json.writeNumber((Long) value);
        }
    }

    /** JSON has no NaN or infinities; they go as the strings Java prints for them. */
    private static void writeFloat(JsonGenerator json, float value) throws IOException {
        if (Float.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Float.toString(value));
        }
    }

    private static void writeDouble(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Double.toString(value));
        }
    }

    private static void writeBytes(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
            json.writeNumber(((BigDecimal) value)
                    .setScale(scale, RoundingMode.UNNECESSARY)
                    .toPlainString());
        } else if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            json.writeBinary(bytes);
        } else {
            json.writeBinary((byte[]) value);
        }
    }

    private static void writeArray(JsonGenerator json, Schema items, Collection<?> values) throws IOException {
        json.writeStartArray();
        for (Object item : values) {
            write(json, items, item);
        }
        json.writeEndArray();
    }

    private static void writeMap(JsonGenerator json, Schema schema, Map<?, ?> values) throws IOException {
        if (JsonValueReader.hasObjectKeys(schema)) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : values.entrySet()) {
                json.writeFieldName((String) entry.getKey());
                write(json, schema.valueSchema(), entry.getValue());
            }
            json.writeEndObject();
            return;
        }
        json.writeStartArray();
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            json.writeStartArray();
            write(json, schema.keySchema(), entry.getKey());
            write(json, schema.valueSchema(), entry.getValue());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static void writeStruct(JsonGenerator json, Struct struct) throws IOException {
        json.writeStartObject();
        for (Field field : struct.schema().fields()) {
            json.writeFieldName(field.name());
            write(json, field.schema(), struct.getWithoutDefault(field.name()));
        }
        json.writeEndObject();
    }

    /** Whether a JSON node holds a value at all. */
    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}

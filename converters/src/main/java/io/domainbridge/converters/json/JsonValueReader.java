package io.domainbridge.converters.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.domainbridge.converters.Rfc3339;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** Reads the JSON that {@link JsonValues} writes back into Connect values of a given schema. */
final class JsonValueReader {

    private JsonValueReader() {}

    /** The Connect value at {@code path} (used in messages, never the value itself). */
    static Object read(JsonNode node, Schema schema, String path) {
        if (JsonValues.isAbsent(node)) {
            // an explicit null of an optional field stays null; a missing field takes its default
            boolean explicitNull = node != null && node.isNull();
            if (schema.isOptional() && (explicitNull || schema.defaultValue() == null)) {
                return null;
            }
            if (schema.defaultValue() != null) {
                return schema.defaultValue();
            }
            throw new DataException("required field '" + path + "' is missing");
        }
        try {
            return switch (schema.type()) {
                case INT8 -> (byte) integral(node, Byte.MIN_VALUE, Byte.MAX_VALUE, path);
                case INT16 -> (short) integral(node, Short.MIN_VALUE, Short.MAX_VALUE, path);
                case INT32 -> int32(node, schema, path);
                case INT64 -> int64(node, schema, path);
                case FLOAT32 -> node.isTextual()
                        ? Float.valueOf(node.asText())
                        : number(node, path).floatValue();
                case FLOAT64 -> node.isTextual()
                        ? Double.valueOf(node.asText())
                        : number(node, path).doubleValue();
                case BOOLEAN -> expect(node.isBoolean(), node, path, "a boolean")
                        .booleanValue();
                case STRING -> expect(node.isTextual(), node, path, "a string").textValue();
                case BYTES -> bytes(node, schema, path);
                case ARRAY -> array(node, schema, path);
                case MAP -> map(node, schema, path);
                case STRUCT -> struct(node, schema, path);
            };
        } catch (NumberFormatException | DateTimeException | ArithmeticException | IOException e) {
            throw new DataException("field '" + path + "' does not hold a " + schemaName(schema) + " value");
        }
    }

    static boolean hasObjectKeys(Schema map) {
        Schema key = map.keySchema();
        return key.type() == Schema.Type.STRING && !key.isOptional() && key.name() == null;
    }

    private static long integral(JsonNode node, long min, long max, String path) {
        expect(node.isIntegralNumber() && node.canConvertToLong(), node, path, "an integer");
        long value = node.longValue();
        if (value < min || value > max) {
            throw new DataException("field '" + path + "' is out of range for its integer type");
        }
        return value;
    }

    private static Object int32(JsonNode node, Schema schema, String path) {
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            long days = LocalDate.parse(
                            expect(node.isTextual(), node, path, "an ISO date").textValue())
                    .toEpochDay();
            return Date.toLogical(schema, Math.toIntExact(days));
        }
        if (Time.LOGICAL_NAME.equals(schema.name())) {
            LocalTime time = LocalTime.parse(
                    expect(node.isTextual(), node, path, "an ISO time").textValue());
            return Time.toLogical(schema, (int) (time.toNanoOfDay() / 1_000_000L));
        }
        return (int) integral(node, Integer.MIN_VALUE, Integer.MAX_VALUE, path);
    }

    private static Object int64(JsonNode node, Schema schema, String path) {
        if (!Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return integral(node, Long.MIN_VALUE, Long.MAX_VALUE, path);
        }
        return node.isIntegralNumber()
                ? Timestamp.toLogical(schema, node.longValue())
                : Rfc3339.parse(expect(node.isTextual(), node, path, "an RFC 3339 timestamp")
                        .textValue());
    }

    private static Number number(JsonNode node, String path) {
        expect(node.isNumber(), node, path, "a number");
        return node.isBigDecimal() ? node.decimalValue() : node.numberValue();
    }

    private static Object bytes(JsonNode node, Schema schema, String path) throws IOException {
        if (!Decimal.LOGICAL_NAME.equals(schema.name())) {
            return expect(node.isTextual(), node, path, "base64 text").binaryValue();
        }
        int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
        BigDecimal decimal = node.isTextual()
                ? new BigDecimal(node.textValue())
                : expect(node.isNumber(), node, path, "a number").decimalValue();
        return decimal.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static List<Object> array(JsonNode node, Schema schema, String path) {
        expect(node.isArray(), node, path, "an array");
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(read(node.get(i), schema.valueSchema(), path + "[" + i + "]"));
        }
        return items;
    }

    private static Map<Object, Object> map(JsonNode node, Schema schema, String path) {
        Map<Object, Object> entries = new LinkedHashMap<>();
        if (hasObjectKeys(schema)) {
            expect(node.isObject(), node, path, "an object");
            node.properties()
                    .forEach(entry -> entries.put(
                            entry.getKey(), read(entry.getValue(), schema.valueSchema(), path + "." + entry.getKey())));
            return entries;
        }
        expect(node.isArray(), node, path, "an array of [key, value] pairs");
        for (int i = 0; i < node.size(); i++) {
            JsonNode pair = node.get(i);
            expect(pair.isArray() && pair.size() == 2, pair, path + "[" + i + "]", "a [key, value] pair");
            entries.put(
                    read(pair.get(0), schema.keySchema(), path + "[" + i + "].key"),
                    read(pair.get(1), schema.valueSchema(), path + "[" + i + "].value"));
        }
        return entries;
    }

    private static Struct struct(JsonNode node, Schema schema, String path) {
        expect(node.isObject(), node, path, "an object");
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
            struct.put(field, read(node.get(field.name()), field.schema(), path + "." + field.name()));
        }
        return struct;
    }

    private static JsonNode expect(boolean condition, JsonNode node, String path, String what) {
        if (!condition) {
            throw new DataException("field '" + path + "' must be " + what + ", found JSON " + node.getNodeType());
        }
        return node;
    }

    private static String schemaName(Schema schema) {
        return schema.name() != null ? schema.name() : schema.type().getName();
    }
}

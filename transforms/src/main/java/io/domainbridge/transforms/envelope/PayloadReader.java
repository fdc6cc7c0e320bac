package io.domainbridge.transforms.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads a JSON payload into a struct of its declared schema. Every mismatch raises a {@link DataException} naming the
 * event kind and the field path, never the value.
 */
final class PayloadReader {

    /** The event a payload belongs to and where its schema came from, as errors name them. */
    private record Target(EventKind event, boolean declared) {}

    private final boolean failOnExtraFields;

    PayloadReader(boolean failOnExtraFields) {
        this.failOnExtraFields = failOnExtraFields;
    }

    /** @param declared whether the schema was declared (or else inferred), as errors say */
    Struct read(JsonNode payload, Schema schema, EventKind event, boolean declared) {
        Target kind = new Target(event, declared);
        if (payload == null || !payload.isObject()) {
            throw mismatch(kind, "(payload)", "must be a JSON object");
        }
        return struct(payload, schema, kind, "");
    }

    private Struct struct(JsonNode node, Schema schema, Target kind, String path) {
        Struct struct = new Struct(schema);
        int matched = 0;
        for (Field field : schema.fields()) {
            JsonNode child = node.get(field.name());
            String childPath = path + field.name();
            if (child == null || child.isNull()) {
                if (!field.schema().isOptional()) {
                    throw mismatch(kind, childPath, "is required but missing");
                }
            } else {
                struct.put(field, value(child, field.schema(), kind, childPath));
            }
            matched += child == null ? 0 : 1;
        }
        if (failOnExtraFields && matched < node.size()) {
            throw mismatch(kind, path + firstExtraField(node, schema), "is not declared");
        }
        return struct;
    }

    private Object value(JsonNode node, Schema schema, Target kind, String path) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return decimal(node, schema, kind, path);
        }
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return date(require(node, node.isTextual(), kind, path, "an ISO date"), kind, path);
        }
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return timestamp(node, kind, path);
        }
        return switch (schema.type()) {
            case STRING -> require(node, node.isTextual(), kind, path, "a string")
                    .textValue();
            case INT32 -> require(node, node.isIntegralNumber() && node.canConvertToInt(), kind, path, "an int32")
                    .intValue();
            case INT64 -> require(node, node.isIntegralNumber() && node.canConvertToLong(), kind, path, "an int64")
                    .longValue();
            case FLOAT32 -> float32(require(node, node.isNumber(), kind, path, "a number"), kind, path);
            case FLOAT64 -> float64(require(node, node.isNumber(), kind, path, "a number"), kind, path);
            case BOOLEAN -> require(node, node.isBoolean(), kind, path, "a boolean")
                    .booleanValue();
            case BYTES -> base64(require(node, node.isTextual(), kind, path, "base64 text"), kind, path);
            case STRUCT -> struct(require(node, node.isObject(), kind, path, "an object"), schema, kind, path + ".");
            case ARRAY -> array(require(node, node.isArray(), kind, path, "an array"), schema, kind, path);
            default -> throw mismatch(kind, path, "has an unsupported type " + schema.type());
        };
    }

    /** JSON has no infinities, so an infinite result is a number beyond the type's range, never a value to send. */
    private static float float32(JsonNode node, Target kind, String path) {
        float value = node.floatValue();
        if (Float.isInfinite(value)) {
            throw mismatch(kind, path, "is beyond the range of float32");
        }
        return value;
    }

    private static double float64(JsonNode node, Target kind, String path) {
        double value = node.doubleValue();
        if (Double.isInfinite(value)) {
            throw mismatch(kind, path, "is beyond the range of float64");
        }
        return value;
    }

    private static java.util.Date date(JsonNode node, Target kind, String path) {
        try {
            return java.util.Date.from(LocalDate.parse(node.textValue())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
        } catch (DateTimeParseException e) {
            throw mismatch(kind, path, "must be an ISO-8601 date");
        }
    }

    private static java.util.Date timestamp(JsonNode node, Target kind, String path) {
        if (node.isIntegralNumber()) {
            return new java.util.Date(node.longValue());
        }
        try {
            return EventTimes.parse(require(node, node.isTextual(), kind, path, "an ISO-8601 timestamp")
                    .textValue());
        } catch (DateTimeParseException e) {
            throw mismatch(kind, path, "must be an ISO-8601 timestamp");
        }
    }

    private BigDecimal decimal(JsonNode node, Schema schema, Target kind, String path) {
        int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
        try {
            BigDecimal number = node.isNumber()
                    ? node.decimalValue()
                    : new BigDecimal(require(node, node.isTextual(), kind, path, "a decimal number")
                            .textValue());
            return number.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw mismatch(kind, path, "must be a decimal number");
        } catch (ArithmeticException e) {
            throw mismatch(kind, path, "has more than " + scale + " decimal places");
        }
    }

    private List<Object> array(JsonNode node, Schema schema, Target kind, String path) {
        List<Object> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = path + "[" + i + "]";
            if (element.isNull() && !schema.valueSchema().isOptional()) {
                throw mismatch(kind, elementPath, "is required but null");
            }
            values.add(element.isNull() ? null : value(element, schema.valueSchema(), kind, elementPath));
        }
        return values;
    }

    private static byte[] base64(JsonNode node, Target kind, String path) {
        try {
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw mismatch(kind, path, "must be base64 text");
        }
    }

    private static String firstExtraField(JsonNode node, Schema schema) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (schema.field(name) == null) {
                return name;
            }
        }
        return "(unknown)";
    }

    private static JsonNode require(JsonNode node, boolean condition, Target kind, String path, String expected) {
        if (!condition) {
            throw mismatch(kind, path, "must be " + expected);
        }
        return node;
    }

    private static DataException mismatch(Target kind, String path, String reason) {
        return new DataException("Payload of event " + kind.event() + " does not match its "
                + (kind.declared() ? "declared" : "inferred") + " schema: field '" + path + "' " + reason);
    }
}

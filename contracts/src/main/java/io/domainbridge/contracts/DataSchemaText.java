package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Translates a JSON Schema into the type syntax of CommandEventEnvelope's {@code data.schemas}, and back: the
 * AsyncAPI document is the contract, the config only its compiled form.
 */
final class DataSchemaText {

    static final String UNSUPPORTED = "unsupported JSON Schema for event data: use type string (format date or"
            + " date-time, contentEncoding base64), integer (format int32 or int64), number (format float or double,"
            + " or x-domain-bridge-decimal with precision and scale), boolean, object with properties, or array with"
            + " items";

    private DataSchemaText() {}

    /** The data schema syntax of a JSON Schema, or null when the schema uses a feature the envelope lacks. */
    static String of(JsonNode root, JsonNode schemaOrRef) {
        JsonNode s = AsyncApiReader.resolve(root, schemaOrRef);
        if (s == null) {
            return null;
        }
        String format = s.path("format").asText("");
        return switch (s.path("type").asText("")) {
            case "string" -> string(s, format);
            case "integer" -> format.equals("int32") ? "int32" : format.equals("int64") ? "int64" : null;
            case "number" -> number(s, format);
            case "boolean" -> "boolean";
            case "object" -> struct(root, s);
            case "array" -> {
                String item = of(root, s.path("items"));
                yield item == null ? null : "[" + item + "]";
            }
            default -> null;
        };
    }

    private static String string(JsonNode s, String format) {
        if ("base64".equals(s.path("contentEncoding").asText())) {
            return "bytes";
        }
        return switch (format) {
            case "" -> "string";
            case "date" -> "date";
            case "date-time" -> "timestamp";
            default -> null;
        };
    }

    private static String number(JsonNode s, String format) {
        JsonNode decimal = s.path(AsyncApiReader.DECIMAL);
        if (decimal.isObject()) {
            return "decimal(" + decimal.path("precision").asInt() + ","
                    + decimal.path("scale").asInt() + ")";
        }
        return format.equals("float") ? "float32" : format.equals("double") ? "float64" : null;
    }

    private static String struct(JsonNode root, JsonNode s) {
        Set<String> required = new HashSet<>(OdcsReader.strings(s.path("required")));
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, JsonNode> p : AsyncApiReader.iterable(s.path("properties"))) {
            String type = of(root, p.getValue());
            if (type == null) {
                return null;
            }
            fields.add(p.getKey() + ":" + type + (required.contains(p.getKey()) ? "" : "?"));
        }
        return fields.length() == 2 ? null : fields.toString();
    }
}

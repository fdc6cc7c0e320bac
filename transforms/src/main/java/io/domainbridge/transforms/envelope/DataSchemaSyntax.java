package io.domainbridge.transforms.envelope;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Parses the compact declaration of event data schemas:
 *
 * <pre>
 * declarations := declaration (';' declaration)*
 * declaration  := eventType ['@' version] '{' field (',' field)* '}'
 * field        := name ':' type ['?']                       ('?' marks an optional field)
 * type         := string | int32 | int64 | float32 | float64 | boolean | bytes | date | timestamp
 *               | decimal '(' precision ',' scale ')' | '{' field (',' field)* '}' | '[' type ']'
 * </pre>
 *
 * For example {@code PackageStatusChanged@1{packageId:string, status:string, location:string?, weightGrams:int32}}.
 */
final class DataSchemaSyntax {

    private static final Pattern NOT_IN_NAME = Pattern.compile("[^A-Za-z0-9_]");

    private final String text;
    private int position;

    private DataSchemaSyntax(String text) {
        this.text = text;
    }

    /** Every declaration by event type and version (null when the declaration names no version). */
    static Map<EventKind, Schema> parse(String text) {
        DataSchemaSyntax parser = new DataSchemaSyntax(text == null ? "" : text);
        Map<EventKind, Schema> schemas = new LinkedHashMap<>();
        parser.skipSpace();
        while (parser.position < parser.text.length()) {
            parser.declaration(schemas);
            parser.skipSpace();
            if (parser.position < parser.text.length()) {
                parser.expect(';');
                parser.skipSpace();
            }
        }
        return schemas;
    }

    /** The Connect (and Avro) name of the data schema of an event type. */
    static String dataSchemaName(String eventType) {
        return "io.domainbridge.data." + NOT_IN_NAME.matcher(eventType).replaceAll("_");
    }

    private void declaration(Map<EventKind, Schema> schemas) {
        String type = token("event type", c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
        Integer version = null;
        skipSpace();
        if (peek() == '@') {
            position++;
            version = Integer.valueOf(token("version", Character::isDigit));
        }
        EventKind kind = new EventKind(type, version);
        String name = dataSchemaName(type);
        SchemaBuilder builder = SchemaBuilder.struct().name(name).version(version == null ? null : version);
        expect('{');
        fields(builder, name);
        if (schemas.put(kind, builder.build()) != null) {
            throw error("event type " + kind + " is declared twice");
        }
    }

    private void fields(SchemaBuilder struct, String structName) {
        do {
            String field = token("field name", c -> Character.isLetterOrDigit(c) || c == '_');
            if (struct.field(field) != null) {
                throw error("field '" + field + "' is declared twice");
            }
            expect(':');
            Schema schema = type(structName + "_" + field);
            skipSpace();
            boolean optional = peek() == '?';
            if (optional) {
                position++;
            }
            struct.field(field, optional ? optionalCopy(schema) : schema);
            skipSpace();
        } while (tryConsume(','));
        expect('}');
    }

    private Schema type(String nestedName) {
        skipSpace();
        if (tryConsume('{')) {
            SchemaBuilder nested = SchemaBuilder.struct().name(nestedName);
            fields(nested, nestedName);
            return nested.build();
        }
        if (tryConsume('[')) {
            Schema element = type(nestedName + "_item");
            expect(']');
            return SchemaBuilder.array(element).build();
        }
        String name = token("type", Character::isLetterOrDigit).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "string" -> Schema.STRING_SCHEMA;
            case "int32" -> Schema.INT32_SCHEMA;
            case "int64" -> Schema.INT64_SCHEMA;
            case "float32" -> Schema.FLOAT32_SCHEMA;
            case "float64" -> Schema.FLOAT64_SCHEMA;
            case "boolean" -> Schema.BOOLEAN_SCHEMA;
            case "bytes" -> Schema.BYTES_SCHEMA;
            case "date" -> Date.SCHEMA;
            case "timestamp" -> Timestamp.SCHEMA;
            case "decimal" -> decimal();
            default -> throw error("unknown type '" + name + "'");
        };
    }

    private Schema decimal() {
        expect('(');
        int precision = Integer.parseInt(token("precision", Character::isDigit));
        expect(',');
        int scale = Integer.parseInt(token("scale", Character::isDigit));
        expect(')');
        return Decimal.builder(scale)
                .parameter("connect.decimal.precision", Integer.toString(precision))
                .build();
    }

    private static Schema optionalCopy(Schema schema) {
        SchemaBuilder builder =
                switch (schema.type()) {
                    case ARRAY -> SchemaBuilder.array(schema.valueSchema());
                    case STRUCT -> {
                        SchemaBuilder struct = SchemaBuilder.struct();
                        schema.fields().forEach(field -> struct.field(field.name(), field.schema()));
                        yield struct;
                    }
                    default -> SchemaBuilder.type(schema.type());
                };
        builder.name(schema.name()).version(schema.version());
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        return builder.optional().build();
    }

    private String token(String what, IntPredicate accepted) {
        skipSpace();
        int start = position;
        while (position < text.length() && accepted.test(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error("expected " + what);
        }
        return text.substring(start, position);
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private boolean tryConsume(char c) {
        skipSpace();
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String reason) {
        return new IllegalArgumentException(reason + " at position " + position);
    }
}

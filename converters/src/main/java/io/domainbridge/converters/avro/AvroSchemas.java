package io.domainbridge.converters.avro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema.Field;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Maps a Connect schema to an Avro schema. What Avro cannot say itself (Connect names that are not Avro names, schema
 * versions, docs, parameters, int8/int16, maps with non-string keys) travels in {@code connect.*} properties, so
 * {@link ConnectSchemas} gives back an equal Connect schema.
 */
public final class AvroSchemas {

    static final String NAMESPACE = "io.domainbridge.connect";
    static final String CONNECT_NAME = "connect.name";
    static final String CONNECT_VERSION = "connect.version";
    static final String CONNECT_DOC = "connect.doc";
    static final String CONNECT_PARAMETERS = "connect.parameters";
    static final String CONNECT_TYPE = "connect.type";
    static final String MAP_TYPE = "map";
    static final String KEY = "key";
    static final String VALUE = "value";
    /** Precision for Connect decimals that do not state one, as Avro requires a precision. */
    static final int DEFAULT_DECIMAL_PRECISION = 64;

    static final String PRECISION_PARAMETER = "connect.decimal.precision";

    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Schema> definedNames = new HashMap<>();
    private final Map<String, org.apache.avro.Schema> records = new HashMap<>();

    private AvroSchemas() {}

    /** The Avro schema for values of a Connect schema. */
    public static org.apache.avro.Schema toAvro(Schema schema) {
        return new AvroSchemas().convert(schema, "Record");
    }

    private org.apache.avro.Schema convert(Schema schema, String path) {
        org.apache.avro.Schema avro = withConnectProperties(schema, nonNull(schema, path));
        return schema.isOptional() ? optional(avro, schema.defaultValue() != null) : avro;
    }

    private org.apache.avro.Schema nonNull(Schema schema, String path) {
        return switch (schema.type()) {
            case INT8, INT16 -> typed(
                    org.apache.avro.Schema.Type.INT, schema.type().getName());
            case INT32 -> int32(schema);
            case INT64 -> Timestamp.LOGICAL_NAME.equals(schema.name())
                    ? LogicalTypes.timestampMillis().addToSchema(primitive(org.apache.avro.Schema.Type.LONG))
                    : primitive(org.apache.avro.Schema.Type.LONG);
            case FLOAT32 -> primitive(org.apache.avro.Schema.Type.FLOAT);
            case FLOAT64 -> primitive(org.apache.avro.Schema.Type.DOUBLE);
            case BOOLEAN -> primitive(org.apache.avro.Schema.Type.BOOLEAN);
            case STRING -> primitive(org.apache.avro.Schema.Type.STRING);
            case BYTES -> Decimal.LOGICAL_NAME.equals(schema.name())
                    ? decimal(schema)
                    : primitive(org.apache.avro.Schema.Type.BYTES);
            case ARRAY -> org.apache.avro.Schema.createArray(convert(schema.valueSchema(), path + "_item"));
            case MAP -> map(schema, path);
            case STRUCT -> record(schema, path);
        };
    }

    private static org.apache.avro.Schema int32(Schema schema) {
        org.apache.avro.Schema avro = primitive(org.apache.avro.Schema.Type.INT);
        if (Date.LOGICAL_NAME.equals(schema.name())) {
            return LogicalTypes.date().addToSchema(avro);
        }
        return Time.LOGICAL_NAME.equals(schema.name())
                ? LogicalTypes.timeMillis().addToSchema(avro)
                : avro;
    }

    private static org.apache.avro.Schema decimal(Schema schema) {
        Map<String, String> parameters = schema.parameters();
        int scale = Integer.parseInt(parameters.get(Decimal.SCALE_FIELD));
        String declared = parameters.get(PRECISION_PARAMETER);
        int precision = declared == null ? Math.max(DEFAULT_DECIMAL_PRECISION, scale) : Integer.parseInt(declared);
        if (scale < 0 || precision < scale) {
            throw new DataException("Decimal schema " + schema.name() + " with scale " + scale + " and precision "
                    + precision + " has no Avro equivalent");
        }
        return LogicalTypes.decimal(precision, scale).addToSchema(primitive(org.apache.avro.Schema.Type.BYTES));
    }

    private org.apache.avro.Schema map(Schema schema, String path) {
        if (schema.keySchema().type() == Schema.Type.STRING
                && !schema.keySchema().isOptional()
                && schema.keySchema().name() == null) {
            return org.apache.avro.Schema.createMap(convert(schema.valueSchema(), path + "_value"));
        }
        String entryName = generatedName(path + "_entry");
        org.apache.avro.Schema entry =
                org.apache.avro.Schema.createRecord(simpleName(entryName), null, namespace(entryName), false);
        entry.setFields(List.of(
                new Field(KEY, convert(schema.keySchema(), entryName + "_key")),
                new Field(VALUE, convert(schema.valueSchema(), entryName + "_value"))));
        org.apache.avro.Schema array = org.apache.avro.Schema.createArray(entry);
        array.addProp(CONNECT_TYPE, MAP_TYPE);
        return array;
    }

    private org.apache.avro.Schema record(Schema schema, String path) {
        String fullName = uniqueName(schema, schema.name() == null ? generatedName(path) : avroFullName(schema.name()));
        org.apache.avro.Schema existing = records.get(fullName);
        if (existing != null) {
            return existing;
        }
        org.apache.avro.Schema record =
                org.apache.avro.Schema.createRecord(simpleName(fullName), null, namespace(fullName), false);
        records.put(fullName, record);
        List<Field> fields = new ArrayList<>(schema.fields().size());
        Set<String> fieldNames = new HashSet<>();
        for (org.apache.kafka.connect.data.Field field : schema.fields()) {
            fields.add(field(field, fullName, fieldNames));
        }
        record.setFields(fields);
        return record;
    }

    private Field field(org.apache.kafka.connect.data.Field field, String recordName, Set<String> taken) {
        String name = avroName(field.name());
        for (int i = 2; !taken.add(name); i++) {
            name = avroName(field.name()) + "_" + i;
        }
        Schema fieldSchema = field.schema();
        org.apache.avro.Schema avro = convert(fieldSchema, recordName + "_" + name);
        Object defaultValue = fieldSchema.defaultValue() != null
                ? AvroValues.toJsonDefault(fieldSchema, avro)
                : fieldSchema.isOptional() ? JsonProperties.NULL_VALUE : null;
        Field result = defaultValue == null ? new Field(name, avro) : new Field(name, avro, null, defaultValue);
        if (!name.equals(field.name())) {
            result.addProp(CONNECT_NAME, field.name());
        }
        return result;
    }

    /** A repeated Connect name for a different schema gets a numbered Avro name, as Avro names are unique. */
    private String uniqueName(Schema schema, String fullName) {
        String name = fullName;
        for (int i = 2; ; i++) {
            Schema defined = definedNames.putIfAbsent(name, schema);
            if (defined == null || defined.equals(schema)) {
                return name;
            }
            name = fullName + "_" + i;
        }
    }

    private static org.apache.avro.Schema withConnectProperties(Schema schema, org.apache.avro.Schema avro) {
        boolean hasProperties = schema.name() != null
                || schema.version() != null
                || schema.doc() != null
                || (schema.parameters() != null && !schema.parameters().isEmpty());
        if (!hasProperties) {
            return avro;
        }
        if (avro.getObjectProp(CONNECT_NAME) != null || avro.getObjectProp(CONNECT_VERSION) != null) {
            return avro; // a record seen before under the same name
        }
        putIfNotNull(avro, CONNECT_NAME, schema.name());
        putIfNotNull(avro, CONNECT_VERSION, schema.version());
        putIfNotNull(avro, CONNECT_DOC, schema.doc());
        if (schema.parameters() != null && !schema.parameters().isEmpty()) {
            avro.addProp(CONNECT_PARAMETERS, new LinkedHashMap<>(schema.parameters()));
        }
        return avro;
    }

    private static void putIfNotNull(org.apache.avro.Schema target, String property, Object value) {
        if (value != null) {
            target.addProp(property, value);
        }
    }

    private static org.apache.avro.Schema optional(org.apache.avro.Schema avro, boolean defaultFirst) {
        org.apache.avro.Schema nullSchema = primitive(org.apache.avro.Schema.Type.NULL);
        return org.apache.avro.Schema.createUnion(defaultFirst ? List.of(avro, nullSchema) : List.of(nullSchema, avro));
    }

    private static org.apache.avro.Schema typed(org.apache.avro.Schema.Type type, String connectType) {
        org.apache.avro.Schema avro = primitive(type);
        avro.addProp(CONNECT_TYPE, connectType);
        return avro;
    }

    private static org.apache.avro.Schema primitive(org.apache.avro.Schema.Type type) {
        return org.apache.avro.Schema.create(type);
    }

    /** Unnamed structs get a name from their place in the schema, in a namespace that marks the name as made up. */
    private static String generatedName(String path) {
        return path.startsWith(NAMESPACE + ".") ? path : NAMESPACE + "." + path.replace('.', '_');
    }

    static String avroFullName(String connectName) {
        String[] parts = connectName.split("\\.", -1);
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            name.append(name.length() == 0 ? "" : ".").append(avroName(part));
        }
        return name.toString();
    }

    static String avroName(String name) {
        if (AVRO_NAME.matcher(name).matches()) {
            return name;
        }
        String replaced = name.replaceAll("[^A-Za-z0-9_]", "_");
        return replaced.isEmpty() || Character.isDigit(replaced.charAt(0)) ? "_" + replaced : replaced;
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    private static String namespace(String fullName) {
        int dot = fullName.lastIndexOf('.');
        return dot < 0 ? null : fullName.substring(0, dot);
    }
}

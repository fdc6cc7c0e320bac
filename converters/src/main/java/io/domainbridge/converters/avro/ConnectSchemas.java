package io.domainbridge.converters.avro;

import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Maps an Avro schema back to a Connect schema: exactly the one {@link AvroSchemas} started from when the Avro schema
 * carries its {@code connect.*} properties, and the natural Connect equivalent of any other Avro schema.
 */
public final class ConnectSchemas {

    private ConnectSchemas() {}

    /** The Connect schema for values of an Avro schema. */
    public static Schema toConnect(org.apache.avro.Schema avro) {
        return builder(avro).build();
    }

    private static SchemaBuilder builder(org.apache.avro.Schema avro) {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            return optional(avro);
        }
        SchemaBuilder builder = nonNull(avro);
        // logical type builders set their own name and version; SchemaBuilder refuses to set them twice
        String name = connectName(avro);
        if (name != null && builder.name() == null) {
            builder.name(name);
        }
        if (avro.getObjectProp(AvroSchemas.CONNECT_VERSION) instanceof Number version && builder.version() == null) {
            builder.version(version.intValue());
        }
        if (avro.getObjectProp(AvroSchemas.CONNECT_DOC) instanceof String doc) {
            builder.doc(doc);
        }
        if (avro.getObjectProp(AvroSchemas.CONNECT_PARAMETERS) instanceof Map<?, ?> parameters) {
            parameters.forEach((key, value) -> builder.parameter(key.toString(), String.valueOf(value)));
        } else if (avro.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            builder.parameter(AvroSchemas.PRECISION_PARAMETER, Integer.toString(decimal.getPrecision()));
        }
        return builder;
    }

    private static String connectName(org.apache.avro.Schema avro) {
        Object name = avro.getObjectProp(AvroSchemas.CONNECT_NAME);
        if (name != null) {
            return name.toString();
        }
        boolean generated = avro.getType() != org.apache.avro.Schema.Type.RECORD
                || avro.getFullName().startsWith(AvroSchemas.NAMESPACE + ".");
        return generated ? null : avro.getFullName();
    }

    private static SchemaBuilder optional(org.apache.avro.Schema union) {
        var branches = union.getTypes();
        boolean nullable = branches.size() == 2 && branches.stream().anyMatch(ConnectSchemas::isNull);
        if (!nullable) {
            throw new DataException("Avro union " + union + " has no Connect equivalent: only [null, T] unions do");
        }
        org.apache.avro.Schema branch = isNull(branches.get(0)) ? branches.get(1) : branches.get(0);
        return builder(branch).optional();
    }

    private static SchemaBuilder nonNull(org.apache.avro.Schema avro) {
        LogicalType logical = avro.getLogicalType();
        return switch (avro.getType()) {
            case INT -> integer(avro, logical);
            case LONG -> logical instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case STRING, ENUM -> SchemaBuilder.string();
            case BYTES, FIXED -> logical instanceof LogicalTypes.Decimal decimal
                    ? Decimal.builder(decimal.getScale())
                    : SchemaBuilder.bytes();
            case ARRAY -> array(avro);
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, toConnect(avro.getValueType()));
            case RECORD -> struct(avro);
            case NULL, UNION -> throw new DataException("Avro schema " + avro + " has no Connect equivalent");
        };
    }

    private static SchemaBuilder integer(org.apache.avro.Schema avro, LogicalType logical) {
        if (logical instanceof LogicalTypes.Date) {
            return Date.builder();
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return Time.builder();
        }
        Object connectType = avro.getObjectProp(AvroSchemas.CONNECT_TYPE);
        if ("int8".equals(connectType)) {
            return SchemaBuilder.int8();
        }
        return "int16".equals(connectType) ? SchemaBuilder.int16() : SchemaBuilder.int32();
    }

    private static SchemaBuilder array(org.apache.avro.Schema avro) {
        if (!AvroSchemas.MAP_TYPE.equals(avro.getObjectProp(AvroSchemas.CONNECT_TYPE))) {
            return SchemaBuilder.array(toConnect(avro.getElementType()));
        }
        org.apache.avro.Schema entry = avro.getElementType();
        return SchemaBuilder.map(
                toConnect(entry.getField(AvroSchemas.KEY).schema()),
                toConnect(entry.getField(AvroSchemas.VALUE).schema()));
    }

    private static SchemaBuilder struct(org.apache.avro.Schema record) {
        SchemaBuilder struct = SchemaBuilder.struct();
        for (org.apache.avro.Schema.Field field : record.getFields()) {
            Object connectName = field.getObjectProp(AvroSchemas.CONNECT_NAME);
            struct.field(connectName == null ? field.name() : connectName.toString(), fieldSchema(field));
        }
        return struct;
    }

    private static Schema fieldSchema(org.apache.avro.Schema.Field field) {
        SchemaBuilder builder = builder(field.schema());
        if (!field.hasDefaultValue() || field.defaultVal() == org.apache.avro.JsonProperties.NULL_VALUE) {
            return builder.build();
        }
        if (builder.type() == Schema.Type.STRUCT) {
            return builder.build(); // Connect cannot validate a struct default against a schema still being built
        }
        Object avroDefault = GenericData.get().getDefaultValue(field);
        Object connectDefault = AvroValues.toConnect(builder.build(), avroDefault);
        return builder.defaultValue(connectDefault).build();
    }

    private static boolean isNull(org.apache.avro.Schema schema) {
        return schema.getType() == org.apache.avro.Schema.Type.NULL;
    }
}

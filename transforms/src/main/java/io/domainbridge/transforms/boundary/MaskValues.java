package io.domainbridge.transforms.boundary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The value a masked column carries: null when the column is optional, otherwise the zero value of its type, so the
 * output schema stays the input schema. Debezium's ISO strings get the epoch in their own format rather than an
 * empty string, which no reader of the type would accept.
 */
final class MaskValues {

    private static final java.util.Date EPOCH = new java.util.Date(0L);
    private static final Map<String, String> ZERO_TEXTS = Map.of(
            CanonicalText.ZONED_TIMESTAMP,
            "1970-01-01T00:00:00Z",
            CanonicalText.ISO_TIMESTAMP,
            "1970-01-01T00:00:00Z",
            CanonicalText.ISO_DATE,
            "1970-01-01Z",
            CanonicalText.ISO_TIME,
            "00:00:00Z",
            CanonicalText.ZONED_TIME,
            "00:00:00Z",
            "io.debezium.data.Uuid",
            "00000000-0000-0000-0000-000000000000");

    private MaskValues() {}

    /** @param column and {@code table} name the column in errors */
    static Object forSchema(Schema schema, String column, String table) {
        if (schema.isOptional()) {
            return null;
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return BigDecimal.ZERO.setScale(Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD)));
        }
        if (schema.name() != null && schema.name().startsWith("org.apache.kafka.connect.data.")) {
            return EPOCH;
        }
        if (schema.type() == Schema.Type.STRING && schema.name() != null && ZERO_TEXTS.containsKey(schema.name())) {
            return ZERO_TEXTS.get(schema.name());
        }
        return switch (schema.type()) {
            case INT8 -> (byte) 0;
            case INT16 -> (short) 0;
            case INT32 -> 0;
            case INT64 -> 0L;
            case FLOAT32 -> 0.0f;
            case FLOAT64 -> 0.0d;
            case BOOLEAN -> false;
            case STRING -> "";
            case BYTES -> new byte[0];
            case ARRAY -> List.of();
            case MAP -> Map.of();
            case STRUCT -> zeroStruct(schema, column, table);
        };
    }

    /** Debezium's decimal of any scale has a zero; other structs (geometries, vectors, ...) have none worth sending. */
    private static Struct zeroStruct(Schema schema, String column, String table) {
        if (!CanonicalText.isVariableScaleDecimal(schema)) {
            throw new DataException("Cannot mask required column '" + column + "' of table '" + table + "': it is a "
                    + CanonicalText.describe(schema) + ", which has no zero value; make it optional or withhold it");
        }
        return new Struct(schema).put("scale", 0).put("value", new byte[] {0});
    }
}

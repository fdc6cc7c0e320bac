package io.domainbridge.transforms.boundary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * The value a masked column carries: null when the column is optional, otherwise the zero value of its type, so the
 * output schema stays the input schema.
 */
final class MaskValues {

    private static final java.util.Date EPOCH = new java.util.Date(0L);

    private MaskValues() {}

    static Object forSchema(Schema schema, String column) {
        if (schema.isOptional()) {
            return null;
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return BigDecimal.ZERO.setScale(Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD)));
        }
        if (schema.name() != null && schema.name().startsWith("org.apache.kafka.connect.data.")) {
            return EPOCH;
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
            case STRUCT -> throw new DataException(
                    "Cannot mask required column '" + column + "': it is a struct; make it optional or withhold it");
        };
    }
}

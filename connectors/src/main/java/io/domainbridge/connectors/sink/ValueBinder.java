package io.domainbridge.connectors.sink;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/** Binds a Connect value as a typed JDBC parameter; structs, arrays and maps are not column values. */
public final class ValueBinder {

    private static final String TIMESTAMP = org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME;
    private static final String DATE = org.apache.kafka.connect.data.Date.LOGICAL_NAME;
    private static final String TIME = org.apache.kafka.connect.data.Time.LOGICAL_NAME;
    private static final String DECIMAL = org.apache.kafka.connect.data.Decimal.LOGICAL_NAME;

    private ValueBinder() {}

    public static void bind(PreparedStatement statement, int index, String path, FieldValue field) throws SQLException {
        Object value = field.value();
        if (value == null) {
            statement.setNull(index, sqlType(field.schema()));
        } else if (value instanceof Date date) {
            bindDate(statement, index, field.schema(), date);
        } else if (value instanceof BigDecimal || value instanceof Number || value instanceof Boolean) {
            statement.setObject(index, value);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            statement.setBytes(index, bytes);
        } else {
            throw new DataException("Field '" + path + "' is a " + typeName(field) + ", which fits no column");
        }
    }

    /** The JDBC type of a Connect schema, for typed nulls. */
    static int sqlType(Schema schema) {
        if (schema == null) {
            return Types.NULL;
        }
        String logical = schema.name();
        if (TIMESTAMP.equals(logical)) {
            return Types.TIMESTAMP;
        }
        if (DATE.equals(logical)) {
            return Types.DATE;
        }
        if (TIME.equals(logical)) {
            return Types.TIME;
        }
        if (DECIMAL.equals(logical)) {
            return Types.NUMERIC;
        }
        return switch (schema.type()) {
            case INT8 -> Types.TINYINT;
            case INT16 -> Types.SMALLINT;
            case INT32 -> Types.INTEGER;
            case INT64 -> Types.BIGINT;
            case FLOAT32 -> Types.REAL;
            case FLOAT64 -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case STRING -> Types.VARCHAR;
            case BYTES -> Types.VARBINARY;
            default -> Types.NULL;
        };
    }

    private static void bindDate(PreparedStatement statement, int index, Schema schema, Date date) throws SQLException {
        String logical = schema == null ? TIMESTAMP : schema.name();
        if (DATE.equals(logical)) {
            statement.setDate(index, new java.sql.Date(date.getTime()));
        } else if (TIME.equals(logical)) {
            statement.setTime(index, new java.sql.Time(date.getTime()));
        } else {
            statement.setTimestamp(index, new java.sql.Timestamp(date.getTime()));
        }
    }

    private static String typeName(FieldValue field) {
        return field.schema() != null
                ? field.schema().type().getName()
                : field.value().getClass().getSimpleName();
    }
}

package io.domainbridge.connectors.sink;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * Binds a Connect value as a typed JDBC parameter, by its Connect or Debezium semantic type (see {@link
 * SemanticType}); structs, arrays and maps are not column values.
 *
 * <p>On PostgreSQL, text and date-times go as parameters of unspecified type, so the server reads them as the
 * column's type: text lands in {@code uuid}, {@code json}, enum, {@code bit} or {@code numeric} columns, and a
 * date-time written with its UTC offset keeps its instant in {@code timestamptz} and its UTC wall clock (which is
 * what Debezium's epoch counts encode) in {@code timestamp}.
 */
public final class ValueBinder {

    private static final DateTimeFormatter POSTGRES_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS'+00'");
    private static final DateTimeFormatter POSTGRES_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSSxxx");

    private ValueBinder() {}

    public static void bind(PreparedStatement statement, int index, String path, FieldValue field, Dialect dialect)
            throws SQLException {
        SemanticType type = SemanticType.of(field.schema());
        if (field.value() == null) {
            statement.setNull(index, nullType(type, field.schema(), dialect));
            return;
        }
        if (type == SemanticType.PLAIN && !isColumnValue(field.value())) {
            throw new DataException("Field '" + path + "' is a " + typeName(field) + ", which fits no column");
        }
        try {
            bindValue(statement, index, type, field, dialect == Dialect.POSTGRESQL);
        } catch (DateTimeException | ArithmeticException | NumberFormatException | ClassCastException e) {
            // the cause would quote the value, which must not reach logs or dead-letter headers
            throw new DataException("Field '" + path + "' is not a valid " + typeName(field));
        }
    }

    private static void bindValue(
            PreparedStatement statement, int index, SemanticType type, FieldValue field, boolean postgres)
            throws SQLException {
        Object value = field.value();
        switch (type) {
            case EPOCH_DAY, CONNECT_DATE -> statement.setObject(index, SemanticValues.date(type, value));
            case MILLI_TIME, MICRO_TIME, NANO_TIME, CONNECT_TIME -> statement.setObject(
                    index, SemanticValues.time(type, value));
            case MILLI_TIMESTAMP, MICRO_TIMESTAMP, NANO_TIMESTAMP, CONNECT_TIMESTAMP -> bindTimestamp(
                    statement, index, SemanticValues.timestamp(type, value), postgres);
            case ZONED_TIMESTAMP -> bindZonedTimestamp(statement, index, (String) value, postgres);
            case ZONED_TIME -> bindZonedTime(statement, index, value, postgres);
            case DECIMAL, VARIABLE_SCALE_DECIMAL -> statement.setBigDecimal(index, SemanticValues.decimal(type, value));
            case TYPED_TEXT -> bindText(statement, index, (String) value, postgres);
            case BITS -> bindBits(statement, index, field.schema(), value, postgres);
            case PLAIN -> bindPlain(statement, index, value, postgres);
        }
    }

    private static void bindPlain(PreparedStatement statement, int index, Object value, boolean postgres)
            throws SQLException {
        if (value instanceof Date date) {
            bindTimestamp(statement, index, SemanticValues.timestamp(SemanticType.CONNECT_TIMESTAMP, date), postgres);
        } else if (value instanceof BigDecimal || value instanceof Number || value instanceof Boolean) {
            statement.setObject(index, value);
        } else if (value instanceof String text) {
            bindText(statement, index, text, postgres);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            statement.setBytes(index, SemanticValues.bytes(value));
        }
    }

    private static void bindTimestamp(PreparedStatement statement, int index, LocalDateTime value, boolean postgres)
            throws SQLException {
        if (postgres) {
            statement.setObject(index, POSTGRES_TIMESTAMP.format(value), Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    private static void bindZonedTimestamp(PreparedStatement statement, int index, String value, boolean postgres)
            throws SQLException {
        if (postgres && ("infinity".equals(value) || "-infinity".equals(value))) {
            statement.setObject(index, value, Types.OTHER);
            return;
        }
        OffsetDateTime instant = SemanticValues.zonedTimestamp(value);
        if (postgres) {
            LocalDateTime utc = instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            statement.setObject(index, POSTGRES_TIMESTAMP.format(utc), Types.OTHER);
        } else {
            // the driver writes the instant in its connection time zone (connectionTimeZone)
            statement.setObject(index, instant);
        }
    }

    private static void bindZonedTime(PreparedStatement statement, int index, Object value, boolean postgres)
            throws SQLException {
        if (postgres) {
            statement.setObject(index, POSTGRES_TIME.format(SemanticValues.zonedTime(value)), Types.OTHER);
        } else {
            // MariaDB has no time with time zone: the time of day in UTC, as Debezium normalizes it
            statement.setObject(index, SemanticValues.time(SemanticType.ZONED_TIME, value));
        }
    }

    private static void bindText(PreparedStatement statement, int index, String text, boolean postgres)
            throws SQLException {
        if (postgres) {
            statement.setObject(index, text, Types.OTHER);
        } else {
            statement.setString(index, text);
        }
    }

    private static void bindBits(PreparedStatement statement, int index, Schema schema, Object value, boolean postgres)
            throws SQLException {
        String bits = SemanticValues.bitString(schema, value);
        if (postgres) {
            statement.setObject(index, bits, Types.OTHER);
        } else {
            statement.setObject(index, new BigInteger(bits, 2));
        }
    }

    /** The JDBC type of a null: unspecified on PostgreSQL wherever the value would be, so any column takes it. */
    static int nullType(SemanticType type, Schema schema, Dialect dialect) {
        int plain = sqlType(schema);
        boolean untyped =
                switch (type) {
                    case EPOCH_DAY,
                            CONNECT_DATE,
                            MILLI_TIME,
                            MICRO_TIME,
                            NANO_TIME,
                            CONNECT_TIME,
                            DECIMAL,
                            VARIABLE_SCALE_DECIMAL -> false;
                    case PLAIN -> plain == Types.VARCHAR || plain == Types.NULL;
                    default -> true;
                };
        if (dialect == Dialect.POSTGRESQL && untyped) {
            return Types.OTHER;
        }
        return type == SemanticType.PLAIN ? plain : type.nullType();
    }

    /** The JDBC type of a Connect schema by its Connect type, for typed nulls. */
    static int sqlType(Schema schema) {
        if (schema == null) {
            return Types.NULL;
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

    private static boolean isColumnValue(Object value) {
        return value instanceof Date
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof String
                || value instanceof byte[]
                || value instanceof ByteBuffer;
    }

    private static String typeName(FieldValue field) {
        Schema schema = field.schema();
        if (schema == null) {
            return field.value().getClass().getSimpleName();
        }
        return schema.name() != null ? schema.name() : schema.type().getName();
    }
}

package io.domainbridge.transforms.boundary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.errors.DataException;

/**
 * The text a pseudonym is computed over: one text per value, whichever type the value arrives as. Instants become
 * ISO-8601 instants in UTC ({@link Instant#toString()}), dates ISO dates, local times ISO local times, times with an
 * offset ISO times in UTC with a {@code Z}, decimals their plain notation with their scale; other strings are taken
 * as they are, other numbers and booleans in Java's notation.
 */
final class CanonicalText {

    static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";
    static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    static final String ZONED_TIME = "io.debezium.time.ZonedTime";
    static final String ISO_TIMESTAMP = "io.debezium.time.IsoTimestamp";
    static final String ISO_DATE = "io.debezium.time.IsoDate";
    static final String ISO_TIME = "io.debezium.time.IsoTime";

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private CanonicalText() {}

    /** Why values of the schema have no canonical text, or null when they have one. */
    static String unsupported(Schema schema) {
        if (schema.type().isPrimitive() || isVariableScaleDecimal(schema)) {
            return null;
        }
        return "it is a " + describe(schema) + ", which has no canonical text; mask or withhold it";
    }

    /** The Connect type, and the semantic type when the schema names one. */
    static String describe(Schema schema) {
        return schema.name() == null ? schema.type().toString() : schema.type() + " of type '" + schema.name() + "'";
    }

    /** A struct of Debezium's decimal of any scale: {@code scale} and the unscaled two's complement {@code value}. */
    static boolean isVariableScaleDecimal(Schema schema) {
        return VARIABLE_SCALE_DECIMAL.equals(schema.name())
                && schema.type() == Schema.Type.STRUCT
                && schema.field("scale") != null
                && schema.field("scale").schema().type() == Schema.Type.INT32
                && schema.field("value") != null
                && schema.field("value").schema().type() == Schema.Type.BYTES;
    }

    static String of(String logicalName, Object value) {
        if (value instanceof String text) {
            return logicalName == null ? text : isoText(logicalName, text);
        }
        if (value instanceof java.util.Date date) {
            return dateText(logicalName, date);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Struct struct && isVariableScaleDecimal(struct.schema())) {
            return variableScaleDecimal(struct).toPlainString();
        }
        if ((value instanceof Integer || value instanceof Long) && logicalName != null) {
            return debeziumTimeText(logicalName, ((Number) value).longValue());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new DataException(
                "Cannot pseudonymize a value of type " + value.getClass().getSimpleName()
                        + ": only strings, numbers, booleans, dates, times, timestamps and bytes can be pseudonymized");
    }

    static BigDecimal variableScaleDecimal(Struct struct) {
        byte[] unscaled = struct.getBytes("value");
        Integer scale = struct.getInt32("scale");
        if (unscaled == null || unscaled.length == 0 || scale == null) {
            throw new DataException("A value of type '" + VARIABLE_SCALE_DECIMAL + "' lacks its scale or digits");
        }
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    /** Debezium's ISO strings; PostgreSQL's infinities have no instant and stay as they are. */
    private static String isoText(String logicalName, String text) {
        try {
            return switch (logicalName) {
                case ZONED_TIMESTAMP, ISO_TIMESTAMP -> isInfinity(text) ? text : instantText(text);
                case ISO_DATE -> LocalDate.from(DateTimeFormatter.ISO_DATE.parse(text))
                        .toString();
                case ISO_TIME -> timeText(LocalTime.from(DateTimeFormatter.ISO_TIME.parse(text)));
                case ZONED_TIME -> timeText(OffsetTime.parse(text, DateTimeFormatter.ISO_OFFSET_TIME)
                                .withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalTime())
                        + "Z";
                default -> text;
            };
        } catch (DateTimeParseException e) {
            throw new DataException("Cannot pseudonymize a value of type '" + logicalName
                    + "': it is not the ISO-8601 text that type stands for");
        }
    }

    private static boolean isInfinity(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("infinity") || lower.equals("-infinity");
    }

    /** A timestamp with an offset is that instant; one without (a local date-time) is read as UTC, like Connect's. */
    private static String instantText(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return Instant.from(parsed).toString();
        }
        return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC).toString();
    }

    private static String dateText(String logicalName, java.util.Date date) {
        Instant instant = date.toInstant();
        if (Date.LOGICAL_NAME.equals(logicalName)) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        if (Time.LOGICAL_NAME.equals(logicalName)) {
            return timeText(instant.atOffset(ZoneOffset.UTC).toLocalTime());
        }
        return instant.toString();
    }

    private static String debeziumTimeText(String logicalName, long value) {
        return switch (logicalName) {
            case "io.debezium.time.Date" -> LocalDate.ofEpochDay(value).toString();
            case "io.debezium.time.Timestamp" -> Instant.ofEpochMilli(value).toString();
            case "io.debezium.time.MicroTimestamp" -> Instant.ofEpochSecond(
                            Math.floorDiv(value, MICROS_PER_SECOND), Math.floorMod(value, MICROS_PER_SECOND) * 1000L)
                    .toString();
            case "io.debezium.time.NanoTimestamp" -> Instant.ofEpochSecond(
                            Math.floorDiv(value, NANOS_PER_SECOND), Math.floorMod(value, NANOS_PER_SECOND))
                    .toString();
            case "io.debezium.time.Time" -> timeText(LocalTime.ofNanoOfDay(value * 1_000_000L));
            case "io.debezium.time.MicroTime" -> timeText(LocalTime.ofNanoOfDay(value * 1_000L));
            case "io.debezium.time.NanoTime" -> timeText(LocalTime.ofNanoOfDay(value));
            default -> Long.toString(value);
        };
    }

    private static String timeText(LocalTime time) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
    }
}

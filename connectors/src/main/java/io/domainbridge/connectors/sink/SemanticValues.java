package io.domainbridge.connectors.sink;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns the value of a {@link SemanticType} into the Java value it stands for, without loss: epoch counts become
 * {@code java.time} values at their full precision, zoned strings keep their instant, variable-scale decimals keep
 * their scale and bit strings their declared length.
 */
final class SemanticValues {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private SemanticValues() {}

    static LocalDate date(SemanticType type, Object value) {
        return type == SemanticType.EPOCH_DAY
                ? LocalDate.ofEpochDay(((Number) value).longValue())
                : LocalDate.ofInstant(((Date) value).toInstant(), ZoneOffset.UTC);
    }

    static LocalTime time(SemanticType type, Object value) {
        return switch (type) {
            case MILLI_TIME -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L);
            case MICRO_TIME -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000L);
            case NANO_TIME -> LocalTime.ofNanoOfDay(((Number) value).longValue());
            case CONNECT_TIME -> LocalTime.ofNanoOfDay(
                    Math.floorMod(((Date) value).getTime(), MILLIS_PER_DAY) * 1_000_000L);
            default -> zonedTime(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        };
    }

    /** A date-time without zone; Debezium encodes it as an epoch count read as if in UTC. */
    static LocalDateTime timestamp(SemanticType type, Object value) {
        return switch (type) {
            case MILLI_TIMESTAMP -> fromEpoch(((Number) value).longValue(), 1_000L, 1_000_000L);
            case MICRO_TIMESTAMP -> fromEpoch(((Number) value).longValue(), MICROS_PER_SECOND, 1_000L);
            case NANO_TIMESTAMP -> fromEpoch(((Number) value).longValue(), NANOS_PER_SECOND, 1L);
            default -> fromEpoch(((Date) value).getTime(), 1_000L, 1_000_000L);
        };
    }

    static OffsetDateTime zonedTimestamp(Object value) {
        return OffsetDateTime.parse((String) value);
    }

    static OffsetTime zonedTime(Object value) {
        return OffsetTime.parse((String) value);
    }

    static BigDecimal decimal(SemanticType type, Object value) {
        if (type == SemanticType.DECIMAL) {
            return (BigDecimal) value;
        }
        Struct struct = (Struct) value;
        return new BigDecimal(new BigInteger(bytes(struct.get("value"))), struct.getInt32("scale"));
    }

    /** The bit string, most significant bit first, padded with zeros to the declared length. */
    static String bitString(Schema schema, Object value) {
        byte[] littleEndian = bytes(value);
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        String bits = new BigInteger(1, bigEndian).toString(2);
        String length = schema.parameters() == null ? null : schema.parameters().get("length");
        int declared = length == null ? bits.length() : Integer.parseInt(length);
        return declared > bits.length() ? "0".repeat(declared - bits.length()) + bits : bits;
    }

    static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }

    private static LocalDateTime fromEpoch(long count, long perSecond, long nanosPerUnit) {
        long seconds = Math.floorDiv(count, perSecond);
        int nanos = (int) (Math.floorMod(count, perSecond) * nanosPerUnit);
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }
}

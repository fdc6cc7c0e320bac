package io.domainbridge.transforms.boundary;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.errors.DataException;

/**
 * Keyed, deterministic pseudonyms: the HMAC-SHA-256 of a value's canonical text (bytes are taken as they are),
 * written as 64 lowercase hex characters. Equal values give equal pseudonyms, so consumers can still join on them;
 * without the key they cannot be reversed or recomputed.
 *
 * <p>Canonical text: strings as they are; integers and decimals in plain decimal notation; booleans as
 * {@code true}/{@code false}; dates as ISO {@code yyyy-MM-dd}, timestamps as ISO-8601 instants in UTC and times as ISO
 * local times, whether they arrive as Connect logical types or as Debezium's {@code io.debezium.time.*} integers.
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String keyId;
    private final ThreadLocal<Mac> mac;

    public Pseudonymizer(byte[] key, String keyId) {
        this.keyId = keyId;
        SecretKeySpec spec = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
        this.mac = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** The identifier of the key, recorded with each record so pseudonyms can be traced through key rotation. */
    public String keyId() {
        return keyId;
    }

    /** The pseudonym of a value of the given schema; null stays null. */
    public String pseudonymize(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return HEX.formatHex(mac.get().doFinal(canonicalBytes(schema, value)));
    }

    static byte[] canonicalBytes(Schema schema, Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return canonicalText(schema == null ? null : schema.name(), value).getBytes(StandardCharsets.UTF_8);
    }

    private static String canonicalText(String logicalName, Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof java.util.Date date) {
            return dateText(logicalName, date);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
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

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac instance = Mac.getInstance(ALGORITHM);
            instance.init(spec);
            return instance;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}

package io.domainbridge.transforms.envelope;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads the outbox's occurred-at column in every form Debezium emits it: ISO-8601 text with an offset
 * ({@code io.debezium.time.ZonedTimestamp}, PostgreSQL {@code timestamptz}, MariaDB {@code timestamp}), epoch
 * milliseconds, micro- or nanoseconds ({@code io.debezium.time.Timestamp}, {@code MicroTimestamp},
 * {@code NanoTimestamp}; {@code timestamp}/{@code datetime} columns, taken as UTC), or a Connect {@code Timestamp}.
 */
final class EventTimes {

    private EventTimes() {}

    static java.util.Date toDate(Object value, Schema schema, String column) {
        if (value == null || value instanceof java.util.Date) {
            return (java.util.Date) value;
        }
        try {
            if (value instanceof String text) {
                return parse(text);
            }
            if (value instanceof Long number) {
                return fromEpoch(number, schema == null ? null : schema.name());
            }
        } catch (DateTimeParseException e) {
            throw new DataException("Outbox column '" + column + "' is not an ISO-8601 timestamp");
        }
        throw new DataException("Outbox column '" + column + "' must be a timestamp, found "
                + value.getClass().getSimpleName());
    }

    /** ISO-8601 with an offset or a zone designator; without either, UTC. */
    static java.util.Date parse(String text) {
        long millis = IsoTimestampText.epochMillis(text);
        if (millis != IsoTimestampText.NOT_PLAIN) {
            return new java.util.Date(millis);
        }
        try {
            return java.util.Date.from(
                    OffsetDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Date.from(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        }
    }

    private static java.util.Date fromEpoch(long value, String logicalName) {
        if ("io.debezium.time.MicroTimestamp".equals(logicalName)) {
            return java.util.Date.from(Instant.EPOCH.plusNanos(Math.multiplyExact(value, 1000L)));
        }
        if ("io.debezium.time.NanoTimestamp".equals(logicalName)) {
            return java.util.Date.from(Instant.EPOCH.plusNanos(value));
        }
        return new java.util.Date(value);
    }
}

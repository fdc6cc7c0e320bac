package io.domainbridge.transforms;

import io.domainbridge.transforms.CdcWorld.Column;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Test fixture: column values that are unique within a record and easy to search for in serialized bytes. Strings are
 * {@code wq<n>Z}, bytes the UTF-8 of {@code wb<n>Z}, numbers and timestamps sit in ranges no other number of a
 * Debezium record reaches; optional columns are null for every fifth value.
 */
final class RowValues {

    private static final int INT32_BASE = 1_900_000_000;
    private static final long INT64_BASE = 9_100_000_000_000_000L;
    private static final double FLOAT64_BASE = 700_000.375d;
    private static final long TIMESTAMP_BASE = 1_900_000_000_000L;

    private int serial;

    int serial() {
        return ++serial;
    }

    Object next(Column column) {
        int n = serial();
        if (column.optional() && n % 5 == 0) {
            return null;
        }
        return switch (column.type()) {
            case STRING -> "wq" + n + "Z";
            case INT32 -> INT32_BASE + n;
            case INT64 -> INT64_BASE + n;
            case FLOAT64 -> FLOAT64_BASE + n;
            case BYTES -> ("wb" + n + "Z").getBytes(StandardCharsets.UTF_8);
            case BOOLEAN -> n % 2 == 0;
            case TIMESTAMP -> new java.util.Date(TIMESTAMP_BASE + n * 1_000L + 7L);
        };
    }

    /**
     * How a value looks once serialized: JSON text, base64 for bytes, epoch millis for timestamps, and the SQL
     * literal of a query text. Booleans are not unique, so they have no form to search for.
     */
    static List<String> forms(Object value) {
        if (value instanceof byte[] bytes) {
            return List.of(Base64.getEncoder().encodeToString(bytes), new String(bytes, StandardCharsets.UTF_8));
        }
        if (value instanceof java.util.Date date) {
            return List.of(Long.toString(date.getTime()), date.toInstant().toString());
        }
        return value instanceof Boolean ? List.of() : List.of(value.toString());
    }

    static String sqlLiteral(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "'" + new String(bytes, StandardCharsets.UTF_8) + "'";
        }
        if (value instanceof java.util.Date date) {
            return "'" + date.toInstant() + "'";
        }
        return value instanceof String ? "'" + value + "'" : value.toString();
    }

    /** What a producer would put in a schemaless header: timestamps as epoch millis. */
    static Object jsonFriendly(Object value) {
        return value instanceof java.util.Date date ? date.getTime() : value;
    }
}

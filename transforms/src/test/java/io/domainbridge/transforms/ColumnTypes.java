package io.domainbridge.transforms;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Test fixture: column types with a sample value, the zero value a required masked column takes, and the canonical
 * text a pseudonym is computed over, written out by hand from the documented rules.
 */
final class ColumnTypes {

    /** 2023-01-01T00:00:00Z. */
    static final long NEW_YEAR_2023_MILLIS = 1_672_531_200_000L;

    static final int NEW_YEAR_2023_EPOCH_DAY = 19_358;

    private ColumnTypes() {}

    /** A column type and one value of it. */
    record ColumnType(String name, Supplier<SchemaBuilder> builder, Object sample, Object zero, byte[] canonical) {

        Schema schema(boolean optional) {
            SchemaBuilder schema = builder.get();
            return (optional ? schema.optional() : schema).build();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> maskable() {
        return withOptionality(
                type("int32", SchemaBuilder::int32, 42, 0, null),
                type("int64", SchemaBuilder::int64, 42L, 0L, null),
                type("string", SchemaBuilder::string, "s3cret", "", null),
                type("boolean", SchemaBuilder::bool, true, false, null),
                type("bytes", SchemaBuilder::bytes, new byte[] {1, 2}, new byte[0], null),
                type("decimal", () -> Decimal.builder(2), new BigDecimal("12.34"), new BigDecimal("0.00"), null),
                type("date", Date::builder, new java.util.Date(NEW_YEAR_2023_MILLIS), new java.util.Date(0L), null),
                type(
                        "timestamp",
                        Timestamp::builder,
                        new java.util.Date(NEW_YEAR_2023_MILLIS + 123L),
                        new java.util.Date(0L),
                        null),
                type(
                        "io.debezium.time.ZonedTimestamp",
                        () -> debezium(SchemaBuilder.string(), "ZonedTimestamp"),
                        "2023-01-01T01:00:00.123+01:00",
                        "1970-01-01T00:00:00Z",
                        null),
                type(
                        "io.debezium.time.IsoDate",
                        () -> debezium(SchemaBuilder.string(), "IsoDate"),
                        "2023-01-01Z",
                        "1970-01-01Z",
                        null));
    }

    static Stream<Arguments> pseudonymizable() {
        byte[] raw = {0, 1, (byte) 0xfe, (byte) 0xff};
        return withOptionality(
                type("string", SchemaBuilder::string, "alice@example.org", null, text("alice@example.org")),
                type("int32", SchemaBuilder::int32, -42, null, text("-42")),
                type("int64", SchemaBuilder::int64, 1_234_567_890_123L, null, text("1234567890123")),
                type("decimal", () -> Decimal.builder(2), new BigDecimal("1234.50"), null, text("1234.50")),
                type("date", Date::builder, new java.util.Date(NEW_YEAR_2023_MILLIS), null, text("2023-01-01")),
                type(
                        "timestamp",
                        Timestamp::builder,
                        new java.util.Date(NEW_YEAR_2023_MILLIS + 123L),
                        null,
                        text("2023-01-01T00:00:00.123Z")),
                type(
                        "io.debezium.time.Date",
                        () -> SchemaBuilder.int32()
                                .name("io.debezium.time.Date")
                                .version(1),
                        NEW_YEAR_2023_EPOCH_DAY,
                        null,
                        text("2023-01-01")),
                zoned("2023-01-01T01:00:00.123+01:00", "2023-01-01T00:00:00.123Z"),
                zoned("2022-12-31T19:30:00.000001-04:30", "2023-01-01T00:00:00.000001Z"),
                zoned("2023-01-01T00:00:00Z", "2023-01-01T00:00:00Z"),
                zoned("infinity", "infinity"),
                type(
                        "io.debezium.time.IsoTimestamp",
                        () -> debezium(SchemaBuilder.string(), "IsoTimestamp"),
                        "2023-01-01T00:00:00.123Z",
                        null,
                        text("2023-01-01T00:00:00.123Z")),
                type(
                        "io.debezium.time.IsoDate",
                        () -> debezium(SchemaBuilder.string(), "IsoDate"),
                        "2023-01-01Z",
                        null,
                        text("2023-01-01")),
                type(
                        "io.debezium.time.IsoTime",
                        () -> debezium(SchemaBuilder.string(), "IsoTime"),
                        "10:15:30.1234Z",
                        null,
                        text("10:15:30.1234")),
                type(
                        "io.debezium.time.MicroTime",
                        () -> debezium(SchemaBuilder.int64(), "MicroTime"),
                        36_930_123_400L,
                        null,
                        text("10:15:30.1234")),
                type(
                        "io.debezium.time.ZonedTime",
                        () -> debezium(SchemaBuilder.string(), "ZonedTime"),
                        "10:15:30.5+01:00",
                        null,
                        text("09:15:30.5Z")),
                type("bytes", SchemaBuilder::bytes, raw.clone(), null, raw.clone()),
                type("bytes as buffer", SchemaBuilder::bytes, ByteBuffer.wrap(raw.clone()), null, raw.clone()));
    }

    private static ColumnType type(
            String name, Supplier<SchemaBuilder> builder, Object sample, Object zero, byte[] canonical) {
        return new ColumnType(name, builder, sample, zero, canonical);
    }

    private static ColumnType zoned(String sample, String canonical) {
        return type(
                "io.debezium.time.ZonedTimestamp " + sample,
                () -> debezium(SchemaBuilder.string(), "ZonedTimestamp"),
                sample,
                null,
                text(canonical));
    }

    private static SchemaBuilder debezium(SchemaBuilder builder, String timeType) {
        return builder.name("io.debezium.time." + timeType).version(1);
    }

    private static byte[] text(String canonical) {
        return canonical.getBytes(StandardCharsets.UTF_8);
    }

    private static Stream<Arguments> withOptionality(ColumnType... types) {
        return Stream.of(types).flatMap(type -> Stream.of(Arguments.of(type, true), Arguments.of(type, false)));
    }
}

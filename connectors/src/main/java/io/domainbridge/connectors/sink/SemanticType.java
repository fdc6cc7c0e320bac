package io.domainbridge.connectors.sink;

import java.sql.Types;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;

/**
 * What a Connect schema name says a value is: Connect's logical types and Debezium's semantic types, whose names
 * survive a JsonConverter with schemas. Unnamed (or unknown) schemas are {@link #PLAIN}: their Java type decides.
 */
enum SemanticType {
    /** Days since the epoch (int32). */
    EPOCH_DAY(Types.DATE),
    /** A java.util.Date at midnight UTC. */
    CONNECT_DATE(Types.DATE),
    /** Milliseconds past midnight (int32). */
    MILLI_TIME(Types.TIME),
    MICRO_TIME(Types.TIME),
    NANO_TIME(Types.TIME),
    /** A java.util.Date holding milliseconds past midnight UTC. */
    CONNECT_TIME(Types.TIME),
    /** Milliseconds since the epoch (int64) of a date-time without zone, read as if UTC. */
    MILLI_TIMESTAMP(Types.TIMESTAMP),
    MICRO_TIMESTAMP(Types.TIMESTAMP),
    NANO_TIMESTAMP(Types.TIMESTAMP),
    /** A java.util.Date: milliseconds since the epoch. */
    CONNECT_TIMESTAMP(Types.TIMESTAMP),
    /** ISO-8601 date-time with offset (string). */
    ZONED_TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE),
    /** ISO-8601 time with offset (string). */
    ZONED_TIME(Types.TIME),
    /** A BigDecimal with the scale of the schema. */
    DECIMAL(Types.NUMERIC),
    /** A struct of scale (int32) and unscaled value (two's-complement bytes). */
    VARIABLE_SCALE_DECIMAL(Types.NUMERIC),
    /** Text the database parses into a type of its own: uuid, json, enum, set. */
    TYPED_TEXT(Types.VARCHAR),
    /** A bit string as little-endian bytes, its length in the schema parameter {@code length}. */
    BITS(Types.BINARY),
    PLAIN(Types.NULL);

    private static final Map<String, SemanticType> BY_NAME = Map.ofEntries(
            Map.entry("io.debezium.time.Date", EPOCH_DAY),
            Map.entry(org.apache.kafka.connect.data.Date.LOGICAL_NAME, CONNECT_DATE),
            Map.entry("io.debezium.time.Time", MILLI_TIME),
            Map.entry("io.debezium.time.MicroTime", MICRO_TIME),
            Map.entry("io.debezium.time.NanoTime", NANO_TIME),
            Map.entry(org.apache.kafka.connect.data.Time.LOGICAL_NAME, CONNECT_TIME),
            Map.entry("io.debezium.time.Timestamp", MILLI_TIMESTAMP),
            Map.entry("io.debezium.time.MicroTimestamp", MICRO_TIMESTAMP),
            Map.entry("io.debezium.time.NanoTimestamp", NANO_TIMESTAMP),
            Map.entry(org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME, CONNECT_TIMESTAMP),
            Map.entry("io.debezium.time.ZonedTimestamp", ZONED_TIMESTAMP),
            Map.entry("io.debezium.time.ZonedTime", ZONED_TIME),
            Map.entry(org.apache.kafka.connect.data.Decimal.LOGICAL_NAME, DECIMAL),
            Map.entry("io.debezium.data.VariableScaleDecimal", VARIABLE_SCALE_DECIMAL),
            Map.entry("io.debezium.data.Uuid", TYPED_TEXT),
            Map.entry("io.debezium.data.Json", TYPED_TEXT),
            Map.entry("io.debezium.data.Xml", TYPED_TEXT),
            Map.entry("io.debezium.data.Enum", TYPED_TEXT),
            Map.entry("io.debezium.data.EnumSet", TYPED_TEXT),
            Map.entry("io.debezium.data.Bits", BITS));

    private final int nullType;

    SemanticType(int nullType) {
        this.nullType = nullType;
    }

    static SemanticType of(Schema schema) {
        if (schema == null || schema.name() == null) {
            return PLAIN;
        }
        return BY_NAME.getOrDefault(schema.name(), PLAIN);
    }

    /** The JDBC type of a null of this kind; {@link Types#NULL} when the Connect type decides. */
    int nullType() {
        return nullType;
    }
}

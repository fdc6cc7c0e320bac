package io.domainbridge.connectors;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The table of Debezium's value shapes: for each source column type and connector mode, the Connect schema and value
 * Debezium 3.6 emits for a source value (io.debezium.time.*, io.debezium.data.*, Connect logical types), the column
 * types that hold it on PostgreSQL and MariaDB, and how to read the stored value back as the source value.
 */
final class DebeziumShapes {

    /** The connector modes that change a shape: time.precision.mode and decimal.handling.mode. */
    enum Mode {
        ADAPTIVE,
        ADAPTIVE_TIME_MICROSECONDS,
        CONNECT,
        DECIMAL_PRECISE,
        DECIMAL_STRING,
        /** The type has one shape whatever the modes. */
        ANY
    }

    /** The shape Debezium emits for a value: the field's schema and a function from source value to field value. */
    record Shape(Schema schema, Function<Object, Object> encode) {}

    /** Reads the column back as the source value on one database. */
    interface Reader {
        Object read(ResultSet rows) throws SQLException;
    }

    /** Where the column lives on one database: its DDL type, the select expression and the reader. */
    record Column(String type, String select, Reader reader) {
        static Column of(String type, Reader reader) {
            return new Column(type, "v", reader);
        }
    }

    /** One source column type in one mode. */
    record Case(String name, Mode mode, Shape shape, Function<Random, Object> values, Column postgres, Column maria) {
        @Override
        public String toString() {
            return name + " / " + mode.name().toLowerCase();
        }
    }

    static final List<String> POSTGRES_SETUP = List.of("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");

    private static final long MIN_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private DebeziumShapes() {}

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        dates(cases);
        times(cases);
        timestamps(cases);
        zoned(cases);
        decimals(cases);
        texts(cases);
        bits(cases);
        return cases;
    }

    private static void dates(List<Case> cases) {
        Function<Random, Object> days = r -> LocalDate.ofEpochDay(between(r, MIN_DAY, MAX_DAY));
        Column column = Column.of("date", rows -> rows.getObject(1, LocalDate.class));
        Shape epochDay = named("io.debezium.time.Date", Schema.Type.INT32, v -> (int) ((LocalDate) v).toEpochDay());
        cases.add(new Case("date", Mode.ADAPTIVE, epochDay, days, column, column));
        cases.add(new Case("date", Mode.ADAPTIVE_TIME_MICROSECONDS, epochDay, days, column, column));
        Shape connect = new Shape(
                org.apache.kafka.connect.data.Date.builder().optional().build(),
                v -> Date.from(((LocalDate) v).atStartOfDay(ZoneOffset.UTC).toInstant()));
        cases.add(new Case("date", Mode.CONNECT, connect, days, column, column));
    }

    private static void times(List<Case> cases) {
        Column pg3 = Column.of("time(3)", rows -> rows.getObject(1, LocalTime.class));
        Column maria3 = Column.of("time(3)", rows -> rows.getObject(1, LocalTime.class));
        Column pg6 = Column.of("time(6)", rows -> rows.getObject(1, LocalTime.class));
        Column maria6 = Column.of("time(6)", rows -> rows.getObject(1, LocalTime.class));
        Function<Random, Object> millis = r -> time(r, ChronoUnit.MILLIS);
        Function<Random, Object> micros = r -> time(r, ChronoUnit.MICROS);
        Shape milliTime = named(
                "io.debezium.time.Time", Schema.Type.INT32, v -> (int) (((LocalTime) v).toNanoOfDay() / 1_000_000));
        Shape microTime =
                named("io.debezium.time.MicroTime", Schema.Type.INT64, v -> ((LocalTime) v).toNanoOfDay() / 1_000);
        Shape nanoTime = named("io.debezium.time.NanoTime", Schema.Type.INT64, v -> ((LocalTime) v).toNanoOfDay());
        Shape connect = new Shape(
                org.apache.kafka.connect.data.Time.builder().optional().build(),
                v -> new Date(((LocalTime) v).toNanoOfDay() / 1_000_000));
        cases.add(new Case("time(3)", Mode.ADAPTIVE, milliTime, millis, pg3, maria3));
        cases.add(new Case("time(3)", Mode.ADAPTIVE_TIME_MICROSECONDS, microTime, millis, pg3, maria3));
        cases.add(new Case("time(3)", Mode.CONNECT, connect, millis, pg3, maria3));
        cases.add(new Case("time(6)", Mode.ADAPTIVE, microTime, micros, pg6, maria6));
        cases.add(new Case("time(6)", Mode.ADAPTIVE_TIME_MICROSECONDS, microTime, micros, pg6, maria6));
        cases.add(new Case("time(6)", Mode.CONNECT, connect, millis, pg6, maria6));
        cases.add(new Case("time(6) as NanoTime", Mode.ADAPTIVE, nanoTime, micros, pg6, maria6));
    }

    private static void timestamps(List<Case> cases) {
        Column pg3 = Column.of("timestamp(3)", rows -> rows.getObject(1, LocalDateTime.class));
        Column maria3 = Column.of("datetime(3)", rows -> rows.getObject(1, LocalDateTime.class));
        Column pg6 = Column.of("timestamp(6)", rows -> rows.getObject(1, LocalDateTime.class));
        Column maria6 = Column.of("datetime(6)", rows -> rows.getObject(1, LocalDateTime.class));
        Function<Random, Object> millis = r -> dateTime(r, ChronoUnit.MILLIS);
        Function<Random, Object> micros = r -> dateTime(r, ChronoUnit.MICROS);
        Shape milli = named("io.debezium.time.Timestamp", Schema.Type.INT64, v -> epoch(v, 1_000L));
        Shape micro = named("io.debezium.time.MicroTimestamp", Schema.Type.INT64, v -> epoch(v, 1_000_000L));
        Shape nano = named("io.debezium.time.NanoTimestamp", Schema.Type.INT64, v -> epoch(v, 1_000_000_000L));
        Shape connect = new Shape(
                org.apache.kafka.connect.data.Timestamp.builder().optional().build(),
                v -> Date.from(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
        cases.add(new Case("timestamp(3)", Mode.ADAPTIVE, milli, millis, pg3, maria3));
        cases.add(new Case("timestamp(3)", Mode.ADAPTIVE_TIME_MICROSECONDS, milli, millis, pg3, maria3));
        cases.add(new Case("timestamp(3)", Mode.CONNECT, connect, millis, pg3, maria3));
        cases.add(new Case("timestamp(6)", Mode.ADAPTIVE, micro, micros, pg6, maria6));
        cases.add(new Case("timestamp(6)", Mode.ADAPTIVE_TIME_MICROSECONDS, micro, micros, pg6, maria6));
        cases.add(new Case("timestamp(6)", Mode.CONNECT, connect, millis, pg6, maria6));
        // int64 nanoseconds since the epoch reach from 1677 to 2262
        Function<Random, Object> nanoRange = r -> dateTime(r, ChronoUnit.MICROS, 1678, 2261);
        cases.add(new Case("timestamp(6) as NanoTimestamp", Mode.ADAPTIVE, nano, nanoRange, pg6, maria6));
    }

    /** Zoned values have one shape in every time.precision.mode; offsets vary, the instant must stay. */
    private static void zoned(List<Case> cases) {
        Column pgInstant = Column.of("timestamptz", rows -> {
            OffsetDateTime instant = rows.getObject(1, OffsetDateTime.class);
            return instant == null ? null : instant.toInstant();
        });
        Column mariaInstant = new Column("timestamp(6) null", "unix_timestamp(v)", rows -> {
            BigDecimal seconds = rows.getBigDecimal(1);
            return seconds == null
                    ? null
                    : Instant.EPOCH.plusNanos(seconds.movePointRight(9).longValueExact());
        });
        Shape zonedTimestamp = named("io.debezium.time.ZonedTimestamp", Schema.Type.STRING, v -> ((Instant) v)
                .atOffset(ZoneOffset.ofHours(((Instant) v).getNano() % 27 - 13))
                .toString());
        Function<Random, Object> instants =
                r -> dateTime(r, ChronoUnit.MICROS, 1971, 2037).toInstant(ZoneOffset.UTC);
        Column pgTimeTz = Column.of("timetz", rows -> {
            OffsetTime time = rows.getObject(1, OffsetTime.class);
            return time == null
                    ? null
                    : time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        });
        Column mariaTime = Column.of("time(6)", rows -> rows.getObject(1, LocalTime.class));
        Shape zonedTime = named("io.debezium.time.ZonedTime", Schema.Type.STRING, v -> ((LocalTime) v)
                .atOffset(ZoneOffset.UTC)
                .toString());
        Function<Random, Object> times = r -> time(r, ChronoUnit.MICROS);
        for (Mode mode : List.of(Mode.ADAPTIVE, Mode.ADAPTIVE_TIME_MICROSECONDS, Mode.CONNECT)) {
            cases.add(new Case("timestamptz", mode, zonedTimestamp, instants, pgInstant, mariaInstant));
            cases.add(new Case("timetz", mode, zonedTime, times, pgTimeTz, mariaTime));
        }
    }

    private static void decimals(List<Case> cases) {
        Reader decimal = rows -> {
            BigDecimal value = rows.getBigDecimal(1);
            return value == null ? null : value.stripTrailingZeros();
        };
        Column pgAny = Column.of("numeric", decimal);
        Column mariaAny = Column.of("decimal(65,30)", decimal);
        Schema variable = SchemaBuilder.struct()
                .name("io.debezium.data.VariableScaleDecimal")
                .optional()
                .field("scale", Schema.INT32_SCHEMA)
                .field("value", Schema.BYTES_SCHEMA)
                .build();
        Shape variableScale = new Shape(variable, v -> new Struct(variable)
                .put("scale", ((BigDecimal) v).scale())
                .put("value", ((BigDecimal) v).unscaledValue().toByteArray()));
        Shape string = new Shape(Schema.OPTIONAL_STRING_SCHEMA, v -> ((BigDecimal) v).toPlainString());
        Function<Random, Object> anyScale = r -> new BigDecimal(
                        new BigInteger(1 + r.nextInt(110), r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)),
                        r.nextInt(31))
                .stripTrailingZeros();
        cases.add(new Case("numeric", Mode.DECIMAL_PRECISE, variableScale, anyScale, pgAny, mariaAny));
        cases.add(new Case("numeric", Mode.DECIMAL_STRING, string, anyScale, pgAny, mariaAny));
        Column pgFixed = Column.of("numeric(20,4)", decimal);
        Column mariaFixed = Column.of("decimal(20,4)", decimal);
        Shape fixed = new Shape(Decimal.builder(4).optional().build(), v -> ((BigDecimal) v).setScale(4));
        Function<Random, Object> scale4 = r ->
                BigDecimal.valueOf(r.nextLong() % 10_000_000_000_000_000L, 4).stripTrailingZeros();
        cases.add(new Case("numeric(20,4)", Mode.DECIMAL_PRECISE, fixed, scale4, pgFixed, mariaFixed));
        cases.add(new Case("numeric(20,4)", Mode.DECIMAL_STRING, string, scale4, pgFixed, mariaFixed));
    }

    private static void texts(List<Case> cases) {
        Reader text = rows -> rows.getString(1);
        Shape uuid = named("io.debezium.data.Uuid", Schema.Type.STRING, v -> v);
        cases.add(new Case(
                "uuid", Mode.ANY, uuid, DebeziumShapes::uuid, Column.of("uuid", text), Column.of("uuid", text)));
        Shape json = named("io.debezium.data.Json", Schema.Type.STRING, v -> v);
        Function<Random, Object> documents = r -> "{\"k\": " + r.nextInt() + ", \"tag\": \"t" + r.nextInt(99) + "\"}";
        cases.add(new Case("json", Mode.ANY, json, documents, Column.of("json", text), Column.of("json", text)));
        cases.add(new Case("jsonb", Mode.ANY, json, documents, Column.of("jsonb", text), Column.of("json", text)));
        List<String> moods = List.of("sad", "ok", "happy");
        Schema enumSchema = SchemaBuilder.string()
                .name("io.debezium.data.Enum")
                .parameter("allowed", "sad,ok,happy")
                .optional()
                .build();
        cases.add(new Case(
                "enum",
                Mode.ANY,
                new Shape(enumSchema, v -> v),
                r -> moods.get(r.nextInt(3)),
                Column.of("mood", text),
                Column.of("enum('sad','ok','happy')", text)));
        Schema setSchema = SchemaBuilder.string()
                .name("io.debezium.data.EnumSet")
                .parameter("allowed", "a,b,c")
                .optional()
                .build();
        Function<Random, Object> sets = r -> String.join(
                ",",
                List.of("a", "b", "c").stream().filter(x -> r.nextBoolean()).toList());
        cases.add(new Case(
                "set",
                Mode.ANY,
                new Shape(setSchema, v -> v),
                sets,
                Column.of("text", text),
                Column.of("set('a','b','c')", text)));
    }

    /** Bits arrive as little-endian bytes of the bit string's value; leading zeros of a varying string are lost. */
    private static void bits(List<Case> cases) {
        Schema bits = SchemaBuilder.bytes()
                .name("io.debezium.data.Bits")
                .parameter("length", "12")
                .optional()
                .build();
        Shape shape = new Shape(bits, v -> {
            String string = (String) v;
            BitSet set = new BitSet(string.length());
            for (int i = 0; i < string.length(); i++) {
                set.set(string.length() - 1 - i, string.charAt(i) == '1');
            }
            return set.toByteArray();
        });
        Function<Random, Object> fixed = r -> {
            String value = Integer.toBinaryString(r.nextInt(1 << 12));
            return "0".repeat(12 - value.length()) + value;
        };
        Function<Random, Object> full = r -> "1" + ((String) fixed.apply(r)).substring(1);
        Column maria = new Column("bit(12)", "lpad(bin(v), 12, '0')", rows -> rows.getString(1));
        cases.add(new Case("bit(12)", Mode.ANY, shape, fixed, Column.of("bit(12)", rows -> rows.getString(1)), maria));
        cases.add(new Case(
                "bit varying(12)",
                Mode.ANY,
                shape,
                full,
                Column.of("bit varying(12)", rows -> rows.getString(1)),
                maria));
    }

    /** A random RFC 4122 version-4 UUID, the kind a source column holds (MariaDB rejects other variants). */
    private static String uuid(Random random) {
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    private static Shape named(String name, Schema.Type type, Function<Object, Object> encode) {
        return new Shape(new SchemaBuilder(type).name(name).optional().build(), encode);
    }

    private static long between(Random random, long min, long max) {
        return min + Math.floorMod(random.nextLong(), max - min + 1);
    }

    private static LocalTime time(Random random, ChronoUnit precision) {
        return LocalTime.ofNanoOfDay(between(random, 0, MICROS_PER_DAY - 1) * 1_000)
                .truncatedTo(precision);
    }

    private static LocalDateTime dateTime(Random random, ChronoUnit precision) {
        return dateTime(random, precision, 1000, 9999);
    }

    private static LocalDateTime dateTime(Random random, ChronoUnit precision, int fromYear, int toYear) {
        LocalDate day = LocalDate.ofEpochDay(between(
                random,
                LocalDate.of(fromYear, 1, 1).toEpochDay(),
                LocalDate.of(toYear, 12, 31).toEpochDay()));
        return day.atTime(time(random, precision));
    }

    /** The count of units since the epoch of a date-time read as if in UTC, as Debezium encodes it. */
    private static long epoch(Object value, long perSecond) {
        Instant instant = ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        long fraction = instant.getNano() / (1_000_000_000L / perSecond);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), perSecond), fraction);
    }
}

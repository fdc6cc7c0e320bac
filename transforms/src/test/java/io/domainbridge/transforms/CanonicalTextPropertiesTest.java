package io.domainbridge.transforms;

import static io.domainbridge.transforms.DebeziumStructTreatmentsTest.variableScaleDecimal;
import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.transforms.DebeziumStructTreatmentsTest.VaultRows;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * One pseudonym per value, whichever type carries it: an instant as Debezium's zoned text at any offset, as micros,
 * as millis or as a Connect timestamp; a decimal as Debezium's decimal of any scale or as a Connect decimal.
 */
class CanonicalTextPropertiesTest {

    /** 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z in microseconds. */
    private static final long MIN_MICROS = -62_135_596_800_000_000L;

    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    private static final Schema ZONED_TIMESTAMP = SchemaBuilder.string()
            .name("io.debezium.time.ZonedTimestamp")
            .version(1)
            .build();
    private static final Schema MICRO_TIMESTAMP = SchemaBuilder.int64()
            .name("io.debezium.time.MicroTimestamp")
            .version(1)
            .build();
    private static final Schema MILLI_TIMESTAMP =
            SchemaBuilder.int64().name("io.debezium.time.Timestamp").version(1).build();

    @Property(tries = 300)
    void zonedTextAtAnyOffsetIsPseudonymizedLikeTheMicroTimestamp(
            @ForAll @LongRange(min = MIN_MICROS, max = MAX_MICROS) long micros, @ForAll("offsets") ZoneOffset offset) {
        Instant instant = Instant.EPOCH
                .plusSeconds(Math.floorDiv(micros, 1_000_000L))
                .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);

        Object zoned = VaultRows.pseudonymize(ZONED_TIMESTAMP, zonedText(instant, offset));

        assertThat(zoned).isEqualTo(VaultRows.pseudonymize(MICRO_TIMESTAMP, micros));
    }

    @Property(tries = 200)
    void atMillisecondPrecisionEveryTimestampTypeGivesOnePseudonym(
            @ForAll @LongRange(min = MIN_MICROS / 1000, max = MAX_MICROS / 1000) long millis,
            @ForAll("offsets") ZoneOffset offset) {
        Instant instant = Instant.ofEpochMilli(millis);

        Object connect = VaultRows.pseudonymize(Timestamp.SCHEMA, java.util.Date.from(instant));

        assertThat(VaultRows.pseudonymize(ZONED_TIMESTAMP, zonedText(instant, offset)))
                .isEqualTo(connect);
        assertThat(VaultRows.pseudonymize(MICRO_TIMESTAMP, millis * 1000L)).isEqualTo(connect);
        assertThat(VaultRows.pseudonymize(MILLI_TIMESTAMP, millis)).isEqualTo(connect);
    }

    @Property(tries = 300)
    void variableScaleDecimalIsPseudonymizedLikeTheConnectDecimal(
            @ForAll("unscaled") BigInteger unscaled, @ForAll @IntRange(min = 0, max = 30) int scale) {
        BigDecimal value = new BigDecimal(unscaled, scale);
        Schema struct = variableScaleDecimal(true);

        Object viaStruct = VaultRows.pseudonymize(struct, variableScaleDecimal(struct, value));

        assertThat(viaStruct).isEqualTo(VaultRows.pseudonymize(Decimal.schema(scale), value));
        // decimal.handling.mode=string sends the same plain notation as text
        assertThat(viaStruct).isEqualTo(VaultRows.pseudonymize(Schema.STRING_SCHEMA, value.toPlainString()));
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers()
                .between(-18 * 3600, 18 * 3600)
                .map(seconds -> ZoneOffset.ofTotalSeconds(seconds / 60 * 60));
    }

    @Provide
    Arbitrary<BigInteger> unscaled() {
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40));
    }

    /** Debezium writes zoned timestamps as ISO offset date-times, {@code Z} for UTC. */
    private static String zonedText(Instant instant, ZoneOffset offset) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
    }
}

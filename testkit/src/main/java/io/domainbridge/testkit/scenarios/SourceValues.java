package io.domainbridge.testkit.scenarios;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Values for the {@code date}, {@code timestamp with time zone} and unconstrained {@code numeric} column every
 * scenario replicates, so that each travels in Debezium's default shapes ({@code io.debezium.time.Date},
 * {@code ZonedTimestamp}, {@code VariableScaleDecimal}): microseconds, offsets other than UTC, negative values and
 * scales up to 15 digits, which the consumer must hold exactly. Debezium drops trailing zeros of a variable-scale
 * decimal (it keeps the value, not the scale), so the checks compare such a column by {@code trim_scale}.
 */
public final class SourceValues {

    private SourceValues() {}

    public static LocalDate day(Random random) {
        return LocalDate.of(1960, 1, 1).plusDays(random.nextInt(36_500));
    }

    public static OffsetDateTime instant(Random random) {
        Instant instant =
                Instant.ofEpochSecond(1_500_000_000L + random.nextInt(400_000_000), random.nextInt(1_000_000) * 1_000L);
        return instant.atOffset(ZoneOffset.ofHoursMinutes(random.nextInt(25) - 12, 0));
    }

    public static BigDecimal anyScale(Random random) {
        return new BigDecimal(BigInteger.valueOf(random.nextLong() % 1_000_000_000_000L), random.nextInt(16));
    }
}

package io.domainbridge.transforms.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-shape reader agrees with {@code java.time} on every text it accepts, and leaves the rest to it. */
class IsoTimestampTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-01T10:15:30.123456Z",
                "2026-03-01T12:15:30.123456+02:00",
                "2026-03-01T05:15:30.123456789-05:00",
                "2026-03-01T10:15:30.123456",
                "2026-03-01T10:15:30Z",
                "2024-02-29T23:59:59.9+18:00",
                "1969-12-31T23:59:59.999Z",
                "0000-01-01T00:00:00-00:00"
            })
    void readsThePlainShapeAsJavaTimeDoes(String text) {
        assertThat(IsoTimestampText.epochMillis(text)).isEqualTo(javaTimeMillis(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-01T10:15:30+01:00[Europe/Amsterdam]",
                "2026-03-01t10:15:30z",
                "2026-03-01T10:15:30.Z",
                "2026-03-01T10:15Z",
                "2026-03-01T10:15:30+0100",
                "2026-03-01T10:15:30+01:00:30",
                "+12026-03-01T10:15:30Z",
                "2023-02-29T10:15:30Z",
                "2026-03-01T24:00:00Z",
                "2026-03-01T10:15:60Z",
                "2026-03-01T10:15:30+18:01",
                "2026-03-01T10:15:30.1234567890Z",
                "last tuesday",
                ""
            })
    void leavesEveryOtherTextToJavaTime(String text) {
        assertThat(IsoTimestampText.epochMillis(text)).isEqualTo(IsoTimestampText.NOT_PLAIN);
    }

    @Test
    void eventTimesStillReadsWhatOnlyJavaTimeAccepts() {
        assertThat(EventTimes.parse("2026-03-01T11:15:30+01:00[Europe/Amsterdam]")
                        .getTime())
                .isEqualTo(javaTimeMillis("2026-03-01T10:15:30Z"));
    }

    @Property(tries = 2000)
    void agreesWithJavaTimeWheneverItAccepts(@ForAll("timestampTexts") String text) {
        long millis = IsoTimestampText.epochMillis(text);
        if (millis != IsoTimestampText.NOT_PLAIN) {
            assertThat(millis).isEqualTo(javaTimeMillis(text));
        }
    }

    @Provide
    Arbitrary<String> timestampTexts() {
        Arbitrary<String> dateTime = Combinators.combine(
                        number(0, 9999, 4),
                        number(0, 13, 2),
                        number(0, 32, 2),
                        number(0, 25, 2),
                        number(0, 61, 2),
                        number(0, 61, 2))
                .as((y, mo, d, h, mi, s) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s);
        Arbitrary<String> fraction = Arbitraries.strings()
                .numeric()
                .ofMaxLength(10)
                .map(digits -> "." + digits)
                .injectNull(0.3)
                .map(f -> f == null ? "" : f);
        Arbitrary<String> offset = Arbitraries.oneOf(
                Arbitraries.of("", "Z", "z", "+01:00[Europe/Amsterdam]", "+0100", "-00:00"),
                Combinators.combine(Arbitraries.of("+", "-"), number(0, 19, 2), number(0, 60, 2))
                        .as((sign, h, m) -> sign + h + ":" + m));
        return Combinators.combine(dateTime, fraction, offset).as((dt, f, o) -> dt + f + o);
    }

    private static Arbitrary<String> number(int min, int max, int width) {
        return Arbitraries.integers().between(min, max).map(n -> String.format("%0" + width + "d", n));
    }

    /** What EventTimes read before the plain-shape reader; Long.MIN_VALUE when java.time rejects the text. */
    private static long javaTimeMillis(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                return Long.MIN_VALUE;
            }
        }
    }
}

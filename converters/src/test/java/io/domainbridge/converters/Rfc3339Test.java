package io.domainbridge.converters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class Rfc3339Test {

    @Property(tries = 2000)
    void formatsLikeIsoInstantAndParsesBack(
            @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long millis) {
        String text = Rfc3339.format(new Date(millis));

        assertThat(text).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis)));
        assertThat(Rfc3339.parse(text).getTime()).isEqualTo(millis);
    }

    @Example
    void acceptsOffsetsAndFinerFractions() {
        assertThat(Rfc3339.parse("2024-02-29T12:30:00.250123+01:00"))
                .isEqualTo(Date.from(
                        OffsetDateTime.parse("2024-02-29T11:30:00.250Z").toInstant()));
        assertThat(Rfc3339.parse("2024-02-29T11:30:00.2Z").getTime() % 1000).isEqualTo(200);
    }

    @Example
    void refusesImpossibleDates() {
        assertThat(Rfc3339.isValid("2024-13-01T00:00:00Z")).isFalse();
        assertThat(Rfc3339.isValid("2023-02-29T00:00:00Z")).isFalse();
        assertThat(Rfc3339.isValid("yesterday")).isFalse();
    }
}

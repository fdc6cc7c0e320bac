package io.domainbridge.converters;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Timestamps as RFC 3339 text, the form of the CloudEvents {@code time} attribute, to millisecond precision. */
public final class Rfc3339 {

    private Rfc3339() {}

    /** UTC with a {@code Z}, and milliseconds only when there are any. */
    public static String format(Date timestamp) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(timestamp.getTime()));
    }

    /** Any offset is accepted; digits beyond the millisecond are dropped, as Connect timestamps hold milliseconds. */
    public static Date parse(String text) {
        return Date.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
    }

    /** Whether text parses as an RFC 3339 timestamp. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

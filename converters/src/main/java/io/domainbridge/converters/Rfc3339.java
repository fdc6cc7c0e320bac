package io.domainbridge.converters;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Timestamps as RFC 3339 text, the form of the CloudEvents {@code time} attribute, to millisecond precision. */
public final class Rfc3339 {

    private static final String CANONICAL = "dddd-dd-ddTdd:dd:dd.ddd";
    private static final long MIN_FAST = -62_135_596_800_000L; // 0001-01-01T00:00:00Z
    private static final long MAX_FAST = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

    private Rfc3339() {}

    /** UTC with a {@code Z}, and milliseconds only when there are any. */
    public static String format(Date timestamp) {
        long millis = timestamp.getTime();
        if (millis < MIN_FAST || millis > MAX_FAST) {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis));
        }
        // every event carries a time: the formatter's generality costs more than the rest of the attributes
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
        int milli = (int) Math.floorMod(millis, 1000L);
        StringBuilder text = new StringBuilder(24);
        pad(text, time.getYear(), 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2);
        if (milli != 0) {
            pad(text.append('.'), milli, 3);
        }
        return text.append('Z').toString();
    }

    /** Any offset is accepted; digits beyond the millisecond are dropped, as Connect timestamps hold milliseconds. */
    public static Date parse(String text) {
        if (isCanonical(text)) {
            LocalDateTime time = LocalDateTime.of(
                    number(text, 0, 4),
                    number(text, 5, 2),
                    number(text, 8, 2),
                    number(text, 11, 2),
                    number(text, 14, 2),
                    number(text, 17, 2));
            int milli = text.length() == 24 ? number(text, 20, 3) : 0;
            return new Date(time.toEpochSecond(ZoneOffset.UTC) * 1000L + milli);
        }
        return Date.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} or {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, the form {@link #format} writes. */
    private static boolean isCanonical(String text) {
        int length = text.length();
        if ((length != 20 && length != 24) || text.charAt(length - 1) != 'Z') {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            char c = text.charAt(i);
            char expected = i < CANONICAL.length() ? CANONICAL.charAt(i) : 'd';
            boolean matches = expected == 'd' ? c >= '0' && c <= '9' : c == expected;
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static StringBuilder pad(StringBuilder text, int value, int digits) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number);
    }

    /** Whether text parses as an RFC 3339 timestamp. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}

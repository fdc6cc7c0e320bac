package io.domainbridge.transforms.envelope;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the plain shape of ISO-8601 timestamp text, {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|+HH:MM|-HH:MM]}, as
 * Debezium and most JSON writers emit it, without a {@code DateTimeFormatter}: its optional sections copy the parsed
 * fields at every step, which made parsing the larger part of an envelope's cost. Text of any other shape, or with a
 * field out of range, is left to the formatter, so what is accepted and how it is read do not change.
 */
final class IsoTimestampText {

    /** Returned when the text is not of the plain shape; then the formatter decides. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    private static final int SECONDS_END = 19;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    private static final int NO_OFFSET = Integer.MIN_VALUE;

    private IsoTimestampText() {}

    /** Epoch milliseconds of the instant (UTC when the text has no offset), or {@link #NOT_PLAIN}. */
    static long epochMillis(String text) {
        if (text.length() < SECONDS_END || !separatorsAt(text)) {
            return NOT_PLAIN;
        }
        int end = fractionEnd(text);
        int offset = end < 0 ? NO_OFFSET : offsetSeconds(text, end);
        int secondOfDay = secondOfDay(text);
        if (offset == NO_OFFSET || secondOfDay < 0) {
            return NOT_PLAIN;
        }
        long epochDay = epochDay(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        if (epochDay == NOT_PLAIN) {
            return NOT_PLAIN;
        }
        return (epochDay * 86_400 + secondOfDay - offset) * 1000 + nanos(text, end) / 1_000_000;
    }

    private static int secondOfDay(String text) {
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        return hour * 3600 + minute * 60 + second;
    }

    private static boolean separatorsAt(String text) {
        return text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':';
    }

    /** The end of the seconds and their fraction, or -1 when a fraction has no digits or too many. */
    private static int fractionEnd(String text) {
        if (text.length() == SECONDS_END || text.charAt(SECONDS_END) != '.') {
            return SECONDS_END;
        }
        int end = SECONDS_END + 1;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        int count = end - SECONDS_END - 1;
        return count == 0 || count > MAX_FRACTION_DIGITS ? -1 : end;
    }

    private static int nanos(String text, int end) {
        int nanos = 0;
        int position = SECONDS_END + 1;
        for (int i = 0; i < MAX_FRACTION_DIGITS; i++, position++) {
            nanos = nanos * 10 + (position < end ? text.charAt(position) - '0' : 0);
        }
        return nanos;
    }

    /** Seconds east of UTC: none, 'Z' or ±HH:MM ending the text; {@link #NO_OFFSET} for anything else. */
    private static int offsetSeconds(String text, int start) {
        int length = text.length() - start;
        if (length == 0 || (length == 1 && text.charAt(start) == 'Z')) {
            return 0;
        }
        char sign = text.charAt(start);
        if (length != 6 || (sign != '+' && sign != '-') || text.charAt(start + 3) != ':') {
            return NO_OFFSET;
        }
        int hours = digits(text, start + 1, start + 3);
        int minutes = digits(text, start + 4, start + 6);
        int seconds = hours * 3600 + minutes * 60;
        if (hours < 0 || minutes < 0 || minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
            return NO_OFFSET;
        }
        return sign == '+' ? seconds : -seconds;
    }

    private static long epochDay(int year, int month, int day) {
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return NOT_PLAIN;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_PLAIN;
        }
    }

    /** The decimal number in {@code [start, end)}, or -1 when a character is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

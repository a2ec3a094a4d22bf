package de.stadtdialog.portal.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes an iCalendar object (RFC 5545) line by line: TEXT values escaped (backslash, semicolon, comma, line
 * breaks), times in UTC, lines folded at 75 octets without splitting a UTF-8 character, CRLF line ends.
 */
final class ICalendar {

    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is already in its iCalendar form (e.g. a date-time or a URI). */
    ICalendar raw(String name, String value) {
        out.append(fold(name + ":" + value)).append(CRLF);
        return this;
    }

    /** A TEXT property; does nothing for an empty value. */
    ICalendar text(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        return raw(name, escape(value));
    }

    /** A DATE-TIME property in UTC; does nothing without a time. */
    ICalendar time(String name, Instant instant) {
        if (instant == null) {
            return this;
        }
        return raw(name, utc(instant));
    }

    ICalendar begin(String component) {
        return raw("BEGIN", component);
    }

    ICalendar end(String component) {
        return raw("END", component);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks; other control characters are dropped. */
    static String escape(String value) {
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder escaped = new StringBuilder(normalised.length() + 16);
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c == '\t' || c >= 0x20 && c != 0x7f) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /**
     * RFC 5545 3.1: a content line longer than 75 octets continues on the next line after CRLF and one space;
     * the space counts towards that line's 75 octets.
     */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 8);
        int octetsInLine = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int length = Character.charCount(codePoint);
            int octets = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octetsInLine + octets > MAX_OCTETS) {
                folded.append(CRLF).append(' ');
                octetsInLine = 1;
            }
            folded.appendCodePoint(codePoint);
            octetsInLine += octets;
            i += length;
        }
        return folded.toString();
    }
}

package de.stadtdialog.council.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal RFC 5545 writer: TEXT values escaped, lines folded at 75 octets without splitting a UTF-8 character,
 * CRLF line ends, times in UTC.
 */
final class ICalendarText {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    ICalendarText begin(String component) {
        return raw("BEGIN", component);
    }

    ICalendarText end(String component) {
        return raw("END", component);
    }

    ICalendarText text(String name, String value) {
        return value == null ? this : raw(name, escape(value));
    }

    ICalendarText time(String name, Instant value) {
        return value == null ? this : raw(name, UTC.format(value));
    }

    ICalendarText raw(String name, String value) {
        fold(name + ":" + value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
            .replace("\r", "\n").replace("\n", "\\n");
    }

    private void fold(String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length();) {
            int codePoint = line.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}

package de.stadtdialog.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Points in time as people in the municipality read them, always in its time zone: "02.12.2026, 18:00 Uhr" in
 * German, "2 Dec 2026, 18:00" in English. One place for it, so every page and mail says the same.
 */
public final class MunicipalTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter GERMAN = DateTimeFormatter
        .ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY).withZone(ZONE);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter
        .ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);

    private MunicipalTime() {
    }

    /** "02.12.2026, 18:00 Uhr"; empty for no time. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : GERMAN.format(instant);
    }

    /** In the page's language: "02.12.2026, 18:00 Uhr" or "2 Dec 2026, 18:00"; empty for no time. */
    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return isEnglish(locale) ? ENGLISH.format(instant) : GERMAN.format(instant);
    }

    /**
     * The last moment to act. A deadline at midnight is the end of the day before, and reads that way:
     * "bis 04.12.2026, 24:00 Uhr", not "bis 05.12.2026, 00:00 Uhr" (which people take for the 5th).
     */
    public static String deadline(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(ZONE);
        if (!local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateTime(instant, locale);
        }
        var dayBefore = local.toLocalDate().minusDays(1);
        return isEnglish(locale) ? ENGLISH_DATE.format(dayBefore) + ", 24:00"
            : GERMAN_DATE.format(dayBefore) + ", 24:00 Uhr";
    }

    /**
     * A point in time as a form sends it: local ("2027-03-01T09:00", read in the municipality's time zone), with
     * offset or zone, or already a {@link Date}.
     *
     * @throws InputRejectedException naming the field, when the value is missing or no point in time
     */
    public static Instant fromForm(Object value, String field) {
        return fromForm(value, field, "Bitte geben Sie Datum und Uhrzeit an.");
    }

    /** As {@link #fromForm(Object, String)}, with the message for a missing value. */
    public static Instant fromForm(Object value, String field, String whenMissing) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            throw new InputRejectedException(field, whenMissing);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return ZonedDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notZoned) {
                try {
                    return LocalDateTime.parse(text).atZone(ZONE).toInstant();
                } catch (DateTimeParseException notLocal) {
                    throw new InputRejectedException(field, "„" + text + "“ ist kein gültiger Zeitpunkt.");
                }
            }
        }
    }

    /** For {@code <time datetime>} and machine-readable output: ISO 8601 with the offset of that moment. */
    public static String iso(Instant instant) {
        return instant == null ? "" : MACHINE.format(instant);
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}

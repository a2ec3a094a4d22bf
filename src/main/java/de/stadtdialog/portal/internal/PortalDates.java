package de.stadtdialog.portal.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Times on the public pages, always in the municipality's time zone: "23.07.2023, 23:59 Uhr" in German,
 * "23 Jul 2023, 23:59" in English. Templates call it as {@code @portalDates}.
 */
@Component("portalDates")
public class PortalDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter GERMAN = DateTimeFormatter
        .ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY).withZone(ZONE);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter
        .ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);

    public String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return "en".equals(locale == null ? null : locale.getLanguage()) ? ENGLISH.format(instant)
            : GERMAN.format(instant);
    }

    /** For {@code <time datetime>} and the JSON feed: ISO 8601 with the Berlin offset of that moment. */
    public String iso(Instant instant) {
        return instant == null ? null : MACHINE.format(instant);
    }
}

package de.stadtdialog.portal.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

import de.stadtdialog.shared.MunicipalTime;

/**
 * Times on the public pages, always in the municipality's time zone: "23.07.2023, 23:59 Uhr" in German,
 * "23 Jul 2023, 23:59" in English. Templates call it as {@code @portalDates}.
 */
@Component("portalDates")
public class PortalDates {

    public static final ZoneId ZONE = MunicipalTime.ZONE;

    public String dateTime(Instant instant, Locale locale) {
        return MunicipalTime.dateTime(instant, locale);
    }

    /** The last moment to act: a deadline at midnight reads "bis 04.12.2026, 24:00 Uhr". */
    public String deadline(Instant instant, Locale locale) {
        return MunicipalTime.deadline(instant, locale);
    }

    /** For {@code <time datetime>} and the JSON feed: ISO 8601 with the Berlin offset of that moment. */
    public String iso(Instant instant) {
        return instant == null ? null : MunicipalTime.iso(instant);
    }
}

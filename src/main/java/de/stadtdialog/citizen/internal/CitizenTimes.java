package de.stadtdialog.citizen.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import de.stadtdialog.shared.MunicipalTime;

/** Times as citizens read them: Europe/Berlin, "02.12.2026, 18:00 Uhr". */
public final class CitizenTimes {

    public static final ZoneId ZONE = MunicipalTime.ZONE;


    private CitizenTimes() {
    }

    public static String format(Instant instant) {
        return MunicipalTime.dateTime(instant);
    }

    /** Rounded up to the next full minute: "try again from 14:35" must not be a moment too early. */
    public static String formatNotBefore(Instant instant) {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        return format(minute.equals(instant) ? minute : minute.plus(Duration.ofMinutes(1)));
    }

    /**
     * A configured period for notices, in the page's language: "2 Tage" (German accusative, "gilt 2 Tage"), or
     * with {@code dative} "2 Tagen" ("nach 2 Tagen", "innerhalb von 2 Tagen"); "2 days" in English.
     */
    public static String period(Duration duration, Locale locale, boolean dative) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        long amount;
        String[] unit;
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            amount = duration.toDays();
            unit = english ? new String[] {"day", "days", "days"} : new String[] {"Tag", "Tage", "Tagen"};
        } else if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            amount = duration.toHours();
            unit = english ? new String[] {"hour", "hours", "hours"} : new String[] {"Stunde", "Stunden", "Stunden"};
        } else {
            amount = Math.max(1, duration.toMinutes());
            unit = english ? new String[] {"minute", "minutes", "minutes"}
                : new String[] {"Minute", "Minuten", "Minuten"};
        }
        return amount + " " + (amount == 1 ? unit[0] : dative ? unit[2] : unit[1]);
    }
}

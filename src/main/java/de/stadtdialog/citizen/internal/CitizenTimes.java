package de.stadtdialog.citizen.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Times as citizens read them: Europe/Berlin, "02.12.2026, 18:00 Uhr". */
public final class CitizenTimes {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
        .ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY).withZone(ZONE);

    private CitizenTimes() {
    }

    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** Rounded up to the next full minute: "try again from 14:35" must not be a moment too early. */
    public static String formatNotBefore(Instant instant) {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        return format(minute.equals(instant) ? minute : minute.plus(Duration.ofMinutes(1)));
    }

    /** "2 Tage", "48 Stunden", "1 Stunde", "30 Minuten" — for notices that name a configured period. */
    public static String german(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() == 1 ? "1 Tag" : duration.toDays() + " Tage";
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() == 1 ? "1 Stunde" : duration.toHours() + " Stunden";
        }
        long minutes = Math.max(1, duration.toMinutes());
        return minutes == 1 ? "1 Minute" : minutes + " Minuten";
    }
}

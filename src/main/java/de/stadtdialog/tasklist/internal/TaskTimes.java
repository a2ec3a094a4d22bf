package de.stadtdialog.tasklist.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/** Points in time as people in the municipality read them: "02.12.2026, 18:00 Uhr", Europe/Berlin. */
final class TaskTimes {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
        .ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY).withZone(ZONE);

    private TaskTimes() {
    }

    static String format(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

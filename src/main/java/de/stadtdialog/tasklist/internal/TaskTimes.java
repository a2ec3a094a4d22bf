package de.stadtdialog.tasklist.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import de.stadtdialog.shared.MunicipalTime;

/** Points in time as people in the municipality read them: "02.12.2026, 18:00 Uhr", Europe/Berlin. */
final class TaskTimes {

    static final ZoneId ZONE = MunicipalTime.ZONE;


    private TaskTimes() {
    }

    static String format(Instant instant) {
        return instant == null ? null : MunicipalTime.dateTime(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

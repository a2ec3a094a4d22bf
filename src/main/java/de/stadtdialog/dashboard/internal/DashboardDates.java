package de.stadtdialog.dashboard.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Times as people in the municipality read them (Europe/Berlin); templates call it as {@code @dashboardDates}. */
@Component("dashboardDates")
public class DashboardDates {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
        .ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY).withZone(ZONE);
    /** Excel recognises this shape as a date-time in German settings. */
    private static final DateTimeFormatter SPREADSHEET = DateTimeFormatter
        .ofPattern("dd.MM.yyyy HH:mm", Locale.GERMANY).withZone(ZONE);
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);

    /** "02.12.2026, 18:00 Uhr"; empty for no time. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public String machine(Instant instant) {
        return instant == null ? "" : MACHINE.format(instant);
    }

    String spreadsheet(Instant instant) {
        return instant == null ? "" : SPREADSHEET.format(instant);
    }
}

package de.stadtdialog.dashboard.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import de.stadtdialog.shared.MunicipalTime;

/** Times as people in the municipality read them (Europe/Berlin); templates call it as {@code @dashboardDates}. */
@Component("dashboardDates")
public class DashboardDates {

    static final ZoneId ZONE = MunicipalTime.ZONE;

    /** Excel recognises this shape as a date-time in German settings. */
    private static final DateTimeFormatter SPREADSHEET = DateTimeFormatter
        .ofPattern("dd.MM.yyyy HH:mm", Locale.GERMANY).withZone(ZONE);

    /** "02.12.2026, 18:00 Uhr"; empty for no time. */
    public String dateTime(Instant instant) {
        return MunicipalTime.dateTime(instant);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public String machine(Instant instant) {
        return MunicipalTime.iso(instant);
    }

    String spreadsheet(Instant instant) {
        return instant == null ? "" : SPREADSHEET.format(instant);
    }
}

package de.stadtdialog.commenting;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.MunicipalTime;

/** Dates of a commenting phase: periods as ISO-8601, shown in Europe/Berlin like "02.12.2026, 18:00 Uhr". */
public final class CommentingTimes {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private CommentingTimes() {
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    /** What a datetime field shows: local time without zone, e.g. "2027-03-01T09:00". */
    public static String localInput(Instant instant) {
        return instant == null ? null : LOCAL_INPUT.format(instant.atZone(ZONE));
    }

    /**
     * Adds an ISO-8601 period ("P21D", days follow the calendar, so a period across the switch to summer time
     * still ends at the same wall-clock time) or duration ("PT48H") to a point in time.
     */
    public static Instant plus(Instant start, String iso, String field) {
        String value = iso == null ? "" : iso.trim().toUpperCase();
        try {
            if (value.contains("T")) {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new DateTimeParseException("not positive", value, 0);
                }
                return start.plus(duration);
            }
            Period period = Period.parse(value);
            if (period.isNegative() || period.isZero()) {
                throw new DateTimeParseException("not positive", value, 0);
            }
            return start.atZone(ZONE).plus(period).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(field, "„" + iso + "“ ist keine gültige Frist. Beispiele: P21D (21 Tage), "
                + "P4W (4 Wochen), PT48H (48 Stunden).");
        }
    }

    /** Date-times from forms come as local ("2027-03-01T09:00"), with offset, or as a Date. */
    public static Instant parse(Object value, String field) {
        return MunicipalTime.fromForm(value, field);
    }
}

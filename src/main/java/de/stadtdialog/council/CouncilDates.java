package de.stadtdialog.council;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import de.stadtdialog.shared.InputRejectedException;

/** Time rules of council business: the invitation notice period in full days and how dates are shown. */
public final class CouncilDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
        .ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY).withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY)
        .withZone(ZONE);

    private CouncilDates() {
    }

    /** Full days of an ISO-8601 notice period such as {@code P4D} or {@code P1W}; hours and months are refused. */
    public static int noticeDays(String iso) {
        String value = iso == null || iso.isBlank() ? CouncilDecisionProcess.DEFAULT_NOTICE_PERIOD : iso.trim();
        try {
            Period period = Period.parse(value);
            if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 0 || period.getDays() > 365) {
                throw new InputRejectedException(CouncilDecisionProcess.VAR_NOTICE_PERIOD,
                    "Die Ladungsfrist bitte in Tagen oder Wochen angeben (0 bis 365 Tage), z. B. P4D.");
            }
            return period.getDays();
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(CouncilDecisionProcess.VAR_NOTICE_PERIOD,
                "„" + value + "“ ist keine Ladungsfrist im ISO-8601-Format (z. B. P4D für vier volle Tage).");
        }
    }

    /**
     * The moment by which the invitation must have gone out: neither the day of sending nor the day of the meeting
     * counts, so for a Wednesday meeting and four full days the invitation must leave by Friday 24:00.
     */
    public static Instant invitationDeadline(Instant meetingStart, int fullDays) {
        return meetingStart.atZone(ZONE).toLocalDate().minusDays(fullDays).atStartOfDay(ZONE).toInstant();
    }

    /** "02.12.2026, 18:00 Uhr" in Europe/Berlin. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public static Instant berlin(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }
}

package de.stadtdialog.sessioncycle;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.MunicipalTime;

/**
 * The notice period of a session as an ISO-8601 period of full days (default {@code P4D}, mirroring § 34 GemO
 * RLP): between the day the invitation goes out and the day of the session lie at least that many full days.
 * Neither the day of sending nor the day of the session counts.
 */
public record NoticePeriod(int fullDays) {

    public static final String DEFAULT = "P4D";
    public static final ZoneId ZONE = MunicipalTime.ZONE;

    public NoticePeriod {
        if (fullDays < 0 || fullDays > 365) {
            throw new InputRejectedException("noticePeriod", "Die Ladungsfrist muss zwischen 0 und 365 Tagen liegen.");
        }
    }

    /** Parses {@code P4D}, {@code P1W} and the like; hours or minutes are not full days and are refused. */
    public static NoticePeriod parse(String iso) {
        String value = iso == null || iso.isBlank() ? DEFAULT : iso.trim();
        try {
            Period period = Period.parse(value);
            if (period.getYears() != 0 || period.getMonths() != 0) {
                throw new InputRejectedException("noticePeriod",
                    "Die Ladungsfrist bitte in Tagen oder Wochen angeben, z. B. P4D.");
            }
            return new NoticePeriod(period.getDays());
        } catch (DateTimeParseException e) {
            throw new InputRejectedException("noticePeriod",
                "„" + value + "“ ist keine Ladungsfrist im ISO-8601-Format (z. B. P4D für vier volle Tage).");
        }
    }

    /**
     * The moment by which the invitation must have gone out: the start of the day that lies {@code fullDays}
     * days before the session's day. A session on Wednesday with P4D: invitations until Friday 24:00.
     */
    public Instant invitationDeadline(Instant sessionStart) {
        return sessionStart.atZone(ZONE).toLocalDate().minusDays(fullDays).atStartOfDay(ZONE).toInstant();
    }

    /** Minutes are due two weeks after the session. */
    public static Instant minutesDue(Instant sessionStart) {
        return sessionStart.plus(java.time.Duration.ofDays(14));
    }

    /** "02.12.2026, 18:00 Uhr" in Europe/Berlin, as people in the municipality read it. */
    public static String format(Instant instant) {
        return MunicipalTime.dateTime(instant);
    }

    public String iso() {
        return "P" + fullDays + "D";
    }
}

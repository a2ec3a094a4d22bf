package de.stadtdialog.membercall;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Dates as people in the municipality read them: "02.12.2026, 18:00 Uhr" (Europe/Berlin). */
public final class MemberCallTexts {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'")
        .withZone(MemberCallService.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy")
        .withZone(MemberCallService.ZONE);

    private MemberCallTexts() {
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}

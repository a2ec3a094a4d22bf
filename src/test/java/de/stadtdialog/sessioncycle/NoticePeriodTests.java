package de.stadtdialog.sessioncycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.stadtdialog.shared.InputRejectedException;

/** The notice-period rule (§ 34 GemO RLP style: full days between sending and session, in Europe/Berlin). */
class NoticePeriodTests {

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NoticePeriod.ZONE).toInstant();
    }

    @Test
    void wednesdayEveningSessionWithFourDaysNeedsTheInvitationOutBeforeSaturday() {
        Instant wednesday18 = berlin("2026-12-02T18:00");

        Instant deadline = NoticePeriod.parse("P4D").invitationDeadline(wednesday18);

        // Saturday, Sunday, Monday, Tuesday are the four full days; Friday 24:00 is the last moment to send
        assertThat(deadline).isEqualTo(berlin("2026-11-28T00:00"));
        assertThat(deadline.atZone(NoticePeriod.ZONE).getDayOfWeek()).hasToString("SATURDAY");
    }

    @Test
    void deadlineIsMidnightInBerlinAcrossTheSpringDaylightSavingChange() {
        // clocks go forward on Sunday 29 March 2026: Saturday midnight before it is winter time (+01:00) …
        assertThat(NoticePeriod.parse("P4D").invitationDeadline(berlin("2026-04-01T18:00")))
            .isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
        // … Saturday midnight after it summer time (+02:00)
        assertThat(NoticePeriod.parse("P4D").invitationDeadline(berlin("2026-04-08T18:00")))
            .isEqualTo(Instant.parse("2026-04-03T22:00:00Z"));
        // and the change day itself counts as one full day although it has 23 hours
        assertThat(NoticePeriod.parse("P1D").invitationDeadline(berlin("2026-03-30T10:00")))
            .isEqualTo(berlin("2026-03-29T00:00"));
    }

    @Test
    void deadlineIsMidnightInBerlinAcrossTheAutumnDaylightSavingChange() {
        // clocks go back on Sunday 25 October 2026; a Thursday session's deadline is Sunday midnight, summer time
        Instant deadline = NoticePeriod.parse("P4D").invitationDeadline(berlin("2026-10-29T09:30"));

        assertThat(deadline).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        // and a Wednesday session one week later: deadline after the change, winter time
        assertThat(NoticePeriod.parse("P4D").invitationDeadline(berlin("2026-11-04T18:00")))
            .isEqualTo(Instant.parse("2026-10-30T23:00:00Z"));
    }

    @Test
    void zeroDaysMeansInvitationsUntilTheStartOfTheSessionDay() {
        assertThat(NoticePeriod.parse("P0D").invitationDeadline(berlin("2026-12-02T18:00")))
            .isEqualTo(berlin("2026-12-02T00:00"));
    }

    @Test
    void longerPeriodMovesTheDeadlineBackByWholeDays() {
        assertThat(NoticePeriod.parse("P7D").invitationDeadline(berlin("2026-12-02T18:00")))
            .isEqualTo(berlin("2026-11-25T00:00"));
        assertThat(NoticePeriod.parse("P1W")).isEqualTo(new NoticePeriod(7));
        assertThat(NoticePeriod.parse("P1W").iso()).isEqualTo("P7D");
    }

    @Test
    void missingPeriodIsTheStatutoryDefault() {
        assertThat(NoticePeriod.parse(null).iso()).isEqualTo(NoticePeriod.DEFAULT);
        assertThat(NoticePeriod.parse("  ").iso()).isEqualTo("P4D");
        assertThat(NoticePeriod.parse(" P4D ").fullDays()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        4 Tage | „4 Tage“ ist keine Ladungsfrist im ISO-8601-Format (z. B. P4D für vier volle Tage).
        PT4H   | „PT4H“ ist keine Ladungsfrist im ISO-8601-Format (z. B. P4D für vier volle Tage).
        P1M    | Die Ladungsfrist bitte in Tagen oder Wochen angeben, z. B. P4D.
        P1Y    | Die Ladungsfrist bitte in Tagen oder Wochen angeben, z. B. P4D.
        P-1D   | Die Ladungsfrist muss zwischen 0 und 365 Tagen liegen.
        P366D  | Die Ladungsfrist muss zwischen 0 und 365 Tagen liegen.
        """)
    void invalidPeriodsAreRefusedWithAGermanMessage(String input, String message) {
        InputRejectedException rejected = catchThrowableOfType(InputRejectedException.class,
            () -> NoticePeriod.parse(input));

        assertThat(rejected).as("refused: %s", input).isNotNull();
        assertThat(rejected.field()).isEqualTo("noticePeriod");
        assertThat(rejected.getMessage()).isEqualTo(message);
    }

    @Test
    void formatsAsPeopleInTheMunicipalityReadIt() {
        assertThat(NoticePeriod.format(berlin("2026-12-02T18:00"))).isEqualTo("02.12.2026, 18:00 Uhr");
        assertThat(NoticePeriod.format(Instant.parse("2026-07-01T16:05:00Z"))).isEqualTo("01.07.2026, 18:05 Uhr");
    }

    @Test
    void minutesAreDueTwoWeeksAfterTheSession() {
        assertThat(NoticePeriod.minutesDue(berlin("2026-12-02T18:00"))).isEqualTo(berlin("2026-12-16T18:00"));
    }
}

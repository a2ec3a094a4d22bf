package de.stadtdialog.sessioncycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;
import de.stadtdialog.shared.InputRejectedException;

/** A composed procedure prepares each of its working group's sessions before calling the session cycle. */
@StadtdialogSpringTest
class SessionCyclePreparationTests {

    @Autowired
    SessionCycleService service;
    @Autowired
    PublicSessionRepository sessions;
    @Autowired
    ProcedureService procedures;

    @Test
    void severalSessionsPerProcedure_eachPreparedOnce_withTheCallActivitysVariables() {
        Procedure composed = procedures.create("kaiserslautern", "Leitlinien (Sitzungen vorbereiten)",
            "TEST_COMPOSED", "TestComposedProcedure");
        Instant first = inDays(30);
        Instant second = inDays(60);

        Map<String, Object> prepared = service.prepareFor(composed.getId(), plan("1. Sitzung", first));
        Map<String, Object> again = service.prepareFor(composed.getId(), plan("1. Sitzung (Wiederholung)", first));
        service.prepareFor(composed.getId(), plan("2. Sitzung", second));

        assertThat(again).as("repeated after a crash: the same session").isEqualTo(prepared);
        assertThat(prepared).containsEntry(SessionCycleProcess.VAR_SESSION_STARTS_AT, Date.from(first))
            .containsEntry(SessionCycleProcess.VAR_NOTICE_PERIOD, "P4D")
            .containsEntry(SessionCycleProcess.VAR_INVITATION_DEADLINE,
                Date.from(NoticePeriod.parse("P4D").invitationDeadline(first)));
        assertThat(sessions.findByProcedureIdOrderByStartsAt(composed.getId())).extracting(PublicSession::getTitle)
            .containsExactly("1. Sitzung", "2. Sitzung");
    }

    @Test
    void aSessionTooSoonForTheNoticePeriod_isRefusedNextToTheDate_andNothingIsPlanned() {
        Procedure composed = procedures.create("kaiserslautern", "Leitlinien (zu kurzfristig)", "TEST_COMPOSED",
            "TestComposedProcedure");

        InputRejectedException refused = InputRejectedException.in(catchThrowable(
            () -> service.prepareFor(composed.getId(), plan("Morgen", inDays(1)))));

        assertThat(refused.field()).isEqualTo("startsAt");
        assertThat(refused.getMessage()).startsWith("Zu kurzfristig");
        assertThat(sessions.findByProcedureIdOrderByStartsAt(composed.getId())).isEmpty();
    }

    private static PlanSession plan(String title, Instant startsAt) {
        return new PlanSession("kaiserslautern", "Arbeitskreis Leitlinien", title, startsAt, "Rathaus", "P4D",
            "mitglied@example.org");
    }

    private static Instant inDays(int days) {
        return LocalDate.now(NoticePeriod.ZONE).plusDays(days).atTime(LocalTime.of(18, 0)).atZone(NoticePeriod.ZONE)
            .toInstant();
    }
}

package de.stadtdialog.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.council.MotionRepository;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;

/** The demo's guidelines procedure stands where the real one stands today: the two-year evaluation is due. */
@StadtdialogSpringTest
class GuidelinesDemoDataTests {

    @Autowired
    GuidelinesProcedureRepository guidelines;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    PublicSessionRepository sessions;
    @Autowired
    MemberCallService calls;
    @Autowired
    CommentingService commenting;
    @Autowired
    MotionRepository motions;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theKaiserslauternCase_withItsRealDates_waitsForItsEvaluation_withEveryEarlierPartInPlace() {
        GuidelinesProcedure row = guidelines.findAll().stream()
            .filter(g -> g.getTitle().startsWith("Leitlinien für Bürgerbeteiligung Kaiserslautern")).findFirst()
            .orElseThrow(() -> new AssertionError("demo guidelines procedure missing: see the start-up log"));
        Procedure procedure = procedures.findById(row.getProcedureId()).orElseThrow();

        assertThat(row.getMandateDate()).isEqualTo(LocalDate.of(2022, 5, 16));
        assertThat(procedure.getBusinessKey()).startsWith("2023-");
        assertThat(calls.callOfProcedure(procedure.getId()).orElseThrow().getDeadline().atZone(ZoneId.of(
            "Europe/Berlin")).toLocalDate()).isEqualTo(LocalDate.of(2023, 7, 23));
        assertThat(calls.callOfProcedure(procedure.getId()).orElseThrow().getResultMethod()).isEqualTo("lottery");
        assertThat(sessions.findByProcedureIdOrderByStartsAt(procedure.getId())).hasSize(4)
            .allMatch(PublicSession::isMinutesPublished);
        assertThat(commenting.draftOf(procedure).getReportPublishedAt()).isNotNull();
        assertThat(motions.findFirstByProcedureIdOrderByIdDesc(procedure.getId()).orElseThrow().getDecidedAt()
            .atZone(ZoneId.of("Europe/Berlin")).toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 22));
        assertThat(row.getAdoptedPublishedAt()).isNotNull();

        assertThat(jdbc.queryForList("select body from outbox_mail where subject = ? and recipient = ?",
            String.class, "Rückmeldung: Beschluss zu „Leitlinien für Bürgerbeteiligung der Stadt Kaiserslautern“",
            "buerger@stadtdialog.example")).as("one mail for the demo citizen's application and comments")
            .singleElement().asString().contains("Bewerbung", "Jugendparlament");
        assertThat(procedure.getPhase()).contains("Beteiligung auswerten");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .taskDefinitionKey(CouncilDecisionProcess.TASK_EVALUATE).count()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .list()).as("the guidelines process and its council decision, nothing else")
            .extracting(instance -> instance.getProcessDefinitionId().split(":")[0])
            .containsExactlyInAnyOrder(GuidelinesProcess.PROCESS_ID, CouncilDecisionProcess.PROCESS_ID);
    }
}

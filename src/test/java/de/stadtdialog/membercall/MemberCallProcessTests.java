package de.stadtdialog.membercall;

import static de.stadtdialog.membercall.MemberCallProcess.*;
import static de.stadtdialog.membercall.MemberCallScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import de.stadtdialog.MeasureFlowNodeCoverage;
import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.lottery.LotteryService;
import de.stadtdialog.lottery.VerificationReport;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The call-for-members process, one test per path: effects first (rows, mails, the procedure's read model), then
 * where the process stands. The engine clock is fixed so dates in assertions are readable.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(PROCESS_ID)
@Tag("database")
class MemberCallProcessTests {

    /** Monday 1 March 2027, 09:00 in Berlin. */
    private static final Instant NOW = berlin("2027-03-01T09:00");
    private static final String DEADLINE = "2027-03-31T18:00";
    private static final String TERM_ENDS = "2029-03-31T00:00";
    private static final String GENDER_QUOTAS = "Geschlecht; weiblich; 1; 2\nGeschlecht; männlich; 1; 2";
    private static final Map<String, String> FEMALE = Map.of("Geschlecht", "weiblich");
    private static final Map<String, String> MALE = Map.of("Geschlecht", "männlich");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MemberCallService service;
    @Autowired
    LotteryService lotteryService;
    @Autowired
    LotteryRunRepository runs;

    private MemberCallScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new MemberCallScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void undersubscribed_allEligibleAdmitted_notified_andDataDeletedOnSchedule() {
        Procedure procedure = scenario.create();
        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_EDIT_CALL);
        BpmnAwareTests.assertThat(task(TASK_EDIT_CALL, instance)).hasCandidateGroup("officer");
        assertThat(taskService.getVariableLocal(task(TASK_EDIT_CALL, instance).getId(), "minimumAge"))
            .as("the parameter's default").isEqualTo(14);

        scenario.submit(procedure, TASK_EDIT_CALL, "officer", scenario.details(3, null, DEADLINE, TERM_ENDS));

        MemberCall described = scenario.call(procedure);
        assertThat(described.getCitizenSeats()).isEqualTo(3);
        assertThat(described.getDeadline()).isEqualTo(berlin(DEADLINE));
        assertThat(described.nominatedSeatsByGroup()).containsEntry("Stadtratsfraktionen", 2)
            .containsEntry("Verwaltung", 1);
        assertThat(described.getPublishedAt()).isNull();
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_APPROVE_CALL);
        BpmnAwareTests.assertThat(task(TASK_APPROVE_CALL, instance)).hasCandidateGroup("coordination");

        scenario.submit(procedure, TASK_APPROVE_CALL, "coordination",
            Map.of(VAR_APPROVAL_DECISION, DECISION_APPROVE));

        assertThat(scenario.call(procedure).getApprovedBy()).isEqualTo("coordination");
        assertThat(scenario.call(procedure).getPublishedAt()).as("published by the job").isNull();
        BpmnAwareTests.assertThat(job(TASK_PUBLISH_CALL, instance)).hasRetries(3);

        scenario.executeJob(procedure, TASK_PUBLISH_CALL);

        assertThat(scenario.call(procedure).getPublishedAt()).isEqualTo(NOW);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(GATEWAY_AWAIT_DEADLINE);
        BpmnAwareTests.assertThat(job(TIMER_APPLICATION_DEADLINE, instance)).hasDueDate(Date.from(berlin(DEADLINE)));
        assertThat(scenario.reload(procedure).getNextDeadline()).isEqualTo(berlin(DEADLINE));

        MemberApplication anna = scenario.apply(procedure, "anna", 1990, Map.of());
        MemberApplication ben = scenario.apply(procedure, "ben", 2005, Map.of());
        assertThat(anna.getCode()).matches("B-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(anna.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);

        ClockUtil.setCurrentTime(Date.from(berlin(DEADLINE).plusSeconds(60)));
        assertThat(catchThrowable(() -> scenario.apply(procedure, "late", 1990, Map.of())))
            .isInstanceOf(InputRejectedException.class).hasMessageContaining("Bewerbungsfrist ist abgelaufen");
        scenario.executeJob(procedure, TIMER_APPLICATION_DEADLINE);

        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_CHECK_ELIGIBILITY);
        String overview = (String) taskService.getVariableLocal(task(TASK_CHECK_ELIGIBILITY, instance).getId(),
            "applicationsOverview");
        assertThat(overview).contains(anna.getCode(), "anna " + scenario.token, ben.getCode());

        scenario.submit(procedure, TASK_CHECK_ELIGIBILITY, "officer", new HashMap<>());
        scenario.submit(procedure, TASK_RECORD_NOMINATIONS, "officer",
            Map.of("nominations", "Stadtratsfraktionen: Frau Klein\nVerwaltung: Frau Weber"));

        assertThat(service.nominations(scenario.call(procedure).getId())).extracting(Nomination::getName)
            .containsExactly("Frau Klein", "Frau Weber");
        assertThat(scenario.application(anna.getId()).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(scenario.application(ben.getId()).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(scenario.call(procedure).getResultMethod()).isEqualTo("all");
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_ADMIT_ALL).hasNotPassed(TASK_COMPUTE_LOTTERY)
            .isWaitingAtExactly(TASK_NOTIFY_APPLICANTS);

        scenario.executeJob(procedure, TASK_NOTIFY_APPLICANTS);

        assertThat(mailsTo(scenario.email("anna"))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Ergebnis: " + scenario.title());
            assertThat(mail.body()).contains("ausgewählt", anna.getCode());
        });
        Instant resultAt = berlin(DEADLINE).plusSeconds(60);
        BpmnAwareTests.assertThat(instance).hasPassed(EVENT_MEMBERS_SELECTED)
            .isWaitingAt(TIMER_APPLICANT_RETENTION_ENDS, GATEWAY_AWAIT_MEMBER_CHANGE);
        BpmnAwareTests.assertThat(job(TIMER_APPLICANT_RETENTION_ENDS, instance))
            .hasDueDate(Date.from(resultAt.atZone(MemberCallService.ZONE).plusMonths(3).toInstant()));

        String annasName = scenario.application(anna.getId()).getName();
        assertThat(historicTexts(instance)).as("the eligibility form showed the applicants")
            .anyMatch(text -> text.contains(annasName));

        scenario.executeJob(procedure, TIMER_APPLICANT_RETENTION_ENDS);

        assertThat(historicTexts(instance)).as("the engine's history forgets the form's copy of applicant data")
            .noneMatch(text -> text.contains(annasName));
        assertThat(scenario.applications(procedure)).as("members stay until the term ends").hasSize(2);
        assertThat(scenario.call(procedure).getApplicantDataDeletedAt()).isNotNull();

        Instant termEnds = berlin(TERM_ENDS);
        BpmnAwareTests.assertThat(job(TIMER_TERM_ENDS, instance)).hasDueDate(Date.from(termEnds));
        ClockUtil.setCurrentTime(Date.from(termEnds.plusSeconds(1)));
        scenario.executeJob(procedure, TIMER_TERM_ENDS);
        BpmnAwareTests.assertThat(job(TIMER_MEMBER_RETENTION_ENDS, instance))
            .hasDueDate(Date.from(termEnds.atZone(MemberCallService.ZONE).plusMonths(3).toInstant()));
        scenario.executeJob(procedure, TIMER_MEMBER_RETENTION_ENDS);

        Long callId = scenario.call(procedure).getId();
        assertThat(rows("member_application", callId)).isZero();
        assertThat(rows("member_nomination", callId)).isZero();
        assertThat(historicTexts(instance)).as("nor the nominees' names")
            .noneMatch(text -> text.contains("Frau Klein"));
        assertThat(scenario.call(procedure).getMemberDataDeletedAt()).isNotNull();
        assertThat(scenario.reload(procedure).getStatus()).isEqualTo(ProcedureStatus.COMPLETED);
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_DELETE_APPLICANT_DATA, TASK_DELETE_MEMBER_DATA,
            END_DATA_DELETED).isEnded();
    }

    @Test
    void fourEyes_theEditorCannotApprove_andARefusalGoesBackWithItsReason() {
        Procedure procedure = scenario.create();
        ProcessInstance instance = scenario.instance(procedure);
        scenario.submit(procedure, TASK_EDIT_CALL, "officer", scenario.details(3, null, DEADLINE, TERM_ENDS));

        InputRejectedException own = rejection(() -> scenario.submit(procedure, TASK_APPROVE_CALL, "officer",
            Map.of(VAR_APPROVAL_DECISION, DECISION_APPROVE)));
        assertThat(own.getMessage()).startsWith("Vier-Augen-Prinzip");
        assertThat(scenario.call(procedure).getApprovedBy()).isNull();

        InputRejectedException noReason = rejection(() -> scenario.submit(procedure, TASK_APPROVE_CALL,
            "coordination", Map.of(VAR_APPROVAL_DECISION, DECISION_REFUSE)));
        assertThat(noReason.field()).isEqualTo("approvalComment");

        scenario.submit(procedure, TASK_APPROVE_CALL, "coordination", Map.of(VAR_APPROVAL_DECISION, DECISION_REFUSE,
            "approvalComment", "Die Leichte Sprache bitte noch einfacher."));

        assertThat(scenario.call(procedure).getPublishedAt()).isNull();
        BpmnAwareTests.assertThat(instance).hasPassed(GATEWAY_CALL_APPROVED).isWaitingAtExactly(TASK_EDIT_CALL);
        assertThat(taskService.getVariableLocal(task(TASK_EDIT_CALL, instance).getId(), "refusalReason"))
            .isEqualTo("coordination: Die Leichte Sprache bitte noch einfacher.");
        assertThat(taskService.getVariableLocal(task(TASK_EDIT_CALL, instance).getId(), "citizenSeats"))
            .as("the earlier values come back").isEqualTo(3);

        Map<String, Object> past = scenario.details(3, null, "2027-02-01T18:00", TERM_ENDS);
        InputRejectedException pastDeadline = rejection(() -> scenario.submit(procedure, TASK_EDIT_CALL, "officer",
            past));
        assertThat(pastDeadline.field()).isEqualTo("deadline");
        Map<String, Object> badQuotas = scenario.details(3, "Geschlecht; weiblich; 4; 5", DEADLINE, TERM_ENDS);
        assertThat(rejection(() -> scenario.submit(procedure, TASK_EDIT_CALL, "officer", badQuotas)).getMessage())
            .isEqualTo("Kategorie „Geschlecht“: Die Minima ergeben 4 Sitze, es gibt aber nur 3.");

        scenario.submit(procedure, TASK_EDIT_CALL, "officer", scenario.details(3, null, DEADLINE, TERM_ENDS));
        scenario.submit(procedure, TASK_APPROVE_CALL, "coordination", Map.of(VAR_APPROVAL_DECISION, DECISION_APPROVE));
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_PUBLISH_CALL);
    }

    @Test
    void deadlineExtended_isLoggedPublicly_andTheTimerFollowsTheNewDate() {
        Procedure procedure = scenario.publish(3, null, DEADLINE, TERM_ENDS);
        ProcessInstance instance = scenario.instance(procedure);
        Long callId = scenario.call(procedure).getId();
        Instant newDeadline = berlin("2027-04-15T18:00");

        InputRejectedException earlier = rejection(() -> service.extendDeadline(callId,
            berlin("2027-03-20T18:00"), "Zu wenige Bewerbungen", "officer"));
        assertThat(earlier.field()).isEqualTo("newDeadline");

        service.extendDeadline(callId, newDeadline, "Zu wenige Bewerbungen", "officer");

        MemberCall call = scenario.call(procedure);
        assertThat(call.getDeadline()).isEqualTo(newDeadline);
        assertThat(call.deadlineLogLines()).containsExactly("01.03.2027, 09:00 Uhr: Frist verlängert von "
            + "31.03.2027, 18:00 Uhr bis 15.04.2027, 18:00 Uhr – Zu wenige Bewerbungen");
        BpmnAwareTests.assertThat(instance).hasPassed(MESSAGE_EVENT_DEADLINE_EXTENDED)
            .isWaitingAtExactly(GATEWAY_AWAIT_DEADLINE);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list())
            .singleElement().satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(Date.from(newDeadline)));
        assertThat(scenario.reload(procedure).getNextDeadline()).isEqualTo(newDeadline);

        // after the old deadline applications are still welcome
        ClockUtil.setCurrentTime(Date.from(berlin("2027-04-01T10:00")));
        MemberApplication late = scenario.apply(procedure, "spaet", 1970, Map.of());
        assertThat(late.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void eligibilityRejection_andDuplicatesAreFlaggedAndSuggested() {
        Procedure procedure = scenario.publish(3, null, DEADLINE, TERM_ENDS);
        MemberApplication anna = scenario.apply(procedure, "anna", 1990, Map.of());
        MemberApplication again = scenario.apply(procedure, "anna", 1990, Map.of());
        MemberApplication carl = scenario.apply(procedure, "carl", 1960, Map.of());
        assertThat(again.getStatus()).isEqualTo(ApplicationStatus.DUPLICATE_FLAGGED);
        assertThat(again.getDuplicateOf()).isEqualTo(anna.getCode());
        ProcessInstance instance = scenario.instance(procedure);

        scenario.executeJob(procedure, TIMER_APPLICATION_DEADLINE);

        String suggested = (String) taskService.getVariableLocal(task(TASK_CHECK_ELIGIBILITY, instance).getId(),
            "rejections");
        assertThat(suggested).isEqualTo(again.getCode() + ": Doppelte Bewerbung (wie " + anna.getCode() + ")\n");
        assertThat(rejection(() -> scenario.submit(procedure, TASK_CHECK_ELIGIBILITY, "officer",
            Map.of("rejections", carl.getCode())))).satisfies(e -> assertThat(e.getMessage()).contains("Grund"));
        assertThat(rejection(() -> scenario.submit(procedure, TASK_CHECK_ELIGIBILITY, "officer",
            Map.of("rejections", "B-XXXX-XXXX: Unbekannt"))).getMessage()).contains("keine Bewerbung");

        scenario.submit(procedure, TASK_CHECK_ELIGIBILITY, "officer", Map.of("rejections",
            suggested + carl.getCode() + ": Wohnt nicht in Kaiserslautern"));

        assertThat(scenario.application(anna.getId()).getStatus()).isEqualTo(ApplicationStatus.ELIGIBLE);
        assertThat(scenario.application(again.getId()).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        MemberApplication rejected = scenario.application(carl.getId());
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("Wohnt nicht in Kaiserslautern");
        BpmnAwareTests.assertThat(instance).variables().containsEntry(VAR_OVERSUBSCRIBED, false);

        scenario.submit(procedure, TASK_RECORD_NOMINATIONS, "officer", Map.of("nominations", ""));
        scenario.executeJob(procedure, TASK_NOTIFY_APPLICANTS);

        assertThat(mailsTo(scenario.email("carl"))).singleElement().satisfies(mail ->
            assertThat(mail.body()).contains("nicht berücksichtigt", "Wohnt nicht in Kaiserslautern"));
        // retention over: everyone not a member is gone, rejected included
        scenario.executeJob(procedure, TIMER_APPLICANT_RETENTION_ENDS);
        assertThat(scenario.applications(procedure)).extracting(MemberApplication::getId)
            .containsExactly(anna.getId());
        assertThat(jdbc.queryForObject("select count(*) from member_application where id in (?, ?)", Integer.class,
            again.getId(), carl.getId())).isZero();
    }

    @Test
    void oversubscribed_lotteryWithCommitmentCeremonyAndFourEyes_thenReserveReplacesAMemberWhoLeaves() {
        Procedure procedure = scenario.publish(2, GENDER_QUOTAS, DEADLINE, TERM_ENDS);
        ProcessInstance instance = scenario.instance(procedure);
        List<MemberApplication> women = scenario.applyMany(procedure, "frau", 3, FEMALE);
        List<MemberApplication> men = scenario.applyMany(procedure, "mann", 3, MALE);
        scenario.closeAndCheck(procedure, "");
        BpmnAwareTests.assertThat(instance).variables().containsEntry(VAR_OVERSUBSCRIBED, true);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_COMPUTE_LOTTERY);

        scenario.executeJob(procedure, TASK_COMPUTE_LOTTERY);

        Long callId = scenario.call(procedure).getId();
        LotteryRun prepared = service.latestRun(callId).orElseThrow();
        assertThat(prepared.getStatus()).isEqualTo(LotteryRunStatus.PREPARED);
        assertThat(prepared.getCommitmentHash()).matches("[0-9a-f]{64}");
        assertThat(prepared.table().input().people()).hasSize(6).allSatisfy(person ->
            assertThat(person.id()).startsWith("B-"));
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_PUBLISH_COMMITMENT);

        scenario.executeJob(procedure, TASK_PUBLISH_COMMITMENT);

        assertThat(runs.findById(prepared.getId()).orElseThrow().getCommittedAt()).isEqualTo(NOW);
        assertThat(taskService.getVariableLocal(task(TASK_ENTER_CEREMONY_INPUT, instance).getId(),
            "commitmentHash")).isEqualTo(prepared.getCommitmentHash());
        assertThat(rejection(() -> scenario.submit(procedure, TASK_ENTER_CEREMONY_INPUT, "officer",
            Map.of("ceremonyInput", "  \n "))).field()).isEqualTo("ceremonyInput");

        scenario.submit(procedure, TASK_ENTER_CEREMONY_INPUT, "officer", Map.of("ceremonyInput", "3 5 1 6 2"));

        LotteryRun drawn = runs.findById(prepared.getId()).orElseThrow();
        assertThat(drawn.getDrawnBy()).isEqualTo("officer");
        assertThat(drawn.selected()).hasSize(2);
        assertThat(drawn.reserve()).hasSize(4);
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_DRAW_LOTTERY).isWaitingAtExactly(TASK_CONFIRM_RESULT);
        assertThat(scenario.applications(procedure)).extracting(MemberApplication::getStatus)
            .as("nothing decided before the confirmation").containsOnly(ApplicationStatus.ELIGIBLE);
        VerificationReport report = lotteryService.verify(service.auditBundle(drawn));
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();

        InputRejectedException sameOfficer = rejection(() -> scenario.submit(procedure, TASK_CONFIRM_RESULT,
            "officer", Map.of(VAR_RESULT_DECISION, DECISION_CONFIRM)));
        assertThat(sameOfficer.getMessage()).startsWith("Vier-Augen-Prinzip");

        scenario.submit(procedure, TASK_CONFIRM_RESULT, "coordination", Map.of(VAR_RESULT_DECISION, DECISION_CONFIRM));

        List<MemberApplication> all = new ArrayList<>(scenario.applications(procedure));
        assertThat(all).filteredOn(a -> a.getStatus() == ApplicationStatus.SELECTED)
            .extracting(MemberApplication::getCode).containsExactlyInAnyOrderElementsOf(drawn.selected());
        assertThat(all).filteredOn(a -> a.getStatus() == ApplicationStatus.SELECTED)
            .extracting(a -> a.featureMap().get("Geschlecht")).containsExactlyInAnyOrder("weiblich", "männlich");
        for (int i = 0; i < drawn.reserve().size(); i++) {
            String code = drawn.reserve().get(i);
            int position = i + 1;
            assertThat(all).filteredOn(a -> a.getCode().equals(code)).singleElement().satisfies(a -> {
                assertThat(a.getStatus()).isEqualTo(ApplicationStatus.RESERVE);
                assertThat(a.getReservePosition()).isEqualTo(position);
            });
        }
        assertThat(runs.findById(prepared.getId()).orElseThrow().getConfirmedBy()).isEqualTo("coordination");

        scenario.executeJob(procedure, TASK_NOTIFY_APPLICANTS);
        scenario.executeJob(procedure, TIMER_APPLICANT_RETENTION_ENDS);

        MemberApplication firstReserve = all.stream().filter(a -> a.getCode().equals(drawn.reserve().get(0)))
            .findFirst().orElseThrow();
        assertThat(mailsTo(firstReserve.getEmail())).singleElement().satisfies(mail ->
            assertThat(mail.body()).contains("Nachrückliste", "auf Platz 1"));
        assertThat(scenario.applications(procedure)).as("reserve kept for replacements during the term")
            .hasSize(6);
        List<String> emails = new ArrayList<>();
        women.forEach(a -> emails.add(a.getEmail()));
        men.forEach(a -> emails.add(a.getEmail()));
        assertThat(mailGateway.delivered()).filteredOn(m -> emails.contains(m.to())).hasSize(6);

        MemberApplication leaving = all.stream().filter(a -> a.getCode().equals(drawn.selected().get(0)))
            .findFirst().orElseThrow();
        service.memberLeft(callId, leaving.getId());
        BpmnAwareTests.assertThat(instance).hasPassed(MESSAGE_EVENT_MEMBER_LEFT)
            .isWaitingAt(TASK_REPLACE_MEMBER);
        scenario.executeJob(procedure, TASK_REPLACE_MEMBER);

        assertThat(scenario.application(leaving.getId()).getStatus()).isEqualTo(ApplicationStatus.LEFT);
        assertThat(scenario.application(leaving.getId()).getSuccessorCode()).isEqualTo(firstReserve.getCode());
        assertThat(scenario.application(firstReserve.getId()).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(mailsTo(firstReserve.getEmail())).hasSize(2).last().satisfies(mail ->
            assertThat(mail.subject()).startsWith("Sie rücken nach"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(GATEWAY_AWAIT_MEMBER_CHANGE);

        ClockUtil.setCurrentTime(Date.from(berlin(TERM_ENDS).plus(Duration.ofDays(100))));
        scenario.executeJob(procedure, TIMER_TERM_ENDS);
        scenario.executeJob(procedure, TIMER_MEMBER_RETENTION_ENDS);
        assertThat(rows("member_application", callId)).isZero();
        assertThat(rows("member_nomination", callId)).isZero();
        assertThat(service.runs(callId)).as("the public record of the lottery stays (codes only)").hasSize(1);
        BpmnAwareTests.assertThat(instance).isEnded();
    }

    @Test
    void withdrawalAfterTheCommitment_voidsTheRun_andANewTableIsDrawn() {
        Procedure procedure = scenario.publish(2, null, DEADLINE, TERM_ENDS);
        ProcessInstance instance = scenario.instance(procedure);
        Long citizen = System.nanoTime();
        MemberApplication withdrawing = service.apply(scenario.call(procedure).getId(), new MemberCallService.Apply(
            "Rückzieher " + scenario.token, scenario.email("rueck"), citizen, 1985, true, Map.of(), true));
        scenario.applyMany(procedure, "person", 3, Map.of());
        scenario.closeAndCheck(procedure, null);
        scenario.drawLottery(procedure, "4 4 2");
        LotteryRun first = service.latestRun(scenario.call(procedure).getId()).orElseThrow();
        assertThat(first.table().input().people()).hasSize(4);

        service.withdraw(withdrawing.getId(), citizen);

        InputRejectedException frozen = rejection(() -> scenario.submit(procedure, TASK_CONFIRM_RESULT,
            "coordination", Map.of(VAR_RESULT_DECISION, DECISION_CONFIRM)));
        assertThat(frozen.getMessage()).contains(withdrawing.getCode(), "neue Losung");

        scenario.submit(procedure, TASK_CONFIRM_RESULT, "coordination", Map.of(VAR_RESULT_DECISION,
            DECISION_NEW_RUN, "resultComment", "Rückzug nach der Festlegung"));

        assertThat(runs.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(LotteryRunStatus.VOID);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_COMPUTE_LOTTERY);
        scenario.drawLottery(procedure, "1 2 3");
        LotteryRun second = service.latestRun(scenario.call(procedure).getId()).orElseThrow();
        assertThat(second.getRunNumber()).isEqualTo(2);
        assertThat(second.getCommitmentHash()).isNotEqualTo(first.getCommitmentHash());
        assertThat(second.table().input().people()).extracting(p -> p.id())
            .doesNotContain(withdrawing.getCode()).hasSize(3);
    }

    @Test
    void quotasThePoolCannotMeet_areAdjustedInPublic_thenTheTableIsComputed() {
        Procedure procedure = scenario.publish(2, GENDER_QUOTAS, DEADLINE, TERM_ENDS);
        ProcessInstance instance = scenario.instance(procedure);
        scenario.applyMany(procedure, "mann", 3, MALE);
        scenario.closeAndCheck(procedure, null);

        scenario.executeJob(procedure, TASK_COMPUTE_LOTTERY);

        MemberCall call = scenario.call(procedure);
        assertThat(call.getQuotaProblems()).contains("weiblich");
        assertThat(service.runs(call.getId())).isEmpty();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
            .as("a business outcome, not an incident").isZero();
        BpmnAwareTests.assertThat(instance).hasPassed(ERROR_QUOTAS_INFEASIBLE_EVENT)
            .isWaitingAtExactly(TASK_ADJUST_QUOTAS);
        assertThat(taskService.getVariableLocal(task(TASK_ADJUST_QUOTAS, instance).getId(), "quotaProblems"))
            .isEqualTo(call.getQuotaProblems());
        assertThat(rejection(() -> scenario.submit(procedure, TASK_ADJUST_QUOTAS, "officer",
            Map.of("quotas", GENDER_QUOTAS, "quotaReason", "")))).satisfies(e ->
                assertThat(e.field()).isEqualTo("quotaReason"));

        scenario.submit(procedure, TASK_ADJUST_QUOTAS, "officer", Map.of("quotas",
            "Geschlecht; weiblich; 0; 2\nGeschlecht; männlich; 0; 2", "quotaReason", "Keine Bewerberinnen"));

        assertThat(scenario.call(procedure).quotaLogLines()).containsExactly("01.03.2027, 09:00 Uhr: Quoten "
            + "geändert – Keine Bewerberinnen (neu: Geschlecht weiblich 0–2, Geschlecht männlich 0–2)");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_COMPUTE_LOTTERY);
        scenario.executeJob(procedure, TASK_COMPUTE_LOTTERY);
        assertThat(service.runs(call.getId())).hasSize(1);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_PUBLISH_COMMITMENT);
    }

    @Test
    void failingMailServer_notificationsRetriedThenIncident() {
        Procedure procedure = scenario.publish(3, null, DEADLINE, TERM_ENDS);
        ProcessInstance instance = scenario.instance(procedure);
        scenario.apply(procedure, "anna", 1990, Map.of());
        scenario.closeAndCheck(procedure, null);
        mailGateway.failWith("SMTP-Server antwortet nicht");
        Job notify = job(TASK_NOTIFY_APPLICANTS, instance);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(catchThrowable(() -> managementService.executeJob(notify.getId()))).isNotNull();
        }

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK_NOTIFY_APPLICANTS);
        assertThat(incident.getIncidentMessage()).contains("antwortet nicht");
        assertThat(mailsTo(scenario.email("anna"))).isEmpty();

        mailGateway.reset();
        managementService.setJobRetries(notify.getId(), 1);
        managementService.executeJob(notify.getId());
        assertThat(mailsTo(scenario.email("anna"))).hasSize(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private List<OutgoingMail> mailsTo(String address) {
        return mailGateway.delivered().stream().filter(m -> m.to().equals(address)).toList();
    }

    private int rows(String table, Long callId) {
        return jdbc.queryForObject("select count(*) from " + table + " where call_id = ?", Integer.class, callId);
    }

    private static InputRejectedException rejection(ThrowingCallable call) {
        Throwable error = catchThrowable(call);
        InputRejectedException rejected = InputRejectedException.in(error);
        assertThat(rejected).as("rejected with a message for the user, got %s", error).isNotNull();
        return rejected;
    }

    /** Every text value the engine's history holds for the instance: variables and their recorded changes. */
    private List<String> historicTexts(ProcessInstance instance) {
        return jdbc.queryForList("select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and TEXT_ is not null "
            + "union all select TEXT_ from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TEXT_ is not null", String.class,
            instance.getId(), instance.getId());
    }
}

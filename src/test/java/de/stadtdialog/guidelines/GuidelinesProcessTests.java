package de.stadtdialog.guidelines;

import static de.stadtdialog.guidelines.GuidelinesProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.MeasureFlowNodeCoverage;
import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.commenting.CommentingPhaseProcess;
import de.stadtdialog.commenting.CommentingScenario;
import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.council.CouncilScenario;
import de.stadtdialog.council.Motion;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberCallProcess;
import de.stadtdialog.membercall.MemberCallScenario;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleScenario;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The guidelines procedure with the dates of the Kaiserslautern case: the working group's call in summer 2023
 * (deadline 23.07.2023, a lottery), its public sessions on first Wednesdays at 18:00, commenting 08.–29.03.2024,
 * the Stadtrat's decision on 22.04.2024 and the evaluation two years later.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(PROCESS_ID)
@Tag("database")
class GuidelinesProcessTests {

    private static final String TENANT = "kaiserslautern";

    @Autowired
    private ApplicationContext context;
    @Autowired
    private GuidelinesService guidelines;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private ProcedureRepository procedures;
    @Autowired
    private PublicSessionRepository sessions;
    @Autowired
    private TestMailGateway mailGateway;

    private MemberCallScenario call;
    private SessionCycleScenario session;
    private CommentingScenario commenting;
    private CouncilScenario council;

    @BeforeEach
    void setUp() {
        call = new MemberCallScenario(context);
        session = new SessionCycleScenario(context);
        commenting = new CommentingScenario(context);
        council = new CouncilScenario(context);
        at("2023-06-01T09:00");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theWholeProcedure_mandate_callWithLottery_sessions_commenting_councilAdopts_evaluation() {
        Procedure procedure = start();
        ProcessInstance instance = instance(procedure);
        assertThat(procedure.getTemplateKey()).isEqualTo(TEMPLATE_KEY);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_RECORD_COUNCIL_MANDATE);
        assertThat(taskService.getVariableLocal(ownTask(procedure, TASK_RECORD_COUNCIL_MANDATE).getId(),
            "workingGroup")).isEqualTo(workingGroup());

        submitOwn(procedure, TASK_RECORD_COUNCIL_MANDATE, mandate("2022-05-16"));

        GuidelinesProcedure row = guidelines.ofProcedure(procedure.getId()).orElseThrow();
        assertThat(row.getMandateDate()).isEqualTo(LocalDate.of(2022, 5, 16));
        assertThat(row.getMandateReference()).isEqualTo("Antrag der Stadtratsfraktionen vom 16.05.2022");
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_PREPARE_MEMBER_CALL).isWaitingAtExactly(CALL_MEMBER_CALL);

        // call for members, as a call activity with the procedure's business key and tenant
        ProcessInstance memberCall = called(procedure, MemberCallProcess.PROCESS_ID);
        assertThat(memberCall.getBusinessKey()).isEqualTo(procedure.getBusinessKey());
        assertThat(memberCall.getTenantId()).isEqualTo(TENANT);
        call.followCalledInstance(procedure, memberCall.getId());
        assertThat(call.call(procedure).getWorkingGroup()).isEqualTo(workingGroup());
        assertThat(phase(procedure)).startsWith("Aufruf zur Mitwirkung mit Losverfahren: Aufruf bearbeiten");
        call.submit(procedure, MemberCallProcess.TASK_EDIT_CALL, "officer",
            call.details(2, null, "2023-07-23T23:59", "2024-06-30T00:00"));
        call.submit(procedure, MemberCallProcess.TASK_APPROVE_CALL, "coordination",
            Map.of(MemberCallProcess.VAR_APPROVAL_DECISION, MemberCallProcess.DECISION_APPROVE));
        call.executeJob(procedure, MemberCallProcess.TASK_PUBLISH_CALL);
        MemberApplication anna = call.apply(procedure, "anna", 1970, Map.of());
        call.apply(procedure, "ben", 1985, Map.of());
        call.apply(procedure, "cem", 2001, Map.of());
        at("2023-07-24T00:01");
        call.closeAndCheck(procedure, null);
        call.drawLottery(procedure, "3 1 4 1 5");
        call.submit(procedure, MemberCallProcess.TASK_CONFIRM_RESULT, "coordination",
            Map.of(MemberCallProcess.VAR_RESULT_DECISION, MemberCallProcess.DECISION_CONFIRM));
        assertThat(taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId()).count())
            .as("the working group waits for its members").isZero();
        call.executeJob(procedure, MemberCallProcess.TASK_NOTIFY_APPLICANTS);

        BpmnAwareTests.assertThat(memberCall).hasPassed(MemberCallProcess.TASK_COMPUTE_LOTTERY,
            MemberCallProcess.EVENT_MEMBERS_SELECTED).isNotEnded();
        BpmnAwareTests.assertThat(instance).hasPassed(BOUNDARY_MEMBERS_SELECTED)
            .isWaitingAt(CALL_MEMBER_CALL, TASK_PLAN_WORKING_GROUP_STEP);

        // the working group meets in public, twice, on first Wednesdays
        assertThat(taskService.getVariableLocal(ownTask(procedure, TASK_PLAN_WORKING_GROUP_STEP).getId(),
            "sessionsSoFar")).asString().contains("noch keine");
        holdSession(procedure, "2023-09-06T18:00", "Rathaus, Großer Ratssaal");
        assertThat(taskService.getVariableLocal(ownTask(procedure, TASK_PLAN_WORKING_GROUP_STEP).getId(),
            "sessionsSoFar")).isEqualTo("1 Sitzung, zuletzt am 06.09.2023, 18:00 Uhr");
        assertThat(taskService.getVariableLocal(ownTask(procedure, TASK_PLAN_WORKING_GROUP_STEP).getId(),
            "recipients")).as("the last session's invitees are proposed").asString()
            .contains(session.recipients().get(0));
        holdSession(procedure, "2023-10-04T18:00", "Rathaus, Sitzungssaal 2");
        assertThat(sessions.findByProcedureIdOrderByStartsAt(procedure.getId()))
            .extracting(PublicSession::getTitle, PublicSession::isMinutesPublished)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(workingGroup() + ": 1. öffentliche Sitzung", true),
                org.assertj.core.groups.Tuple.tuple(workingGroup() + ": 2. öffentliche Sitzung", true));

        // the draft is ready: online commenting 08.–29.03.2024, evaluation, revised draft, results report
        at("2024-02-20T10:00");
        submitOwn(procedure, TASK_PLAN_WORKING_GROUP_STEP, Map.of(VAR_NEXT_WORKING_GROUP_STEP, STEP_DRAFT));
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_PREPARE_COMMENTING).isWaitingAt(CALL_COMMENTING);
        ProcessInstance commentingPhase = called(procedure, CommentingPhaseProcess.PROCESS_ID);
        commenting.followCalledInstance(procedure, commentingPhase.getId());
        assertThat(commenting.draft(procedure).getProcedureId()).isEqualTo(procedure.getId());
        commenting.submit(procedure, CommentingPhaseProcess.TASK_SET_UP_DRAFT, "officer",
            CommentingScenario.setUp("Entwurf: Leitlinien für Bürgerbeteiligung", berlin("2024-03-08T00:00"),
                "P21D"));
        commenting.submit(procedure, CommentingPhaseProcess.TASK_APPROVE_DRAFT, "coordination",
            CommentingScenario.draftDecision(CommentingPhaseProcess.DECISION_APPROVE, null));
        at("2024-03-08T00:00");
        commenting.executeJob(procedure, CommentingPhaseProcess.TIMER_COMMENTING_OPENS);
        commenting.executeJob(procedure, CommentingPhaseProcess.TASK_OPEN_COMMENTING);
        commenting.close(procedure, commenting.draft(procedure).getClosesAt().plusSeconds(60));
        commenting.submit(procedure, CommentingPhaseProcess.TASK_EVALUATE_COMMENTS, "officer", Map.of());
        commenting.submit(procedure, CommentingPhaseProcess.TASK_REVISE_DRAFT, "officer",
            Map.of("draftMarkdown", CommentingScenario.MARKDOWN));
        assertThat(jobsOf(procedure.getProcessInstanceId())).as("nothing for the council yet").isZero();
        commenting.executeJob(procedure, CommentingPhaseProcess.TASK_PUBLISH_RESULTS_REPORT);

        BpmnAwareTests.assertThat(commentingPhase).hasPassed(CommentingPhaseProcess.EVENT_RESULTS_REPORT_PUBLISHED)
            .isWaitingAt(CommentingPhaseProcess.EVENT_COUNCIL_DECISION_TAKEN);
        BpmnAwareTests.assertThat(instance).hasPassed(BOUNDARY_RESULTS_REPORT_PUBLISHED)
            .isWaitingAt(CALL_MEMBER_CALL, CALL_COMMENTING, CALL_COUNCIL_DECISION);

        // the council: motion with the report, Stadtrat 22.04.2024 adopts
        at("2024-04-02T09:00");
        executeOwnJob(procedure, CALL_COUNCIL_DECISION);
        ProcessInstance councilDecision = called(procedure, CouncilDecisionProcess.PROCESS_ID);
        council.followCalledInstance(procedure, councilDecision.getId());
        Motion motion = council.motion(procedure);
        assertThat(motion.getResultsReportUrl()).isEqualTo("/oeffentlich/entwuerfe/" + commenting.draft(procedure)
            .getId());
        assertThat(motion.getParticipationFormat()).contains("Losverfahren", "Online-Kommentierung");
        council.submitted(procedure, null, null, "Stadtrat");
        council.deliberate(procedure, "2024-04-22T17:00", CouncilScenario.result(ConsultationResult.ADOPTED,
            null, "Mehrheitlich beschlossen"));
        council.executeJob(procedure, CouncilDecisionProcess.TASK_PUBLISH_DECISION);

        assertThat(runtimeService.getVariable(procedure.getProcessInstanceId(), VAR_COUNCIL_DECISION))
            .as("handed up with the escalation").isEqualTo(CouncilDecisionProcess.DECISION_ADOPTED);
        BpmnAwareTests.assertThat(instance).hasPassed(BOUNDARY_COUNCIL_DECIDED, GATEWAY_GUIDELINES_ADOPTED)
            .isWaitingAt(TASK_PUBLISH_ADOPTED_GUIDELINES);
        BpmnAwareTests.assertThat(commentingPhase).as("the decision reached the commenting phase")
            .hasPassed(CommentingPhaseProcess.EVENT_COUNCIL_DECISION_TAKEN)
            .isWaitingAt(CommentingPhaseProcess.TASK_SEND_FEEDBACK);
        executeOwnJob(procedure, TASK_PUBLISH_ADOPTED_GUIDELINES);
        assertThat(guidelines.ofProcedure(procedure.getId()).orElseThrow().getAdoptedPublishedAt()).isNotNull();
        assertThat(guidelines.ofProcedure(procedure.getId()).orElseThrow().getCouncilDecision())
            .isEqualTo(CouncilDecisionProcess.DECISION_ADOPTED);
        BpmnAwareTests.assertThat(instance).hasPassed(END_GUIDELINES_IN_FORCE).isNotEnded();

        // each template finishes on its own schedule: feedback, pseudonymisation, evaluation, deletion
        commenting.executeJob(procedure, CommentingPhaseProcess.TASK_SEND_FEEDBACK);
        commenting.executeJob(procedure, CommentingPhaseProcess.TIMER_PSEUDONYMISATION_DUE);
        commenting.executeJob(procedure, CommentingPhaseProcess.TASK_PSEUDONYMISE_AUTHORS);
        BpmnAwareTests.assertThat(commentingPhase).isEnded();
        council.executeJob(procedure, CouncilDecisionProcess.TASK_SEND_FEEDBACK);
        at("2026-04-22T17:00");
        council.executeJob(procedure, CouncilDecisionProcess.TIMER_EVALUATION_DUE);
        council.submit(procedure, CouncilDecisionProcess.TASK_EVALUATE, "officer",
            Map.of("evaluationNote", "Evaluation mit dem Beteiligungsbeirat im Herbst 2026."));
        BpmnAwareTests.assertThat(councilDecision).isEnded();
        BpmnAwareTests.assertThat(instance).hasPassed(END_COMMENTING_FINISHED, END_PROCEDURE_EVALUATED)
            .isWaitingAtExactly(CALL_MEMBER_CALL);

        call.executeJob(procedure, MemberCallProcess.TIMER_APPLICANT_RETENTION_ENDS);
        call.executeJob(procedure, MemberCallProcess.TIMER_TERM_ENDS);
        call.executeJob(procedure, MemberCallProcess.TIMER_MEMBER_RETENTION_ENDS);
        assertThat(call.applications(procedure)).as("members' data deleted after the term").isEmpty();
        assertThat(anna.getId()).isNotNull();
        BpmnAwareTests.assertThat(instance).hasPassed(END_MEMBER_CALL_FINISHED).isEnded();
        assertThat(procedures.findById(procedure.getId()).orElseThrow().getStatus())
            .isEqualTo(ProcedureStatus.COMPLETED);
    }

    @Test
    void theCouncilRejects_theOfficerRecordsWhatHappensNext() {
        Procedure procedure = start();
        at("2024-04-02T09:00");
        runtimeService.createProcessInstanceModification(procedure.getProcessInstanceId())
            .cancelAllForActivity(TASK_RECORD_COUNCIL_MANDATE).startBeforeActivity(CALL_COUNCIL_DECISION).execute();
        executeOwnJob(procedure, CALL_COUNCIL_DECISION);
        council.followCalledInstance(procedure, called(procedure, CouncilDecisionProcess.PROCESS_ID).getId());
        council.submitted(procedure, null, null, "Stadtrat");
        council.deliberate(procedure, "2024-04-22T17:00", CouncilScenario.result(ConsultationResult.REJECTED,
            null, "Keine Mehrheit"));
        council.executeJob(procedure, CouncilDecisionProcess.TASK_PUBLISH_DECISION);

        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAt(TASK_RECORD_REJECTION_FOLLOW_UP);
        Throwable empty = catchThrowable(() -> submitOwn(procedure, TASK_RECORD_REJECTION_FOLLOW_UP,
            Map.of("followUp", " ")));
        assertThat(InputRejectedException.in(empty).field()).isEqualTo("followUp");

        submitOwn(procedure, TASK_RECORD_REJECTION_FOLLOW_UP, Map.of("followUp",
            "Die Verwaltung überarbeitet den Entwurf mit dem Arbeitskreis und legt ihn im Herbst erneut vor."));

        GuidelinesProcedure row = guidelines.ofProcedure(procedure.getId()).orElseThrow();
        assertThat(row.getCouncilDecision()).isEqualTo(CouncilDecisionProcess.DECISION_REJECTED);
        assertThat(row.getRejectionFollowUp()).startsWith("Die Verwaltung überarbeitet");
        assertThat(row.getAdoptedPublishedAt()).isNull();
        BpmnAwareTests.assertThat(instance(procedure)).hasPassed(END_GUIDELINES_REJECTED)
            .hasNotPassed(TASK_PUBLISH_ADOPTED_GUIDELINES).isWaitingAtExactly(CALL_COUNCIL_DECISION);
    }

    @Test
    void badInput_isRefusedNextToTheField_andTheTaskStaysOpen() {
        Procedure procedure = start();
        Throwable future = catchThrowable(() -> submitOwn(procedure, TASK_RECORD_COUNCIL_MANDATE,
            mandate("2023-07-01")));
        assertThat(InputRejectedException.in(future).field()).isEqualTo("mandateDate");
        assertThat(ownTask(procedure, TASK_RECORD_COUNCIL_MANDATE)).as("still open").isNotNull();

        Throwable period = catchThrowable(() -> guidelines.start(new GuidelinesService.StartGuidelines(TENANT,
            "Leitlinien", "Arbeitskreis", "P1M", null, null, null)));
        assertThat(InputRejectedException.in(period).field()).isEqualTo("sessionNoticePeriod");
        Throwable retention = catchThrowable(() -> guidelines.start(new GuidelinesService.StartGuidelines(TENANT,
            "Leitlinien", "Arbeitskreis", null, "drei Monate", null, null)));
        assertThat(InputRejectedException.in(retention).field()).isEqualTo("applicantRetention");
    }

    @Test
    void planningASession_refusesAMissingDateAndTooShortNotice_andNeedsAChoice() {
        Procedure procedure = start();
        runtimeService.createProcessInstanceModification(procedure.getProcessInstanceId())
            .cancelAllForActivity(TASK_RECORD_COUNCIL_MANDATE).startBeforeActivity(TASK_PLAN_WORKING_GROUP_STEP)
            .execute();

        Throwable noChoice = catchThrowable(() -> submitOwn(procedure, TASK_PLAN_WORKING_GROUP_STEP, Map.of()));
        assertThat(InputRejectedException.in(noChoice).field()).isEqualTo(VAR_NEXT_WORKING_GROUP_STEP);
        Throwable noDate = catchThrowable(() -> submitOwn(procedure, TASK_PLAN_WORKING_GROUP_STEP,
            Map.of(VAR_NEXT_WORKING_GROUP_STEP, STEP_SESSION, "location", "Rathaus")));
        assertThat(InputRejectedException.in(noDate).field()).isEqualTo("startsAt");
        Throwable tooSoon = catchThrowable(() -> submitOwn(procedure, TASK_PLAN_WORKING_GROUP_STEP,
            sessionPlan("2023-06-03T18:00", "Rathaus")));
        assertThat(InputRejectedException.in(tooSoon).field()).isEqualTo("startsAt");
        assertThat(InputRejectedException.in(tooSoon).getMessage()).contains("Zu kurzfristig");

        assertThat(sessions.findByProcedureIdOrderByStartsAt(procedure.getId())).as("nothing planned").isEmpty();
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_PLAN_WORKING_GROUP_STEP);
    }

    @Test
    void preparingTwice_createsNoSecondCallSessionOrDraft() {
        Procedure procedure = start();
        submitOwn(procedure, TASK_RECORD_COUNCIL_MANDATE, mandate("2022-05-16"));
        ProcessInstance memberCall = called(procedure, MemberCallProcess.PROCESS_ID);
        Long callId = (Long) runtimeService.getVariable(memberCall.getId(), MemberCallProcess.VAR_CALL_ID);

        // as after a crash between the preparation and the commit: the step runs again
        runtimeService.createProcessInstanceModification(procedure.getProcessInstanceId())
            .startBeforeActivity(TASK_PREPARE_MEMBER_CALL).execute();

        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(procedure.getProcessInstanceId())
            .processDefinitionKey(MemberCallProcess.PROCESS_ID).list())
            .extracting(called -> runtimeService.getVariable(called.getId(), MemberCallProcess.VAR_CALL_ID))
            .containsOnly(callId);
    }

    // --- steps

    private Procedure start() {
        return guidelines.start(new GuidelinesService.StartGuidelines(TENANT,
            "Leitlinien für Bürgerbeteiligung " + call.token, workingGroup()));
    }

    private String workingGroup() {
        return "Arbeitskreis Leitlinien " + call.token;
    }

    private Map<String, Object> mandate(String date) {
        Map<String, Object> values = new HashMap<>();
        values.put("mandateReference", "Antrag der Stadtratsfraktionen vom 16.05.2022");
        values.put("mandateDate", date);
        values.put("mandateSummary", "Die Verwaltung erarbeitet mit einem Arbeitskreis Leitlinien für "
            + "Bürgerbeteiligung und legt sie dem Stadtrat zur Entscheidung vor.");
        values.put("workingGroup", workingGroup());
        return values;
    }

    private Map<String, Object> sessionPlan(String startsAt, String location) {
        Map<String, Object> values = new HashMap<>();
        values.put(VAR_NEXT_WORKING_GROUP_STEP, STEP_SESSION);
        values.put("startsAt", startsAt);
        values.put("location", location);
        values.put("recipients", String.join("\n", session.recipients()));
        return values;
    }

    /** Planned by the officer, invited, held, minutes recorded, approved by another person and published. */
    private void holdSession(Procedure procedure, String startsAt, String location) {
        at(LocalDateTime.parse(startsAt).minusDays(20).toString());
        submitOwn(procedure, TASK_PLAN_WORKING_GROUP_STEP, sessionPlan(startsAt, location));
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAt(CALL_WORKING_GROUP_SESSION);
        ProcessInstance cycle = called(procedure, SessionCycleProcess.PROCESS_ID);
        session.followCalledInstance(procedure, cycle.getId());
        session.inviteTo(procedure);
        at(startsAt);
        session.executeJob(procedure, SessionCycleProcess.TIMER_SESSION_BEGINS);
        BpmnAwareTests.assertThat(instance(procedure)).as("the next step can be planned while the minutes are written")
            .hasPassed(BOUNDARY_SESSION_HELD).isWaitingAt(CALL_WORKING_GROUP_SESSION, TASK_PLAN_WORKING_GROUP_STEP);
        session.submit(procedure, SessionCycleProcess.TASK_RECORD_SESSION, "officer", SessionCycleScenario.minutes(
            "TOP 1: Begrüßung.\nTOP 2: Grundsätze der Beteiligung werden beraten und angenommen."));
        session.submit(procedure, SessionCycleProcess.TASK_APPROVE_MINUTES, "coordination",
            SessionCycleScenario.decision(SessionCycleProcess.DECISION_APPROVE, null));
        session.executeJob(procedure, SessionCycleProcess.TASK_PUBLISH_MINUTES);
        BpmnAwareTests.assertThat(cycle).isEnded();
        BpmnAwareTests.assertThat(instance(procedure)).hasPassed(END_SESSION_MINUTES_PUBLISHED)
            .isWaitingAt(TASK_PLAN_WORKING_GROUP_STEP);
    }

    private ProcessInstance instance(Procedure procedure) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(procedure.getProcessInstanceId())
            .singleResult();
    }

    /** The running instance of {@code processId} this procedure called. */
    private ProcessInstance called(Procedure procedure, String processId) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(procedure.getProcessInstanceId())
            .processDefinitionKey(processId).singleResult();
    }

    private Task ownTask(Procedure procedure, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .taskDefinitionKey(taskKey).singleResult();
    }

    private void submitOwn(Procedure procedure, String taskKey, Map<String, Object> values) {
        Task task = ownTask(procedure, taskKey);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), "officer");
        }
        context.getBean(org.camunda.bpm.engine.FormService.class).submitTaskForm(task.getId(), values);
    }

    private void executeOwnJob(Procedure procedure, String activityId) {
        managementService.executeJob(managementService.createJobQuery()
            .processInstanceId(procedure.getProcessInstanceId()).activityId(activityId).singleResult().getId());
    }

    private long jobsOf(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).count();
    }

    private String phase(Procedure procedure) {
        return procedures.findById(procedure.getId()).orElseThrow().getPhase();
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(berlin(localDateTime)));
    }
}

package de.stadtdialog.council;

import static de.stadtdialog.council.CouncilDecisionProcess.*;
import static de.stadtdialog.council.CouncilScenario.TENANT;
import static de.stadtdialog.council.CouncilScenario.approve;
import static de.stadtdialog.council.CouncilScenario.berlin;
import static de.stadtdialog.council.CouncilScenario.meeting;
import static de.stadtdialog.council.CouncilScenario.result;
import static de.stadtdialog.council.CouncilScenario.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.MeasureFlowNodeCoverage;
import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.council.ParticipantFeedback.FeedbackRecipient;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The council-decision process, one test per path: effects first (motion, consultations, meetings, mails, the
 * procedure's read model), then where the process stands. The engine clock is fixed: Monday 1 February 2027.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(PROCESS_ID)
@Tag("database")
class CouncilDecisionProcessTests {

    private static final Instant NOW = berlin("2027-02-01T09:00");
    private static final String STADTRAT = "Stadtrat";
    private static final String BEIRAT = "Beirat für Bürgerbeteiligung";
    private static final String GUARD_PROCESS = "CouncilGuardTestProcess";
    private static final String ESCALATION_CALLER = "CouncilDecisionEscalationCallerTest";
    private static final String CALLER_PROCESS = "CouncilCallerTestProcess";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    TestParticipantFeedback participants;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcedureService procedureService;
    @Autowired
    CouncilService council;
    @Autowired
    MeetingRepository meetings;
    @Autowired
    AgendaItemRepository agendaItems;

    private CouncilScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new CouncilScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void adopted_afterHearingInTheAdvisoryBoard_publishedFedBackAndEvaluatedTwoYearsLater() {
        Procedure procedure = scenario.start();
        participants.register(procedure.getId(), List.of(
            new FeedbackRecipient(scenario.participant("anna"), "Anna Beispiel", "Ihr Kommentar zu Abschnitt 4.2",
                "übernommen: Der Abschnitt nennt jetzt Jugendliche ausdrücklich.", "https://beispiel.de/meine/1"),
            new FeedbackRecipient(scenario.participant("anna"), "Anna Beispiel", "Ihr Kommentar zu Abschnitt 5",
                "nicht übernommen: widerspricht der Gemeindeordnung.", null),
            new FeedbackRecipient(scenario.participant("ben"), null, "Ihre Bewerbung für den Arbeitskreis",
                "ausgelost, Sie haben mitgearbeitet.", null)));

        Motion started = scenario.motion(procedure);
        assertThat(started.getReference()).isEqualTo(String.format("BV/2027/%04d", started.getId()));
        assertThat(started.getTenantId()).isEqualTo(TENANT);
        assertThat(started.getStatus()).isEqualTo(MotionStatus.DRAFT);
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Beschlussvorlage verfassen");
        ProcessInstance instance = instance(procedure);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_DRAFT_MOTION);
        BpmnAwareTests.assertThat(scenario.task(procedure, TASK_DRAFT_MOTION)).hasCandidateGroup("officer");
        assertThat(taskService.getVariableLocal(scenario.task(procedure, TASK_DRAFT_MOTION).getId(),
            "resultsReportUrl")).isEqualTo("https://www.kaiserslautern.de/leitlinien/ergebnisbericht.pdf");

        scenario.submit(procedure, TASK_DRAFT_MOTION, "officer", scenario.draft(false, null));
        BpmnAwareTests.assertThat(scenario.task(procedure, TASK_APPROVE_MOTION)).hasCandidateGroup("coordination");
        scenario.submit(procedure, TASK_APPROVE_MOTION, "coordination", approve());
        Motion approved = scenario.motion(procedure);
        assertThat(approved.getStatus()).isEqualTo(MotionStatus.SUBMITTED);
        assertThat(approved.getAuthor()).isEqualTo("officer");
        assertThat(approved.getApprovedBy()).isEqualTo("coordination");
        Task sequenceTask = scenario.task(procedure, TASK_SET_CONSULTATION_SEQUENCE);
        BpmnAwareTests.assertThat(sequenceTask).hasCandidateGroup("secretariat");
        assertThat(taskService.getVariableLocal(sequenceTask.getId(), "decisionBody")).isEqualTo(STADTRAT);

        scenario.submit(procedure, TASK_SET_CONSULTATION_SEQUENCE, "secretariat", sequence(BEIRAT, null, STADTRAT));

        List<Consultation> sequence = scenario.consultations(approved);
        assertThat(sequence).extracting(Consultation::getRole)
            .containsExactly(ConsultationRole.HEARING, ConsultationRole.DECISION);
        assertThat(sequence).filteredOn(Consultation::isAuthoritative).hasSize(1);
        assertThat(taskService.getVariableLocal(scenario.task(procedure, TASK_SCHEDULE_CONSULTATION).getId(),
            "consultation")).isEqualTo("1. Anhörung: " + BEIRAT);

        scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat", meeting("2027-02-10T17:00"));
        Meeting hearing = council.meetingOf(scenario.consultations(approved).get(0)).orElseThrow();
        assertThat(hearing.getStartsAt()).isEqualTo(berlin("2027-02-10T17:00"));
        assertThat(hearing.getInvitationSentAt()).isEqualTo(NOW);
        assertThat(hearing.getTenantId()).isEqualTo(TENANT);
        assertThat(scenario.motion(procedure).getStatus()).isEqualTo(MotionStatus.SCHEDULED);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_MEETING_BEGINS);
        BpmnAwareTests.assertThat(scenario.job(procedure, TIMER_MEETING_BEGINS))
            .hasDueDate(Date.from(berlin("2027-02-10T17:00")));
        assertThat(scenario.reload(procedure).getNextDeadline()).isEqualTo(berlin("2027-02-10T17:00"));

        ClockUtil.setCurrentTime(Date.from(berlin("2027-02-10T20:00")));
        scenario.executeJob(procedure, TIMER_MEETING_BEGINS);
        scenario.submit(procedure, TASK_RECORD_RESULT, "secretariat", result(ConsultationResult.ADOPTED, null, null));
        assertThat(scenario.consultations(approved).get(0).getResult()).isEqualTo(ConsultationResult.ADOPTED);
        assertThat(scenario.motion(procedure).getStatus()).isEqualTo(MotionStatus.DELIBERATED);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SCHEDULE_CONSULTATION);
        assertThat(taskService.getVariableLocal(scenario.task(procedure, TASK_SCHEDULE_CONSULTATION).getId(),
            "consultation")).isEqualTo("2. Entscheidung: " + STADTRAT + " (beschließend)");

        scenario.deliberate(procedure, "2027-03-04T16:00", result(ConsultationResult.ADOPTED, null, null));
        ClockUtil.setCurrentTime(Date.from(berlin("2027-03-04T20:00")));

        Motion decided = scenario.motion(procedure);
        assertThat(decided.getDecision()).isEqualTo(ConsultationResult.ADOPTED);
        assertThat(decided.getDecisionText()).isEqualTo("Der Stadtrat beschließt die Leitlinien für Bürgerbeteiligung.");
        assertThat(council.bodyName(decided.getDecidingBodyId())).isEqualTo(STADTRAT);
        assertThat(decided.isDecisionPublished()).as("published by the job").isFalse();
        assertThat(variable(instance, VAR_COUNCIL_DECISION)).isEqualTo(DECISION_ADOPTED);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_PUBLISH_DECISION);
        BpmnAwareTests.assertThat(scenario.job(procedure, TASK_PUBLISH_DECISION)).hasRetries(3);

        scenario.executeJob(procedure, TASK_PUBLISH_DECISION);
        assertThat(scenario.motion(procedure).isDecisionPublished()).isTrue();
        assertThat(mailsTo(scenario.participant("anna"))).as("feedback is its own step").isEmpty();

        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);

        List<OutgoingMail> toAnna = mailsTo(scenario.participant("anna"));
        assertThat(toAnna).hasSize(1);
        assertThat(toAnna.get(0).subject()).isEqualTo("Rückmeldung: Beschluss zu „" + scenario.subject() + "“");
        assertThat(toAnna.get(0).body()).contains("Guten Tag Anna Beispiel", "Stadtrat hat am 04.03.2027",
            decided.getReference(), "beschlossen", "Ihr Kommentar zu Abschnitt 4.2: übernommen",
            "Ihr Kommentar zu Abschnitt 5: nicht übernommen", "https://beispiel.de/meine/1",
            "/oeffentlich/rat/vorlagen/" + decided.getId());
        assertThat(mailsTo(scenario.participant("ben"))).singleElement()
            .satisfies(mail -> assertThat(mail.body()).contains("Guten Tag,", "Ihre Bewerbung für den Arbeitskreis"));
        Motion fedBack = scenario.motion(procedure);
        assertThat(fedBack.getFeedbackRecipients()).isEqualTo(2);
        assertThat(fedBack.getStatus()).isEqualTo(MotionStatus.FEEDBACK_GIVEN);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_EVALUATION_DUE);
        Job evaluation = scenario.job(procedure, TIMER_EVALUATION_DUE);
        assertThat(evaluation.getDuedate()).isEqualTo(Date.from(berlin("2029-03-04T20:00")));

        ClockUtil.setCurrentTime(evaluation.getDuedate());
        scenario.executeJob(procedure, TIMER_EVALUATION_DUE);
        BpmnAwareTests.assertThat(scenario.task(procedure, TASK_EVALUATE)).hasCandidateGroup("officer");
        scenario.submit(procedure, TASK_EVALUATE, "officer",
            Map.of("evaluationNote", "Teilnehmendenbefragung im Mai 2029."));

        assertThat(scenario.motion(procedure).getStatus()).isEqualTo(MotionStatus.EVALUATED);
        assertThat(scenario.reload(procedure).getStatus()).isEqualTo(ProcedureStatus.COMPLETED);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_EVENT);
    }

    @Test
    void adoptedWithChanges_requiresTheChanges_andTheDecisionTextCarriesThem() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, STADTRAT);
        assertThat(scenario.consultations(scenario.motion(procedure))).singleElement()
            .satisfies(c -> assertThat(c.isAuthoritative()).isTrue());
        scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat", meeting("2027-02-17T18:00"));
        scenario.executeJob(procedure, TIMER_MEETING_BEGINS);

        InputRejectedException missing = rejected(() -> scenario.submit(procedure, TASK_RECORD_RESULT, "secretariat",
            result(ConsultationResult.ADOPTED_WITH_CHANGES, null, null)));
        assertThat(missing.field()).isEqualTo("changes");

        scenario.submit(procedure, TASK_RECORD_RESULT, "secretariat",
            result(ConsultationResult.ADOPTED_WITH_CHANGES, "Abschnitt 6 wird um eine Jugendbeteiligung ergänzt.", null));

        Motion decided = scenario.motion(procedure);
        assertThat(decided.getDecision()).isEqualTo(ConsultationResult.ADOPTED_WITH_CHANGES);
        assertThat(decided.getDecisionText()).contains("beschließt die Leitlinien",
            "Änderungen: Abschnitt 6 wird um eine Jugendbeteiligung ergänzt.");
        AgendaItem item = agendaItems.findById(scenario.consultations(decided).get(0).getAgendaItemId()).orElseThrow();
        assertThat(item.getChanges()).isEqualTo("Abschnitt 6 wird um eine Jugendbeteiligung ergänzt.");
        assertThat(item.getRecordedBy()).isEqualTo("secretariat");
        assertThat(variable(instance(procedure), VAR_COUNCIL_DECISION)).isEqualTo(DECISION_ADOPTED_WITH_CHANGES);
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_PUBLISH_DECISION);
    }

    @Test
    void rejected_isADecisionToo() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, "Hauptausschuss", STADTRAT);
        scenario.deliberate(procedure, "2027-02-10T17:00", result(ConsultationResult.REJECTED, null, "Empfehlung"));
        BpmnAwareTests.assertThat(instance(procedure)).as("a committee's rejection is a recommendation")
            .isWaitingAtExactly(TASK_SCHEDULE_CONSULTATION);

        scenario.deliberate(procedure, "2027-02-24T17:00", result(ConsultationResult.REJECTED, null, null));

        Motion decided = scenario.motion(procedure);
        assertThat(decided.getDecision()).isEqualTo(ConsultationResult.REJECTED);
        assertThat(variable(instance(procedure), VAR_COUNCIL_DECISION)).isEqualTo(DECISION_REJECTED);
        scenario.executeJob(procedure, TASK_PUBLISH_DECISION);
        assertThat(scenario.motion(procedure).isDecisionPublished()).isTrue();
    }

    @Test
    void deferred_isScheduledAgainInALaterMeeting() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, STADTRAT);
        scenario.deliberate(procedure, "2027-02-17T18:00", result(ConsultationResult.DEFERRED, null, "Zeitmangel"));

        Motion deferred = scenario.motion(procedure);
        Consultation consultation = scenario.consultations(deferred).get(0);
        assertThat(consultation.getResult()).isEqualTo(ConsultationResult.DEFERRED);
        assertThat(deferred.getStatus()).isEqualTo(MotionStatus.SUBMITTED);
        assertThat(deferred.getDecision()).isNull();
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_SCHEDULE_CONSULTATION);

        scenario.deliberate(procedure, "2027-03-17T18:00", result(ConsultationResult.ADOPTED, null, null));

        List<AgendaItem> items = agendaItems.findByConsultationIdOrderByIdAsc(consultation.getId());
        assertThat(items).extracting(AgendaItem::getResult)
            .containsExactly(ConsultationResult.DEFERRED, ConsultationResult.ADOPTED);
        assertThat(items).extracting(item -> meetings.findById(item.getMeetingId()).orElseThrow().getStartsAt())
            .containsExactly(berlin("2027-02-17T18:00"), berlin("2027-03-17T18:00"));
        assertThat(scenario.motion(procedure).getDecision()).isEqualTo(ConsultationResult.ADOPTED);
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_PUBLISH_DECISION);
    }

    @Test
    void referredBack_theMotionIsReworkedApprovedAndDeliberatedAnew() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, BEIRAT, null, STADTRAT);
        scenario.deliberate(procedure, "2027-02-10T17:00", result(ConsultationResult.ADOPTED, null, null));
        InputRejectedException noReason = rejected(() -> {
            scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat", meeting("2027-02-17T18:00"));
            scenario.executeJob(procedure, TIMER_MEETING_BEGINS);
            scenario.submit(procedure, TASK_RECORD_RESULT, "secretariat",
                result(ConsultationResult.REFERRED_BACK, null, null));
        });
        assertThat(noReason.field()).isEqualTo("resultNote");

        scenario.submit(procedure, TASK_RECORD_RESULT, "secretariat", result(ConsultationResult.REFERRED_BACK, null,
            "Kosten der Beteiligungsformate ergänzen."));

        Motion referred = scenario.motion(procedure);
        assertThat(referred.getRevision()).isEqualTo(1);
        assertThat(referred.getStatus()).isEqualTo(MotionStatus.DRAFT);
        assertThat(scenario.consultations(referred)).as("a new round of consultations").isEmpty();
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_DRAFT_MOTION);
        assertThat(taskService.getVariableLocal(scenario.task(procedure, TASK_DRAFT_MOTION).getId(), "reviewComment"))
            .isEqualTo("Kosten der Beteiligungsformate ergänzen.");

        scenario.submitted(procedure, null, null, STADTRAT);
        scenario.deliberate(procedure, "2027-03-17T18:00", result(ConsultationResult.ADOPTED, null, null));

        Motion decided = scenario.motion(procedure);
        assertThat(decided.getDecision()).isEqualTo(ConsultationResult.ADOPTED);
        assertThat(council.currentConsultations(decided)).singleElement()
            .satisfies(c -> assertThat(c.getRound()).isEqualTo(1));
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_PUBLISH_DECISION);
    }

    @Test
    void approval_fourEyes_andReworkNeedsAComment_thenBackToDrafting() {
        Procedure procedure = scenario.start();
        InputRejectedException noReasons = rejected(() -> scenario.submit(procedure, TASK_DRAFT_MOTION, "officer",
            scenario.draft(true, null)));
        assertThat(noReasons.field()).isEqualTo("deviationReasons");
        InputRejectedException badLink = rejected(() -> {
            Map<String, Object> values = new java.util.HashMap<>(scenario.draft(false, null));
            values.put("resultsReportUrl", "javascript:alert(1)");
            scenario.submit(procedure, TASK_DRAFT_MOTION, "officer", values);
        });
        assertThat(badLink.field()).isEqualTo("resultsReportUrl");
        scenario.submit(procedure, TASK_DRAFT_MOTION, "officer",
            scenario.draft(true, "Abschnitt 3 folgt nicht dem Vorschlag, weil die GemO es nicht erlaubt."));
        assertThat(scenario.motion(procedure).getDeviationReasons()).startsWith("Abschnitt 3");

        InputRejectedException ownApproval = rejected(() -> scenario.submit(procedure, TASK_APPROVE_MOTION, "officer",
            approve()));
        assertThat(ownApproval.getMessage()).contains("Vier-Augen-Prinzip");
        taskService.setAssignee(scenario.task(procedure, TASK_APPROVE_MOTION).getId(), null);
        InputRejectedException noComment = rejected(() -> scenario.submit(procedure, TASK_APPROVE_MOTION,
            "coordination", Map.of(VAR_MOTION_DECISION, MOTION_REWORK)));
        assertThat(noComment.field()).isEqualTo("reviewComment");

        scenario.submit(procedure, TASK_APPROVE_MOTION, "coordination",
            Map.of(VAR_MOTION_DECISION, MOTION_REWORK, "reviewComment", "Bitte den Ergebnisbericht verlinken."));

        assertThat(scenario.motion(procedure).getStatus()).isEqualTo(MotionStatus.DRAFT);
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_DRAFT_MOTION);
    }

    @Test
    void schedulingInsideTheNoticePeriod_isRefusedWithTheReason() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, STADTRAT);

        // Monday 1 Feb: a meeting on Friday 5 Feb leaves only Tue, Wed, Thu as full days
        InputRejectedException tooSoon = rejected(() -> scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION,
            "secretariat", meeting("2027-02-05T18:00")));

        assertThat(tooSoon.field()).isEqualTo("meetingStart");
        assertThat(tooSoon.getMessage()).contains("mindestens 4 volle Tage", "05.02.2027, 18:00 Uhr",
            "spätestens am 31.01.2027");
        assertThat(scenario.consultations(scenario.motion(procedure)).get(0).getAgendaItemId()).isNull();
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_SCHEDULE_CONSULTATION);

        // Saturday 6 Feb: Tue to Fri are four full days
        scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat", meeting("2027-02-06T10:00"));
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TIMER_MEETING_BEGINS);
    }

    @Test
    void guard_theDecisionWaitsUntilTheParticipationIsClosed_andThenTellsIt() {
        deployOnce(GUARD_PROCESS, Bpmn.createExecutableProcess(GUARD_PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_CommentingOpen").name("Kommentierung läuft")
            .intermediateCatchEvent("Message_CouncilDecisionTaken").message(MESSAGE_DECISION_TAKEN)
            .endEvent().done());
        Procedure commenting = procedureService.create(TENANT, "Kommentierung " + scenario.subject(), "TEST",
            GUARD_PROCESS);
        procedureService.startProcess(commenting, Map.of());
        Procedure procedure = scenario.start(commenting.getBusinessKey());
        scenario.submitted(procedure, BEIRAT, null, STADTRAT);
        scenario.deliberate(procedure, "2027-02-10T17:00", result(ConsultationResult.ADOPTED, null, null));

        InputRejectedException open = rejected(() -> scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION,
            "secretariat", meeting("2027-02-17T18:00")));

        assertThat(open.field()).isEqualTo("meetingStart");
        assertThat(open.getMessage()).contains("solange die Beteiligung läuft", commenting.getBusinessKey(),
            "Kommentierung läuft");
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_SCHEDULE_CONSULTATION);

        taskService.complete(taskService.createTaskQuery().processInstanceId(commenting.getProcessInstanceId())
            .singleResult().getId());
        scenario.deliberate(procedure, "2027-02-17T18:00", result(ConsultationResult.ADOPTED, null, null));
        scenario.executeJob(procedure, TASK_PUBLISH_DECISION);

        assertThat(scenario.reload(commenting).getStatus()).as("the message ended the waiting procedure")
            .isEqualTo(ProcedureStatus.COMPLETED);
        assertThat(historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(commenting.getProcessInstanceId()).variableName(VAR_COUNCIL_DECISION).singleResult()
            .getValue()).isEqualTo(DECISION_ADOPTED);
    }

    @Test
    void failingMailServer_feedbackIsRetriedThenAnIncident_andAfterRepairEachParticipantGetsOneMail() {
        Procedure procedure = decidedAndPublished();
        participants.register(procedure.getId(), List.of(new FeedbackRecipient(scenario.participant("clara"),
            "Clara", "Ihre Stimme", "gezählt", null)));
        mailGateway.failWith("SMTP-Server antwortet nicht");

        List<Integer> retriesLeft = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = scenario.job(procedure, TASK_SEND_FEEDBACK);
            assertThat(catchThrowable(() -> managementService.executeJob(job.getId()))).isNotNull();
            retriesLeft.add(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries());
        }

        assertThat(retriesLeft).containsExactly(2, 1, 0);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(procedure.getProcessInstanceId())
            .singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(TASK_SEND_FEEDBACK);
        assertThat(scenario.motion(procedure).getFeedbackSentAt()).isNull();

        mailGateway.reset();
        Job failed = scenario.job(procedure, TASK_SEND_FEEDBACK);
        managementService.setJobRetries(failed.getId(), 1);
        managementService.executeJob(failed.getId());

        assertThat(mailsTo(scenario.participant("clara"))).hasSize(1);
        assertThat(scenario.motion(procedure).getFeedbackRecipients()).isEqualTo(1);
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TIMER_EVALUATION_DUE);
    }

    @Test
    void publication_runTwice_publishesOnce() {
        Procedure procedure = decidedAndPublished();
        Instant first = scenario.motion(procedure).getDecisionPublishedAt();
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(3600)));

        runtimeService.createProcessInstanceModification(procedure.getProcessInstanceId())
            .cancelAllForActivity(TASK_SEND_FEEDBACK).startBeforeActivity(TASK_PUBLISH_DECISION).execute();
        scenario.executeJob(procedure, TASK_PUBLISH_DECISION);

        assertThat(scenario.motion(procedure).getDecisionPublishedAt()).isEqualTo(first);
        BpmnAwareTests.assertThat(instance(procedure)).isWaitingAtExactly(TASK_SEND_FEEDBACK);
    }

    @Test
    void calledAsCallActivity_createsItsMotion_andHandsTheDecisionBack() {
        deployOnce(CALLER_PROCESS, Bpmn.createExecutableProcess(CALLER_PROCESS).camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("CallActivity_CouncilDecision").calledElement(PROCESS_ID)
            .camundaIn(VAR_PROCEDURE_ID, VAR_PROCEDURE_ID).camundaIn(VAR_TENANT_ID, VAR_TENANT_ID)
            .camundaIn(VAR_PARTICIPATION_FORMAT, VAR_PARTICIPATION_FORMAT)
            .camundaIn(VAR_RESULTS_REPORT_URL, VAR_RESULTS_REPORT_URL)
            .camundaOut(VAR_COUNCIL_DECISION, VAR_COUNCIL_DECISION)
            .userTask("Task_AfterCouncil").endEvent().done());
        Procedure caller = procedureService.create(TENANT, "Abstimmung " + scenario.subject(), "TEST", CALLER_PROCESS);
        procedureService.startProcess(caller, Map.of(VAR_PARTICIPATION_FORMAT, "Abstimmung",
            VAR_RESULTS_REPORT_URL, "/oeffentlich/abstimmungen/7/ergebnis"));
        ProcessInstance called = runtimeService.createProcessInstanceQuery()
            .superProcessInstanceId(caller.getProcessInstanceId()).singleResult();
        assertThat(called.getTenantId()).isEqualTo(TENANT);
        scenario.followCalledInstance(caller, called.getId());
        Procedure asSeen = caller;

        Motion motion = scenario.motion(caller);
        assertThat(motion.getSubject()).isEqualTo("Abstimmung " + scenario.subject());
        assertThat(motion.getParticipationFormat()).isEqualTo("Abstimmung");
        assertThat(motion.getResultsReportUrl()).isEqualTo("/oeffentlich/abstimmungen/7/ergebnis");
        assertThat(motion.getParticipationProcedureId()).isEqualTo(caller.getId());
        assertThat(scenario.reload(caller).getPhase()).contains("Beschlussvorlage verfassen");

        scenario.submitted(asSeen, null, null, STADTRAT);
        scenario.deliberate(asSeen, "2027-02-17T18:00", result(ConsultationResult.ADOPTED_WITH_CHANGES,
            "Quorum 2 %", null));
        scenario.executeJob(asSeen, TASK_PUBLISH_DECISION);
        scenario.executeJob(asSeen, TASK_SEND_FEEDBACK);
        scenario.executeJob(asSeen, TIMER_EVALUATION_DUE);
        scenario.submit(asSeen, TASK_EVALUATE, "officer", Map.of("evaluationNote", "erledigt"));

        assertThat(runtimeService.getVariable(caller.getProcessInstanceId(), VAR_COUNCIL_DECISION))
            .isEqualTo(DECISION_ADOPTED_WITH_CHANGES);
        assertThat(taskService.createTaskQuery().processInstanceId(caller.getProcessInstanceId())
            .taskDefinitionKey("Task_AfterCouncil").count()).isEqualTo(1);
    }

    @Test
    void calledAsCallActivity_theCallerGoesOnAtTheDecision_whileFeedbackAndEvaluationRunOn() {
        deployOnce(ESCALATION_CALLER, Bpmn.createExecutableProcess(ESCALATION_CALLER).camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("CallActivity_CouncilDecision").calledElement(PROCESS_ID)
            .camundaIn(VAR_PROCEDURE_ID, VAR_PROCEDURE_ID).camundaIn(VAR_TENANT_ID, VAR_TENANT_ID)
            .camundaOut(VAR_COUNCIL_DECISION, VAR_COUNCIL_DECISION)
            .endEvent("End_AfterCouncil")
            .moveToActivity("CallActivity_CouncilDecision")
            .boundaryEvent("Boundary_CouncilDecided").cancelActivity(false).escalation("CouncilDecided")
            .userTask("Task_GoOnWithTheDecision").endEvent()
            .done());
        Procedure caller = procedureService.create(TENANT, "Leitlinien " + scenario.subject(), "TEST",
            ESCALATION_CALLER);
        procedureService.startProcess(caller, Map.of());
        ProcessInstance called = runtimeService.createProcessInstanceQuery()
            .superProcessInstanceId(caller.getProcessInstanceId()).singleResult();
        scenario.followCalledInstance(caller, called.getId());

        scenario.submitted(caller, null, null, STADTRAT);
        scenario.deliberate(caller, "2027-02-17T18:00", result(ConsultationResult.ADOPTED, null, null));
        assertThat(taskService.createTaskQuery().processInstanceId(caller.getProcessInstanceId()).count())
            .as("nothing for the caller before the decision is published").isZero();
        scenario.executeJob(caller, TASK_PUBLISH_DECISION);

        assertThat(taskService.createTaskQuery().processInstanceId(caller.getProcessInstanceId())
            .taskDefinitionKey("Task_GoOnWithTheDecision").count()).as("the caller goes on at the decision").isOne();
        BpmnAwareTests.assertThat(called).isWaitingAtExactly(TASK_SEND_FEEDBACK).hasPassed(EVENT_COUNCIL_DECIDED);
    }

    private Procedure decidedAndPublished() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, STADTRAT);
        scenario.deliberate(procedure, "2027-02-17T18:00", result(ConsultationResult.ADOPTED, null, null));
        scenario.executeJob(procedure, TASK_PUBLISH_DECISION);
        return procedure;
    }

    private void deployOnce(String processId, BpmnModelInstance model) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(processId).count() == 0) {
            repositoryService.createDeployment().name(processId).addModelInstance(processId + ".bpmn", model)
                .deploy();
        }
    }

    private ProcessInstance instance(Procedure procedure) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(procedure.getProcessInstanceId())
            .singleResult();
    }

    private Object variable(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId()).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    private List<OutgoingMail> mailsTo(String address) {
        return mailGateway.delivered().stream().filter(mail -> address.equals(mail.to())).toList();
    }

    private static InputRejectedException rejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        InputRejectedException rejected = InputRejectedException.in(catchThrowable(call));
        assertThat(rejected).as("refused with a reason").isNotNull();
        return rejected;
    }
}

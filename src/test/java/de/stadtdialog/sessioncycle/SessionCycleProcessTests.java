package de.stadtdialog.sessioncycle;

import static de.stadtdialog.sessioncycle.SessionCycleProcess.*;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.TENANT;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.agenda;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.berlin;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.decision;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import de.stadtdialog.notification.MailDeliveryException;
import de.stadtdialog.notification.MailService;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The session-cycle process, one test per path: effects first (session row, mails and outbox, the procedure's
 * read model), then where the process stands. The engine clock is fixed so dates in assertions are readable.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(PROCESS_ID)
@Tag("database")
class SessionCycleProcessTests {

    /** Monday 1 February 2027, 09:00 in Berlin. */
    private static final Instant NOW = berlin("2027-02-01T09:00");
    /** Wednesday 17 February 2027, 18:00. */
    private static final Instant SESSION = berlin("2027-02-17T18:00");
    /** With P4D the invitation must be out before Saturday 13 February (Sat, Sun, Mon, Tue are the full days). */
    private static final Instant DEADLINE_P4D = berlin("2027-02-13T00:00");
    private static final Instant MINUTES_DUE = berlin("2027-03-03T18:00");

    private static final String MINUTES = "TOP 1: Begrüßung durch Frau Schneider.\n"
        + "TOP 2: Kapitel 4 wird mit zwei Änderungen angenommen.\nTOP 3: Nächste Sitzung im März.";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    MailService mailService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;

    private SessionCycleScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new SessionCycleScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        identityService.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void happyPath_agendaInvitationSessionMinutesApprovalPublication() {
        Procedure procedure = scenario.plan(SESSION, "P4D");

        PublicSession planned = scenario.session(procedure);
        assertThat(planned.getStartsAt()).isEqualTo(SESSION);
        assertThat(planned.getNoticePeriod()).isEqualTo("P4D");
        assertThat(planned.getRecipients()).isEqualTo(String.join("\n", scenario.recipients()));
        assertThat(planned.getInvitationSentAt()).isNull();
        assertThat(publiclyVisible(planned)).isFalse();
        Procedure status = scenario.reload(procedure);
        assertThat(status.getStatus()).isEqualTo(ProcedureStatus.RUNNING);
        assertThat(status.getPhase()).isEqualTo("Tagesordnung entwerfen");
        assertThat(status.getNextDeadline()).isEqualTo(DEADLINE_P4D);
        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_DRAFT_AGENDA);
        BpmnAwareTests.assertThat(task(TASK_DRAFT_AGENDA, instance)).hasCandidateGroup("officer").isNotAssigned()
            .hasDueDate(Date.from(DEADLINE_P4D));
        BpmnAwareTests.assertThat(job(TIMER_INVITATION_DEADLINE, instance)).hasDueDate(Date.from(DEADLINE_P4D));

        scenario.submit(procedure, TASK_DRAFT_AGENDA, "officer", agenda());

        PublicSession drafted = scenario.session(procedure);
        assertThat(drafted.getFormat()).isEqualTo("hybrid");
        assertThat(drafted.getLocation()).isEqualTo("Rathaus, Sitzungssaal 2");
        assertThat(drafted.getAgenda()).startsWith("TOP 1: Begrüßung");
        assertThat(drafted.getInvitationSentAt()).as("nothing sent before the job runs").isNull();
        assertThat(mailsTo(scenario.recipients())).isEmpty();
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Einladung versenden und bekannt machen");
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_DRAFT_AGENDA).isWaitingAtExactly(TASK_SEND_INVITATION);
        Job sendInvitation = job(TASK_SEND_INVITATION, instance);
        BpmnAwareTests.assertThat(sendInvitation).hasRetries(3);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
            .as("the notice-period timer ends with the agenda task").isZero();

        execute(sendInvitation);

        List<OutgoingMail> invitations = mailsTo(scenario.recipients());
        assertThat(invitations).extracting(OutgoingMail::to)
            .containsExactlyInAnyOrderElementsOf(scenario.recipients());
        assertThat(invitations).allSatisfy(mail -> {
            assertThat(mail.tenantId()).isEqualTo(TENANT);
            assertThat(mail.subject()).isEqualTo("Einladung: " + SessionCycleScenario.BODY
                + " am 17.02.2027, 18:00 Uhr");
            assertThat(mail.body()).contains("Zeit: 17.02.2027, 18:00 Uhr", "Ort: Rathaus, Sitzungssaal 2",
                "TOP 2: Entwurf Kapitel 4", "/oeffentlich/sitzungen/" + planned.getId());
        });
        assertThat(outboxKeys(scenario.recipients())).containsExactlyInAnyOrderElementsOf(
            scenario.recipients().stream().map(to -> invitationKey(planned, to)).toList());
        PublicSession invited = scenario.session(procedure);
        assertThat(invited.getInvitationSentAt()).isEqualTo(NOW);
        assertThat(publiclyVisible(invited)).isTrue();
        status = scenario.reload(procedure);
        assertThat(status.getPhase()).isEqualTo("Warten auf „Sitzungsbeginn erreicht“");
        assertThat(status.getNextDeadline()).isEqualTo(SESSION);
        assertThat(status.getOpenTaskCount()).isZero();
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_SESSION_BEGINS);
        BpmnAwareTests.assertThat(job(TIMER_SESSION_BEGINS, instance)).hasDueDate(Date.from(SESSION));

        ClockUtil.setCurrentTime(Date.from(SESSION.plus(Duration.ofHours(3))));
        execute(job(TIMER_SESSION_BEGINS, instance));

        status = scenario.reload(procedure);
        assertThat(status.getPhase()).isEqualTo("Anwesenheit und Protokoll erfassen");
        assertThat(status.getNextDeadline()).isEqualTo(MINUTES_DUE);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_RECORD_SESSION);
        BpmnAwareTests.assertThat(task(TASK_RECORD_SESSION, instance)).hasCandidateGroup("officer")
            .hasDueDate(Date.from(MINUTES_DUE));

        scenario.submit(procedure, TASK_RECORD_SESSION, "officer", minutes(MINUTES));

        PublicSession recorded = scenario.session(procedure);
        assertThat(recorded.getAttendeeCount()).isEqualTo(11);
        assertThat(recorded.getQuorate()).isTrue();
        assertThat(recorded.getMinutes()).isEqualTo(MINUTES);
        assertThat(recorded.getMinutesAuthor()).isEqualTo("officer");
        assertThat(recorded.isMinutesPublished()).isFalse();
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Protokoll prüfen und genehmigen");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_APPROVE_MINUTES);
        Task approval = task(TASK_APPROVE_MINUTES, instance);
        BpmnAwareTests.assertThat(approval).hasCandidateGroup("coordination").isNotAssigned();
        assertThat(taskService.getVariableLocal(approval.getId(), "minutes")).as("shown to the reviewer")
            .isEqualTo(MINUTES);

        scenario.submit(procedure, TASK_APPROVE_MINUTES, "coordination", decision(DECISION_APPROVE, null));

        PublicSession approved = scenario.session(procedure);
        assertThat(approved.getMinutesReviewer()).isEqualTo("coordination");
        assertThat(approved.isMinutesPublished()).as("published by the next step").isFalse();
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Protokoll veröffentlichen");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_PUBLISH_MINUTES)
            .hasVariables(VAR_MINUTES_DECISION);
        mailGateway.reset();
        Instant publishedAt = SESSION.plus(Duration.ofDays(2));
        ClockUtil.setCurrentTime(Date.from(publishedAt));

        execute(job(TASK_PUBLISH_MINUTES, instance));

        assertThat(scenario.session(procedure).getMinutesPublishedAt()).isEqualTo(publishedAt);
        List<OutgoingMail> notices = mailsTo(scenario.recipients());
        assertThat(notices).extracting(OutgoingMail::to).containsExactlyInAnyOrderElementsOf(scenario.recipients());
        assertThat(notices).allSatisfy(mail -> assertThat(mail.subject())
            .isEqualTo("Protokoll veröffentlicht: " + SessionCycleScenario.BODY + " vom 17.02.2027, 18:00 Uhr"));
        status = scenario.reload(procedure);
        assertThat(status.getStatus()).isEqualTo(ProcedureStatus.COMPLETED);
        assertThat(status.getPhase()).isEqualTo("Abgeschlossen: Protokoll veröffentlicht");
        assertThat(status.getNextDeadline()).isNull();
        assertThat(status.getOpenTaskCount()).isZero();
        assertThat(status.getEndedAt()).isEqualTo(publishedAt);
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("StartEvent_SessionPlanned", TASK_DRAFT_AGENDA,
            TASK_SEND_INVITATION, TIMER_SESSION_BEGINS, TASK_RECORD_SESSION, TASK_APPROVE_MINUTES,
            GATEWAY_MINUTES_APPROVED, TASK_PUBLISH_MINUTES, END_MINUTES_PUBLISHED)
            .hasNotPassed(TASK_RESCHEDULE_SESSION).isEnded();
    }

    @Test
    void invitationDeadlinePassed_sessionMustBeRescheduledRespectingTheNoticePeriod() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        ProcessInstance instance = scenario.instance(procedure);
        // Saturday 13 February, 08:00: the agenda is still not drafted
        Instant saturdayMorning = DEADLINE_P4D.plus(Duration.ofHours(8));
        ClockUtil.setCurrentTime(Date.from(saturdayMorning));

        execute(job(TIMER_INVITATION_DEADLINE, instance));

        assertThat(scenario.session(procedure).getInvitationSentAt()).isNull();
        assertThat(mailsTo(scenario.recipients())).isEmpty();
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Sitzung verlegen");
        BpmnAwareTests.assertThat(instance).hasPassed(TIMER_INVITATION_DEADLINE)
            .isWaitingAtExactly(TASK_RESCHEDULE_SESSION);
        Task reschedule = task(TASK_RESCHEDULE_SESSION, instance);
        BpmnAwareTests.assertThat(reschedule).hasCandidateGroup("officer");

        // keeping the old date (or any date before Thursday) cannot be done with four days' notice any more
        InputRejectedException tooEarly = rejection(() -> scenario.submit(procedure, TASK_RESCHEDULE_SESSION,
            "officer", Map.of("sessionStart", "2027-02-17T18:00", "rescheduleReason", "Raum war belegt")));

        assertThat(tooEarly.field()).isEqualTo("sessionStart");
        assertThat(tooEarly.getMessage()).isEqualTo("Der neue Termin ist zu früh: Bei 4 vollen Tagen "
            + "Ladungsfrist muss die Sitzung später liegen.");
        PublicSession unchanged = scenario.session(procedure);
        assertThat(unchanged.getStartsAt()).isEqualTo(SESSION);
        assertThat(unchanged.getRescheduleLog()).isNull();
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_RESCHEDULE_SESSION);
        assertThat(task(TASK_RESCHEDULE_SESSION, instance).getId()).as("the same task stays open")
            .isEqualTo(reschedule.getId());

        // a form-js date-time is local Berlin time
        scenario.submit(procedure, TASK_RESCHEDULE_SESSION, "officer",
            Map.of("sessionStart", "2027-02-24T18:00", "rescheduleReason", "Ladungsfrist verpasst"));

        Instant newSession = berlin("2027-02-24T18:00");
        Instant newDeadline = berlin("2027-02-20T00:00");
        PublicSession rescheduled = scenario.session(procedure);
        assertThat(rescheduled.getStartsAt()).isEqualTo(newSession);
        assertThat(rescheduled.getRescheduleLog()).isEqualTo(
            "13.02.2027, 08:00 Uhr: verlegt auf 24.02.2027, 18:00 Uhr von officer – Ladungsfrist verpasst");
        Procedure status = scenario.reload(procedure);
        assertThat(status.getPhase()).isEqualTo("Tagesordnung entwerfen");
        assertThat(status.getNextDeadline()).isEqualTo(newDeadline);
        BpmnAwareTests.assertThat(instance).hasPassedInOrder(TIMER_INVITATION_DEADLINE, TASK_RESCHEDULE_SESSION,
            "Gateway_AgendaJoin").isWaitingAtExactly(TASK_DRAFT_AGENDA);
        BpmnAwareTests.assertThat(instance).variables()
            .containsEntry(VAR_INVITATION_DEADLINE, Date.from(newDeadline))
            .containsEntry(VAR_SESSION_STARTS_AT, Date.from(newSession))
            .containsEntry(VAR_MINUTES_DUE, Date.from(newSession.plus(Duration.ofDays(14))));
        BpmnAwareTests.assertThat(task(TASK_DRAFT_AGENDA, instance)).hasDueDate(Date.from(newDeadline));
        BpmnAwareTests.assertThat(job(TIMER_INVITATION_DEADLINE, instance)).hasDueDate(Date.from(newDeadline));

        // the invitation that goes out now names the new date and waits for it
        scenario.inviteTo(procedure);

        assertThat(mailsTo(scenario.recipients())).hasSize(3).allSatisfy(mail ->
            assertThat(mail.subject()).endsWith("am 24.02.2027, 18:00 Uhr"));
        BpmnAwareTests.assertThat(job(TIMER_SESSION_BEGINS, instance)).hasDueDate(Date.from(newSession));
    }

    @Test
    void noticePeriodIsAParameterOfThePlan() {
        // seven days: the invitation for Wednesday 17 February must be out before Wednesday 10 February
        Instant deadline = berlin("2027-02-10T00:00");

        Procedure procedure = scenario.plan(SESSION, "P7D");

        assertThat(scenario.session(procedure).getNoticePeriod()).isEqualTo("P7D");
        assertThat(scenario.reload(procedure).getNextDeadline()).isEqualTo(deadline);
        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).variables().containsEntry(VAR_NOTICE_PERIOD, "P7D")
            .containsEntry(VAR_INVITATION_DEADLINE, Date.from(deadline));
        BpmnAwareTests.assertThat(task(TASK_DRAFT_AGENDA, instance)).hasDueDate(Date.from(deadline));
        BpmnAwareTests.assertThat(job(TIMER_INVITATION_DEADLINE, instance)).hasDueDate(Date.from(deadline));

        // Monday 8 February is too close for seven days' notice, although four would do
        Instant nextMonday = berlin("2027-02-08T18:00");
        SessionCycleScenario other = new SessionCycleScenario(context);
        InputRejectedException tooClose = rejection(() -> other.plan(nextMonday, "P7D"));

        assertThat(tooClose.field()).isEqualTo("startsAt");
        assertThat(tooClose.getMessage()).isEqualTo("Zu kurzfristig: Bei 7 vollen Tagen Ladungsfrist hätte die "
            + "Einladung bis 31.01.2027, 23:59 Uhr verschickt werden müssen.");
        assertThat(jdbc.queryForObject("select count(*) from procedure where title = ?", Integer.class,
            other.title())).isZero();
        assertThat(other.reload(other.plan(nextMonday, "P4D")).getNextDeadline())
            .isEqualTo(berlin("2027-02-04T00:00"));
    }

    @Test
    void minutesReturnedForReworkComeBackWithTheReviewersComment() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        ProcessInstance instance = scenario.instance(procedure);
        scenario.recordMinutesOf(procedure);
        String firstDraft = scenario.session(procedure).getMinutes();
        mailGateway.reset();

        InputRejectedException noComment = rejection(() -> scenario.submit(procedure, TASK_APPROVE_MINUTES,
            "coordination", decision(DECISION_REWORK, "   ")));

        assertThat(noComment.field()).isEqualTo("reviewComment");
        assertThat(noComment.getMessage()).isEqualTo("Bitte schreiben Sie, was am Protokoll zu überarbeiten ist.");
        assertThat(scenario.session(procedure).getMinutesReviewer()).isNull();
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_APPROVE_MINUTES);

        String comment = "TOP 2: Bitte die beiden Änderungen an Kapitel 4 einzeln aufführen.";
        scenario.submit(procedure, TASK_APPROVE_MINUTES, "coordination", decision(DECISION_REWORK, comment));

        PublicSession returned = scenario.session(procedure);
        assertThat(returned.getReviewComment()).isEqualTo(comment);
        assertThat(returned.getMinutesReviewer()).isEqualTo("coordination");
        assertThat(returned.isMinutesPublished()).isFalse();
        assertThat(mailsTo(scenario.recipients())).isEmpty();
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Anwesenheit und Protokoll erfassen");
        BpmnAwareTests.assertThat(instance).hasPassed(GATEWAY_MINUTES_APPROVED, "Gateway_MinutesJoin")
            .isWaitingAtExactly(TASK_RECORD_SESSION);
        Task rework = task(TASK_RECORD_SESSION, instance);
        assertThat(taskService.getVariablesLocal(rework.getId()))
            .containsEntry("reviewComment", comment)
            .containsEntry("minutes", firstDraft)
            .containsEntry("attendeeCount", 11);

        String revised = firstDraft + "\nÄnderung 1: Abschnitt 4.2 neu gefasst.\nÄnderung 2: Abschnitt 4.5 gestrichen.";
        scenario.submit(procedure, TASK_RECORD_SESSION, "officer", minutes(revised));
        scenario.submit(procedure, TASK_APPROVE_MINUTES, "coordination", decision(DECISION_APPROVE, null));
        scenario.executeJob(procedure, TASK_PUBLISH_MINUTES);

        PublicSession published = scenario.session(procedure);
        assertThat(published.getMinutes()).isEqualTo(revised);
        assertThat(published.isMinutesPublished()).isTrue();
        assertThat(mailsTo(scenario.recipients())).hasSize(3);
        assertThat(scenario.reload(procedure).getStatus()).isEqualTo(ProcedureStatus.COMPLETED);
        BpmnAwareTests.assertThat(instance).hasPassedInOrder(TASK_RECORD_SESSION, TASK_APPROVE_MINUTES,
            TASK_RECORD_SESSION, TASK_APPROVE_MINUTES, TASK_PUBLISH_MINUTES).isEnded();
    }

    @Test
    void authorCannotApproveTheirOwnMinutes() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        ProcessInstance instance = scenario.instance(procedure);
        scenario.recordMinutesOf(procedure);
        Task approval = task(TASK_APPROVE_MINUTES, instance);

        InputRejectedException ownMinutes = rejection(() -> scenario.submit(procedure, TASK_APPROVE_MINUTES,
            "officer", decision(DECISION_APPROVE, null)));

        assertThat(ownMinutes.getMessage()).contains("Vier-Augen-Prinzip", "officer");
        assertNothingDecided(procedure, instance, approval);

        // the same through Camunda Tasklist: not claimed, the logged-in author completes it
        taskService.setAssignee(approval.getId(), null);
        identityService.setAuthentication("officer", List.of("officer"), List.of(TENANT));
        InputRejectedException viaTasklist = rejection(() -> formService.submitTaskForm(approval.getId(),
            decision(DECISION_APPROVE, null)));
        identityService.clearAuthentication();

        assertThat(viaTasklist.getMessage()).contains("Vier-Augen-Prinzip");
        assertNothingDecided(procedure, instance, approval);

        // nor by handing the task to a colleague and completing it oneself (REST, Camunda Tasklist)
        taskService.setAssignee(approval.getId(), "officer-2");
        identityService.setAuthentication("officer", List.of("officer"), List.of(TENANT));
        InputRejectedException viaColleague = rejection(() -> formService.submitTaskForm(approval.getId(),
            decision(DECISION_APPROVE, null)));
        identityService.clearAuthentication();

        assertThat(viaColleague.getMessage()).contains("Vier-Augen-Prinzip");
        assertNothingDecided(procedure, instance, approval);

        // the rule is about the person, not the role: a second officer may approve
        scenario.submit(procedure, TASK_APPROVE_MINUTES, "officer-2", decision(DECISION_APPROVE, null));

        assertThat(scenario.session(procedure).getMinutesReviewer()).isEqualTo("officer-2");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_PUBLISH_MINUTES);
    }

    private void assertNothingDecided(Procedure procedure, ProcessInstance instance, Task approval) {
        PublicSession session = scenario.session(procedure);
        assertThat(session.getMinutesReviewer()).isNull();
        assertThat(session.getReviewComment()).isNull();
        assertThat(session.isMinutesPublished()).isFalse();
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Protokoll prüfen und genehmigen");
        assertThat(runtimeService.getVariable(instance.getId(), VAR_MINUTES_DECISION)).isNull();
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_APPROVE_MINUTES);
        assertThat(task(TASK_APPROVE_MINUTES, instance).getId()).isEqualTo(approval.getId());
    }

    @Test
    void failingMailServerIsRetriedThenRaisesAnIncident_andTheRetryAfterRepairMailsEachRecipientOnce() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        ProcessInstance instance = scenario.instance(procedure);
        scenario.submit(procedure, TASK_DRAFT_AGENDA, "officer", agenda());
        mailGateway.failWith("SMTP-Server mail.kaiserslautern.de antwortet nicht");
        Job job = job(TASK_SEND_INVITATION, instance);
        BpmnAwareTests.assertThat(job).hasRetries(3);

        List<Integer> retriesLeft = new ArrayList<>();
        List<Date> nextTries = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Throwable failure = catchThrowable(() -> managementService.executeJob(job.getId()));
            assertThat(failure).as("attempt %d fails", attempt).isNotNull();
            assertThat(causeChain(failure)).anySatisfy(cause -> assertThat(cause)
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("antwortet nicht"));
            Job afterAttempt = managementService.createJobQuery().jobId(job.getId()).singleResult();
            retriesLeft.add(afterAttempt.getRetries());
            nextTries.add(afterAttempt.getDuedate());
        }

        // R3/PT5M: three tries in all, five minutes apart, then the job waits for a person
        assertThat(retriesLeft).containsExactly(2, 1, 0);
        assertThat(nextTries.get(0)).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(5))));
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(TASK_SEND_INVITATION);
        assertThat(incident.getConfiguration()).isEqualTo(job.getId());
        assertThat(incident.getIncidentMessage()).contains("antwortet nicht");
        assertThat(scenario.session(procedure).getInvitationSentAt()).as("no invitation marked as sent").isNull();
        assertThat(publiclyVisible(scenario.session(procedure))).isFalse();
        assertThat(outboxKeys(scenario.recipients())).isEmpty();
        assertThat(mailsTo(scenario.recipients())).isEmpty();
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SEND_INVITATION);

        // the mail server is back; coordination retries the job in Cockpit
        mailGateway.reset();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        assertThat(mailsTo(scenario.recipients())).extracting(OutgoingMail::to)
            .containsExactlyInAnyOrderElementsOf(scenario.recipients());
        assertThat(outboxKeys(scenario.recipients())).hasSize(3);
        assertThat(scenario.session(procedure).getInvitationSentAt()).isEqualTo(NOW);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService.createHistoricIncidentQuery().processInstanceId(instance.getId()).resolved()
            .count()).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_SESSION_BEGINS);
    }

    @Test
    void sendingTheInvitationAgainMailsNobodyTwice() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        ProcessInstance instance = scenario.instance(procedure);
        scenario.submit(procedure, TASK_DRAFT_AGENDA, "officer", agenda());
        PublicSession session = scenario.session(procedure);
        // a crash after the second member's mail had gone out and been recorded, before the job completed
        String alreadyInvited = scenario.recipients().get(1);
        mailService.send(new OutgoingMail(TENANT, invitationKey(session, alreadyInvited), alreadyInvited,
            "Einladung (erster Versuch)", "…"));
        mailGateway.reset();

        scenario.executeJob(procedure, TASK_SEND_INVITATION);

        assertThat(mailsTo(scenario.recipients())).extracting(OutgoingMail::to)
            .containsExactlyInAnyOrder(scenario.recipients().get(0), scenario.recipients().get(2));
        assertThat(outboxKeys(scenario.recipients())).hasSize(3);
        assertThat(scenario.session(procedure).getInvitationSentAt()).isEqualTo(NOW);

        // the whole step once more, e.g. restarted in Cockpit an hour later
        mailGateway.reset();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(1))));
        runtimeService.createProcessInstanceModification(instance.getId())
            .startBeforeActivity(TASK_SEND_INVITATION)
            .cancelAllForActivity(TIMER_SESSION_BEGINS)
            .execute();
        scenario.executeJob(procedure, TASK_SEND_INVITATION);

        assertThat(mailsTo(scenario.recipients())).isEmpty();
        assertThat(outboxKeys(scenario.recipients())).hasSize(3);
        assertThat(scenario.session(procedure).getInvitationSentAt()).as("first sending stays on record")
            .isEqualTo(NOW);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_SESSION_BEGINS);
    }

    @Test
    void instanceBelongsToTheProceduresTenantAndCarriesItsBusinessKey() {
        Procedure procedure = scenario.plan(SESSION, "P4D");

        ProcessInstance instance = scenario.instance(procedure);

        assertThat(procedure.getBusinessKey()).matches("2027-\\d{5}");
        assertThat(instance.getTenantId()).isEqualTo(TENANT);
        BpmnAwareTests.assertThat(instance).hasBusinessKey(procedure.getBusinessKey()).variables()
            .containsEntry("procedureId", procedure.getId())
            .containsEntry("tenantId", TENANT)
            .containsEntry(VAR_SESSION_ID, scenario.session(procedure).getId());
        assertThat(task(TASK_DRAFT_AGENDA, instance).getTenantId()).isEqualTo(TENANT);
        assertThat(job(TIMER_INVITATION_DEADLINE, instance).getTenantId()).isEqualTo(TENANT);
        assertThat(scenario.session(procedure).getTenantId()).isEqualTo(TENANT);
        assertThat(repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getTenantId())
            .as("one definition shared by all municipalities").isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .tenantIdIn("andere-stadt").count()).isZero();
    }

    private List<OutgoingMail> mailsTo(List<String> recipients) {
        return mailGateway.delivered().stream().filter(mail -> recipients.contains(mail.to())).toList();
    }

    private List<String> outboxKeys(List<String> recipients) {
        return jdbc.queryForList("select dedup_key from outbox_mail where recipient in (?, ?, ?)", String.class,
            recipients.toArray());
    }

    private boolean publiclyVisible(PublicSession session) {
        return context.getBean(PublicSessionRepository.class).findByIdAndInvitationSentAtIsNotNull(session.getId())
            .isPresent();
    }

    /** The dedup key the send step gives an invitation: one per session, date and recipient. */
    private static String invitationKey(PublicSession session, String recipient) {
        return "session-" + session.getId() + "-invitation-" + session.getStartsAt().getEpochSecond() + "-"
            + recipient;
    }

    private static InputRejectedException rejection(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("refused").isNotNull();
        InputRejectedException rejected = InputRejectedException.in(thrown);
        assertThat(rejected).as("an InputRejectedException in %s", thrown).isNotNull();
        return rejected;
    }

    private static List<Throwable> causeChain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}

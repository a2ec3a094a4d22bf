package de.stadtdialog.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.ImportSession;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;
import de.stadtdialog.shared.Roles;

/**
 * Demo profile only: one user per role (password "demo"), members of the tenant Kaiserslautern, and procedures
 * standing in different phases. Runs once: a restart finds the data and adds nothing.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String WORKING_GROUP = "Arbeitskreis Leitlinien für Bürgerbeteiligung";
    private static final String ADVISORY_BOARD = "Beteiligungsbeirat";
    private static final String MEMBERS = "ak-mitglied1@example.org\nak-mitglied2@example.org\nbeirat@example.org";

    private final IdentityService identityService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final FormService formService;
    private final ProcedureRepository procedures;
    private final SessionCycleService sessionCycle;
    private final Clock clock;

    DemoData(IdentityService identityService, ManagementService managementService, TaskService taskService,
            FormService formService, ProcedureRepository procedures, SessionCycleService sessionCycle, Clock clock) {
        this.identityService = identityService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.formService = formService;
        this.procedures = procedures;
        this.sessionCycle = sessionCycle;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        user(Roles.OFFICER, "Petra", "Schneider");
        user(Roles.COORDINATION, "Jonas", "Weber");
        user(Roles.SECRETARIAT, "Sabine", "Keller");
        user(Roles.DESIGNER, "David", "Braun");
        user(Roles.ADMIN, "Anna", "Hoffmann");
        if (procedures.count() > 0) {
            return;
        }
        log.info("Creating demo procedures");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, NoticePeriod.ZONE);

        // 1: the next working-group session, agenda still to be drafted
        sessionCycle.plan(new PlanSession(TENANT, WORKING_GROUP, "Arbeitskreis Leitlinien – 8. Sitzung",
            firstWednesdayAfter(today.plusDays(14)), "Rathaus, Großer Ratssaal", NoticePeriod.DEFAULT, MEMBERS));

        // 2: advisory board session, invitation sent, waiting for the session
        Procedure invited = sessionCycle.plan(new PlanSession(TENANT, ADVISORY_BOARD,
            "Beteiligungsbeirat – 6. Sitzung", at(today.plusDays(12), 17, 0), "Rathaus Nord, Sitzungssaal 1",
            NoticePeriod.DEFAULT, MEMBERS));
        // the agenda task is completed and the invitation job executed like an officer and the engine would
        completeAgendaAndSendInvitation(invited);

        // 3: session held three days ago, minutes to be recorded
        importSession(ADVISORY_BOARD, "Beteiligungsbeirat – 5. Sitzung", at(today.minusDays(3), 17, 0), null, null,
            SessionCycleProcess.TASK_RECORD_SESSION);
        // 4: session three weeks ago, minutes overdue
        importSession(WORKING_GROUP, "Arbeitskreis Leitlinien – 7. Sitzung", at(today.minusDays(20), 18, 0), null,
            null, SessionCycleProcess.TASK_RECORD_SESSION);
        // 5: minutes written by the officer, waiting for approval by someone else
        importSession(WORKING_GROUP, "Arbeitskreis Leitlinien – 6. Sitzung", at(today.minusDays(40), 18, 0),
            "Frau Schneider (Verwaltung), Herr Weber (Koordinationsstelle), 6 Bürgerinnen und Bürger",
            "TOP 1: Begrüßung\nTOP 2: Entwurf Kapitel 3 „Beteiligungskonzept“ – Diskussion und Änderungen\n"
                + "TOP 3: Termine", SessionCycleProcess.TASK_APPROVE_MINUTES);
        // 6: a finished cycle, minutes approved and published
        Procedure finished = importSession(ADVISORY_BOARD, "Beteiligungsbeirat – 4. Sitzung",
            at(today.minusDays(70), 17, 0), "Frau Schneider (Verwaltung), 7 Mitglieder des Beirats",
            "TOP 1: Begrüßung\nTOP 2: Wahl der Sprecherin\nTOP 3: Arbeitsplan 2027",
            SessionCycleProcess.TASK_PUBLISH_MINUTES);
        executeJobNow(finished, SessionCycleProcess.TASK_PUBLISH_MINUTES);
        log.info("Demo procedures created");
    }

    private void completeAgendaAndSendInvitation(Procedure procedure) {
        Task agenda = taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .taskDefinitionKey(SessionCycleProcess.TASK_DRAFT_AGENDA).singleResult();
        taskService.claim(agenda.getId(), Roles.OFFICER);
        formService.submitTaskForm(agenda.getId(), Map.of("sessionFormat", "in-person",
            "location", "Rathaus Nord, Sitzungssaal 1",
            "agenda", "TOP 1: Begrüßung\nTOP 2: Bericht aus der Koordinationsstelle\nTOP 3: Vorhabenliste 2027\n"
                + "TOP 4: Verschiedenes"));
        executeJobNow(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
    }

    /** Runs an async step at once; if the job executor got there first, that is just as good. */
    private void executeJobNow(Procedure procedure, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(procedure.getProcessInstanceId())
            .activityId(activityId).singleResult();
        if (job != null) {
            try {
                managementService.executeJob(job.getId());
            } catch (ProcessEngineException alreadyExecuted) {
                log.debug("Job {} was executed by the job executor", job.getId());
            }
        }
    }

    private Procedure importSession(String body, String title, Instant startsAt, String attendance, String minutes,
            String resumeBefore) {
        return sessionCycle.importRunning(new ImportSession(
            new PlanSession(TENANT, body, title, startsAt, "Rathaus, Großer Ratssaal", NoticePeriod.DEFAULT, MEMBERS),
            "in-person", "TOP 1: Begrüßung\nTOP 2: Arbeitsstand der Leitlinien\nTOP 3: Verschiedenes",
            startsAt.minus(Duration.ofDays(8)), minutes == null ? null : 9, attendance, minutes,
            minutes == null ? null : Roles.OFFICER, resumeBefore));
    }

    private void user(String id, String firstName, String lastName) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@stadtdialog.example");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, id);
            identityService.createTenantUserMembership(TENANT, id);
        }
        if (Roles.ADMIN.equals(id) && identityService.createUserQuery().userId(id)
                .memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identityService.createMembership(id, Groups.CAMUNDA_ADMIN);
        }
    }

    private static Instant firstWednesdayAfter(LocalDate from) {
        LocalDate wednesday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        return at(wednesday, 18, 0);
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(NoticePeriod.ZONE).toInstant();
    }
}

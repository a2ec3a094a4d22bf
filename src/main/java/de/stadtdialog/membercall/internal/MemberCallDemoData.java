package de.stadtdialog.membercall.internal;

import static de.stadtdialog.membercall.MemberCallProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.membercall.MemberCallRepository;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallService.Apply;
import de.stadtdialog.membercall.MemberCallService.CreateCall;
import de.stadtdialog.procedure.Procedure;

/**
 * Demo profile only: one call in its application phase and one whose lottery was drawn and confirmed four weeks
 * ago. Runs the real process (tasks completed by "officer" and "coordination", jobs executed here), in one
 * transaction so the job executor cannot reach in between. Adds nothing on a restart.
 */
@Component
@Order(120)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class MemberCallDemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String OPEN_TITLE = "Aufruf: Mitwirkung im Beteiligungsbeirat 2027–2029";
    static final String DRAWN_TITLE = "Aufruf: Arbeitskreis Leitlinien für Bürgerbeteiligung";

    private static final Logger log = LoggerFactory.getLogger(MemberCallDemoData.class);
    private static final String[] FIRST_NAMES = {"Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta",
        "Hasan", "Ida", "Jonas", "Kim", "Lena", "Milan", "Nora"};

    private final MemberCallService service;
    private final MemberCallRepository calls;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MemberCallDemoData(MemberCallService service, MemberCallRepository calls, TaskService taskService,
            FormService formService, ManagementService managementService, TransactionTemplate transaction,
            Clock clock) {
        this.service = service;
        this.calls = calls;
        this.taskService = taskService;
        this.formService = formService;
        this.managementService = managementService;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (calls.findAll().stream().anyMatch(c -> TENANT.equals(c.getTenantId())
                && (OPEN_TITLE.equals(c.getTitle()) || DRAWN_TITLE.equals(c.getTitle())))) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        try {
            transaction.executeWithoutResult(status -> {
                openCall(now);
                drawnCall(now);
            });
            log.info("Demo calls for members created");
        } catch (RuntimeException e) {
            log.warn("Demo calls for members not created", e);
        } finally {
            ClockUtil.reset();
        }
    }

    private void openCall(Instant now) {
        Procedure procedure = service.create(new CreateCall(TENANT, OPEN_TITLE, "Beteiligungsbeirat", "officer"));
        describeApproveAndPublish(procedure, OPEN_TITLE, "Beteiligungsbeirat", 8, "Alter; 14–29; 2; 4\n"
            + "Alter; 30–59; 2; 4\nAlter; 60+; 2; 4", now.plus(Duration.ofDays(21)), now.plus(Duration.ofDays(760)));
        Long callId = service.callOfProcedure(procedure.getId()).orElseThrow().getId();
        String[] ages = {"14–29", "30–59", "60+"};
        for (int i = 0; i < 5; i++) {
            service.apply(callId, new Apply(FIRST_NAMES[i] + " Beispiel", "bewerbung" + (i + 1)
                + "@beirat.example", null, 1950 + 12 * i, true, Map.of("Alter", ages[i % 3]), true));
        }
    }

    private void drawnCall(Instant now) {
        Instant created = now.minus(Duration.ofDays(56));
        Instant deadline = now.minus(Duration.ofDays(28));
        ClockUtil.setCurrentTime(Date.from(created));
        Procedure procedure = service.create(new CreateCall(TENANT, DRAWN_TITLE, "Arbeitskreis Leitlinien",
            "officer"));
        describeApproveAndPublish(procedure, DRAWN_TITLE, "Arbeitskreis Leitlinien", 4,
            "Geschlecht; weiblich; 2; 2\nGeschlecht; männlich; 1; 2\nGeschlecht; divers; 0; 1",
            deadline, now.plus(Duration.ofDays(700)));
        Long callId = service.callOfProcedure(procedure.getId()).orElseThrow().getId();
        String[] genders = {"weiblich", "männlich", "weiblich", "männlich", "männlich", "weiblich", "männlich",
            "divers", "männlich", "weiblich", "männlich", "männlich"};
        for (int i = 0; i < genders.length; i++) {
            service.apply(callId, new Apply(FIRST_NAMES[i] + " Muster", "los" + (i + 1) + "@leitlinien.example",
                null, 1960 + 4 * i, true, Map.of("Geschlecht", genders[i]), true));
        }
        ClockUtil.setCurrentTime(Date.from(deadline.plus(Duration.ofHours(1))));
        executeJob(procedure, TIMER_APPLICATION_DEADLINE);
        complete(procedure, TASK_CHECK_ELIGIBILITY, "officer", Map.of("rejections", ""));
        complete(procedure, TASK_RECORD_NOMINATIONS, "officer", Map.of("nominations",
            "Stadtratsfraktionen: Frau Klein\nStadtratsfraktionen: Herr Groß\nVerwaltung: Frau Weber"));
        executeJob(procedure, TASK_COMPUTE_LOTTERY);
        executeJob(procedure, TASK_PUBLISH_COMMITMENT);
        ClockUtil.setCurrentTime(Date.from(deadline.plus(Duration.ofDays(7))));
        complete(procedure, TASK_ENTER_CEREMONY_INPUT, "officer", Map.of("ceremonyInput", "4 2 6 1 3 5 2 6"));
        complete(procedure, TASK_CONFIRM_RESULT, "coordination", Map.of(VAR_RESULT_DECISION, DECISION_CONFIRM));
        executeJob(procedure, TASK_NOTIFY_APPLICANTS);
    }

    private void describeApproveAndPublish(Procedure procedure, String title, String group, int seats,
            String quotas, Instant deadline, Instant termEnds) {
        Map<String, Object> details = new HashMap<>();
        details.put("title", title);
        details.put("workingGroup", group);
        details.put("citizenSeats", seats);
        details.put("nominatedSeats", "Stadtratsfraktionen: 2\nVerwaltung: 1");
        details.put("residence", "Kaiserslautern");
        details.put("minimumAge", 14);
        details.put("term", "2 Jahre");
        details.put("termEndsAt", local(termEnds));
        details.put("meetingFrequency", "etwa alle sechs Wochen, abends im Rathaus");
        details.put("deadline", local(deadline));
        details.put("quotas", quotas);
        details.put("plainSummary", "Die Stadt Kaiserslautern sucht Menschen, die mitreden wollen. Sie wohnen in "
            + "Kaiserslautern und sind mindestens 14 Jahre alt? Dann können Sie sich bewerben. Wenn sich mehr "
            + "Menschen bewerben, als es Plätze gibt, entscheidet ein faires Los.");
        complete(procedure, TASK_EDIT_CALL, "officer", details);
        complete(procedure, TASK_APPROVE_CALL, "coordination", Map.of(VAR_APPROVAL_DECISION, DECISION_APPROVE));
        executeJob(procedure, TASK_PUBLISH_CALL);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, MemberCallService.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private void complete(Procedure procedure, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .taskDefinitionKey(taskKey).singleResult();
        taskService.setAssignee(task.getId(), user);
        formService.submitTaskForm(task.getId(), values);
    }

    private void executeJob(Procedure procedure, String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(procedure.getProcessInstanceId())
            .activityId(activityId).list();
        for (Job job : jobs) {
            managementService.executeJob(job.getId());
        }
    }
}

package de.stadtdialog.council.internal;

import static de.stadtdialog.council.CouncilDecisionProcess.*;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.CouncilService.StartCouncilDecision;
import de.stadtdialog.council.MotionRepository;
import de.stadtdialog.procedure.Procedure;

/**
 * Demo profile only: the motion on the participation guidelines, drafted, approved and scheduled for the Stadtrat
 * on the Thursday at least three weeks ahead, waiting for that meeting. Runs the real process; nothing on a restart.
 */
@Component
@Order(140)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class CouncilDemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String SUBJECT = "Leitlinien für Bürgerbeteiligung der Stadt Kaiserslautern";

    private static final Logger log = LoggerFactory.getLogger(CouncilDemoData.class);

    private final CouncilService council;
    private final MotionRepository motions;
    private final TaskService taskService;
    private final FormService formService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CouncilDemoData(CouncilService council, MotionRepository motions, TaskService taskService,
            FormService formService, TransactionTemplate transaction, Clock clock) {
        this.council = council;
        this.motions = motions;
        this.taskService = taskService;
        this.formService = formService;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (motions.findByTenantIdOrderByIdAsc(TENANT).stream().anyMatch(m -> SUBJECT.equals(m.getSubject()))) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Procedure procedure = council.start(new StartCouncilDecision(TENANT, SUBJECT, null,
                "Online-Kommentierung und Arbeitskreis", "https://www.kaiserslautern.de/buergerbeteiligung/leitlinien",
                "P4D", "P2Y"));
            complete(procedure, TASK_DRAFT_MOTION, "officer", Map.of(
                "subject", SUBJECT,
                "facts", "Der Stadtrat hat die Erarbeitung von Leitlinien für Bürgerbeteiligung beschlossen. Ein "
                    + "Arbeitskreis aus ausgelosten Bürgerinnen und Bürgern, Politik und Verwaltung hat den Entwurf "
                    + "erarbeitet, der online kommentiert wurde.",
                "participationResults", "Zum Entwurf gingen 142 Kommentare ein: 61 übernommen, 37 teilweise "
                    + "übernommen, 44 nicht übernommen (jeweils mit Begründung im Ergebnisbericht).",
                "resultsReportUrl", "https://www.kaiserslautern.de/buergerbeteiligung/leitlinien",
                "proposedResolution", "Der Stadtrat beschließt die Leitlinien für Bürgerbeteiligung in der Fassung "
                    + "des Arbeitskreises.",
                "deviates", false));
            complete(procedure, TASK_APPROVE_MOTION, "coordination", Map.of(VAR_MOTION_DECISION, MOTION_APPROVE));
            complete(procedure, TASK_SET_CONSULTATION_SEQUENCE, "secretariat",
                Map.of("hearingBody", "", "preliminaryBody", "", "decisionBody", "Stadtrat"));
            LocalDate meetingDay = LocalDate.now(clock.withZone(CouncilDates.ZONE)).plusWeeks(3)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
            complete(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat", Map.of(
                "meetingStart", meetingDay.atTime(17, 0).toString(), "location", "Rathaus, Großer Ratssaal"));
            log.info("Demo council procedure {} with its motion scheduled for the Stadtrat on {}",
                procedure.getBusinessKey(), meetingDay);
        });
    }

    private void complete(Procedure procedure, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .taskDefinitionKey(taskKey).singleResult();
        taskService.claim(task.getId(), user);
        formService.submitTaskForm(task.getId(), values);
    }
}

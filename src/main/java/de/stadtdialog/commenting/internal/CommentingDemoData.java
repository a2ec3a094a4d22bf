package de.stadtdialog.commenting.internal;

import static de.stadtdialog.commenting.CommentingPhaseProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentModerationProcess;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.Disposition;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftRepository;
import de.stadtdialog.procedure.Procedure;

/**
 * Demo profile only: one draft open for comment (approved comments, a reply, workshop input and one comment of the
 * demo citizen still waiting for moderation) and one in evaluation (half of its comments evaluated). Runs the real
 * processes with the engine clock moved back; after the citizen demo data (order 110); adds nothing on a restart.
 */
@Component
@Order(130)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class CommentingDemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String OPEN_TITLE = "Entwurf: Leitlinien für Bürgerbeteiligung Kaiserslautern";
    static final String EVALUATION_TITLE = "Entwurf: Spielplatzkonzept Innenstadt";
    private static final String DEMO_CITIZEN = "buerger";

    private static final String GUIDELINES = """
        # Leitlinien für Bürgerbeteiligung

        ## 1. Wozu Leitlinien?

        Die Stadt Kaiserslautern beteiligt ihre Einwohnerinnen und Einwohner frühzeitig an Vorhaben, die sie betreffen.

        Die Leitlinien beschreiben, wie Beteiligung abläuft, wer sie anstoßen kann und was mit den Ergebnissen geschieht.

        ## 2. Vorhabenliste

        Die Stadt veröffentlicht alle Vorhaben, zu denen Beteiligung möglich ist, in einer Vorhabenliste im Internet.

        Die Vorhabenliste wird mindestens viermal im Jahr aktualisiert.

        ## 3. Anstoß durch Bürgerinnen und Bürger

        Mit 200 Unterschriften können Einwohnerinnen und Einwohner eine Beteiligung zu einem Vorhaben anregen.

        ## 4. Rückmeldung

        Zu jedem Beitrag gibt die Verwaltung eine begründete Rückmeldung, was aus ihm geworden ist.
        """;

    private static final String PLAYGROUNDS = """
        ## Ziele

        Jedes Kind in der Innenstadt soll einen Spielplatz in höchstens 500 Metern Entfernung erreichen.

        ## Maßnahmen

        Der Spielplatz am Stadtpark wird 2028 erneuert und um ein Wasserspiel ergänzt.

        Schulhöfe werden nachmittags für alle Kinder geöffnet.
        """;

    private static final Logger log = LoggerFactory.getLogger(CommentingDemoData.class);

    private final CommentingService commenting;
    private final DraftRepository drafts;
    private final CitizenDirectory citizens;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CommentingDemoData(CommentingService commenting, DraftRepository drafts, CitizenDirectory citizens,
            RuntimeService runtimeService, TaskService taskService, FormService formService,
            ManagementService managementService, TransactionTemplate transaction, Clock clock) {
        this.commenting = commenting;
        this.drafts = drafts;
        this.citizens = citizens;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
        this.managementService = managementService;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (drafts.findAll().stream().anyMatch(d -> TENANT.equals(d.getTenantId())
                && (OPEN_TITLE.equals(d.getTitle()) || EVALUATION_TITLE.equals(d.getTitle())))) {
            return;
        }
        CitizenUser demoCitizen = citizens.idOfUsername(TENANT, DEMO_CITIZEN)
            .map(id -> new CitizenUser(id, DEMO_CITIZEN, TENANT)).orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        try {
            transaction.executeWithoutResult(status -> {
                openDraft(now, demoCitizen);
                draftInEvaluation(now, demoCitizen);
            });
            log.info("Demo drafts for commenting created");
        } catch (RuntimeException e) {
            log.warn("Demo drafts for commenting not created", e);
        } finally {
            ClockUtil.reset();
        }
    }

    private void openDraft(Instant now, CitizenUser citizen) {
        Instant opens = now.minus(Duration.ofDays(5));
        Procedure procedure = setUpAndOpen(OPEN_TITLE, GUIDELINES, opens,
            "Offen sind alle vier Kapitel. Fest steht der rechtliche Rahmen der Gemeindeordnung (§ 16c GemO).",
            "Die Stadt schreibt Regeln für Beteiligung auf. Sie sagen, wann und wie Sie mitreden können. "
                + "Lesen Sie den Entwurf und schreiben Sie uns Ihre Meinung.");
        Draft draft = commenting.draftOf(procedure);
        var paragraphs = commenting.paragraphs(draft, draft.getCommentedVersion());
        at(opens.plus(Duration.ofDays(1)));
        commenting.addWorkshopInput(draft.getId(), paragraphs.get(2).getId(), "Werkstatt Stadtteilbüro Nord",
            "Die Vorhabenliste soll auch ausgedruckt im Stadtteilbüro ausliegen.", "officer");
        if (citizen != null) {
            at(opens.plus(Duration.ofDays(2)));
            Comment first = approved(citizen, draft, paragraphs.get(4).getId(), null,
                "200 Unterschriften sind für kleine Ortsbezirke zu viele. Besser wäre ein Anteil der Einwohnerzahl.");
            at(opens.plus(Duration.ofDays(3)));
            approved(citizen, draft, null, first.getId(), "Ergänzung: Auch Online-Unterschriften sollten zählen.");
            approved(citizen, draft, null, null, "Insgesamt ein guter Entwurf – bitte in Leichter Sprache veröffentlichen.");
            ClockUtil.reset();
            commenting.submit(citizen, draft.getId(), paragraphs.get(5).getId(), null,
                "Die Rückmeldung sollte innerhalb von drei Monaten kommen.");
        }
    }

    private void draftInEvaluation(Instant now, CitizenUser citizen) {
        Instant opens = now.minus(Duration.ofDays(35));
        Procedure procedure = setUpAndOpen(EVALUATION_TITLE, PLAYGROUNDS, opens,
            "Offen sind Ziele und Maßnahmen. Fest steht das Budget von 1,2 Mio. Euro.",
            "Die Stadt plant neue Spielplätze in der Innenstadt. Sagen Sie uns, was Kinder brauchen.");
        Draft draft = commenting.draftOf(procedure);
        var paragraphs = commenting.paragraphs(draft, draft.getCommentedVersion());
        at(opens.plus(Duration.ofDays(2)));
        Comment shade = commenting.addWorkshopInput(draft.getId(), paragraphs.get(1).getId(),
            "Kinderwerkstatt Grundschule Stadtmitte", "Wir wünschen uns Schatten und einen Trinkbrunnen.", "officer");
        Comment schoolyards = commenting.addWorkshopInput(draft.getId(), paragraphs.get(2).getId(),
            "Elternabend Kita Rathaus", "Schulhöfe auch am Wochenende öffnen.", "officer");
        Comment distance = citizen == null ? null : approved(citizen, draft, paragraphs.get(0).getId(), null,
            "500 Meter sind für kleine Kinder zu weit, 300 Meter wären besser.");
        if (citizen != null) {
            approved(citizen, draft, null, null,
                "Bitte auch an Jugendliche denken, nicht nur an kleine Kinder.");
        }
        Instant closes = draft.getClosesAt();
        at(closes.plus(Duration.ofMinutes(5)));
        execute(procedure, TIMER_COMMENTING_CLOSES);
        execute(procedure, TASK_CLOSE_COMMENTING);
        at(closes.plus(Duration.ofDays(3)));
        commenting.evaluate(draft.getId(), shade.getId(), Disposition.ADOPTED,
            "Schattenspender und Trinkbrunnen sind in die Maßnahmen aufgenommen.", "officer");
        commenting.evaluate(draft.getId(), schoolyards.getId(), Disposition.PARTLY_ADOPTED,
            "Samstags ja; sonntags fehlt die Aufsicht.", "officer");
        if (distance != null) {
            commenting.evaluate(draft.getId(), distance.getId(), Disposition.NOT_ADOPTED,
                "500 Meter entsprechen der Empfehlung der Spielplatzleitplanung des Landes.", "officer");
        }
    }

    private Procedure setUpAndOpen(String title, String markdown, Instant opens, String introduction,
            String summary) {
        at(opens.minus(Duration.ofDays(2)));
        Procedure procedure = commenting.start(TENANT, title, markdown);
        Map<String, Object> setUp = new HashMap<>();
        setUp.put("draftTitle", title);
        setUp.put("introduction", introduction);
        setUp.put("plainSummary", summary);
        setUp.put("draftMarkdown", markdown);
        setUp.put(VAR_OPENS_AT, CommentingTimes.localInput(opens));
        setUp.put(VAR_COMMENTING_PERIOD, "P21D");
        complete(procedure.getProcessInstanceId(), TASK_SET_UP_DRAFT, "officer", setUp);
        complete(procedure.getProcessInstanceId(), TASK_APPROVE_DRAFT, "coordination",
            Map.of(VAR_DRAFT_DECISION, DECISION_APPROVE));
        at(opens);
        execute(procedure, TIMER_COMMENTING_OPENS);
        execute(procedure, TASK_OPEN_COMMENTING);
        return procedure;
    }

    /** Submitted by the citizen and approved by the officer at once (moderation process included). */
    private Comment approved(CitizenUser citizen, Draft draft, Long paragraphId, Long parentId, String text) {
        Comment comment = commenting.submit(citizen, draft.getId(), paragraphId, parentId, text);
        String instanceId = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(CommentModerationProcess.PROCESS_ID)
            .variableValueEquals(CommentModerationProcess.VAR_COMMENT_ID, comment.getId()).singleResult().getId();
        complete(instanceId, CommentModerationProcess.TASK_MODERATE_COMMENT, "officer",
            Map.of(CommentModerationProcess.VAR_MODERATION_DECISION, CommentModerationProcess.DECISION_APPROVE));
        return comment;
    }

    private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
            .singleResult();
        taskService.claim(task.getId(), user);
        formService.submitTaskForm(task.getId(), values);
    }

    private void execute(Procedure procedure, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(procedure.getProcessInstanceId())
            .activityId(activityId).singleResult();
        managementService.executeJob(job.getId());
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}

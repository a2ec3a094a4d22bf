package de.stadtdialog.guidelines.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import de.stadtdialog.commenting.CommentingPhaseProcess;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.Disposition;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftParagraph;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.guidelines.GuidelinesProcedureRepository;
import de.stadtdialog.guidelines.GuidelinesProcess;
import de.stadtdialog.guidelines.GuidelinesService;
import de.stadtdialog.guidelines.GuidelinesService.StartGuidelines;
import de.stadtdialog.membercall.MemberCallProcess;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallService.Apply;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.shared.MunicipalTime;

/**
 * Demo profile only: Kaiserslautern's guidelines procedure with its real dates (DOMAIN.md §1), run through the
 * real processes with the engine clock moved back — council mandate of May 2022, the working group's call with a
 * lottery (deadline 23.07.2023), four public sessions on first Wednesdays at 18:00, online commenting
 * 08.–29.03.2024 with the workshop of 21.03.2024, the Stadtrat's adoption on 22.04.2024. Two years on, the
 * evaluation is due: that task is open, and every earlier part can be looked at. One transaction, so the job
 * executor sees nothing half done; adds nothing on a restart.
 */
@Component
@Order(150)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class GuidelinesDemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String TITLE = "Leitlinien für Bürgerbeteiligung Kaiserslautern (2022–2024)";
    static final String WORKING_GROUP = "Arbeitskreis Leitlinien für Bürgerbeteiligung";
    private static final String DEMO_CITIZEN = "buerger";
    private static final String[] SESSIONS = {"2023-09-06T18:00", "2023-10-04T18:00", "2023-12-06T18:00",
        "2024-02-07T18:00"};
    private static final String[] APPLICANTS = {"Aylin", "Bernd", "Carla", "Dimitri", "Elke", "Farid", "Gisela",
        "Hannes", "Irina", "Jonas"};

    private static final String DRAFT = """
        # Leitlinien für Bürgerbeteiligung in Kaiserslautern

        ## 1. Grundsätze

        Beteiligung beginnt früh, solange noch etwas zu entscheiden ist.

        Die Stadt sagt vorher, was offen ist und was feststeht.

        ## 2. Wer Beteiligung anregen kann

        Einwohnerinnen und Einwohner ab 14 Jahren, Beiräte und der Stadtrat können eine Beteiligung anregen.

        ## 3. Beteiligungsbeirat

        Ein Beteiligungsbeirat begleitet die Umsetzung der Leitlinien; acht seiner Mitglieder werden gelost.

        ## 4. Umgang mit den Ergebnissen

        Jeder Beitrag erhält eine begründete Rückmeldung. Der Stadtrat entscheidet in Kenntnis der Ergebnisse.
        """;

    private static final Logger log = LoggerFactory.getLogger(GuidelinesDemoData.class);

    private final GuidelinesService guidelines;
    private final GuidelinesProcedureRepository rows;
    private final MemberCallService calls;
    private final CommentingService commenting;
    private final CitizenDirectory citizens;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final TransactionTemplate transaction;

    GuidelinesDemoData(GuidelinesService guidelines, GuidelinesProcedureRepository rows, MemberCallService calls,
            CommentingService commenting, CitizenDirectory citizens, RuntimeService runtimeService,
            TaskService taskService, FormService formService, ManagementService managementService,
            TransactionTemplate transaction) {
        this.guidelines = guidelines;
        this.rows = rows;
        this.calls = calls;
        this.commenting = commenting;
        this.citizens = citizens;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
        this.managementService = managementService;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (rows.findAll().stream().anyMatch(row -> TENANT.equals(row.getTenantId()) && TITLE.equals(row.getTitle()))) {
            return;
        }
        try {
            Procedure procedure = transaction.execute(status -> runTheCase());
            log.info("Demo guidelines procedure {} created with the dates of the Kaiserslautern case",
                procedure.getBusinessKey());
        } catch (RuntimeException e) {
            log.warn("Demo guidelines procedure not created", e);
        } finally {
            ClockUtil.reset();
        }
    }

    private Procedure runTheCase() {
        at("2023-06-01T10:00");
        Procedure procedure = guidelines.start(new StartGuidelines(TENANT, TITLE, WORKING_GROUP));
        Map<String, Object> mandate = new HashMap<>();
        mandate.put("mandateReference", "Antrag der Stadtratsfraktionen, Stadtrat vom Mai 2022");
        mandate.put("mandateDate", "2022-05-16");
        mandate.put("mandateSummary", "Die Verwaltung erarbeitet gemeinsam mit einem interdisziplinären Arbeitskreis "
            + "aus Stadtratsfraktionen, Verwaltung, Digitalagentur, Beiräten und Bürgerinnen und Bürgern Leitlinien "
            + "für Bürgerbeteiligung und legt sie dem Stadtrat zur Entscheidung vor.");
        mandate.put("workingGroup", WORKING_GROUP);
        complete(procedure.getProcessInstanceId(), GuidelinesProcess.TASK_RECORD_COUNCIL_MANDATE, "officer", mandate);

        String memberCall = called(procedure, MemberCallProcess.PROCESS_ID);
        callWithLottery(procedure, memberCall);

        for (String session : SESSIONS) {
            holdSession(procedure, session);
        }

        at("2024-02-26T10:00");
        complete(procedure.getProcessInstanceId(), GuidelinesProcess.TASK_PLAN_WORKING_GROUP_STEP, "officer",
            Map.of(GuidelinesProcess.VAR_NEXT_WORKING_GROUP_STEP, GuidelinesProcess.STEP_DRAFT));
        String commentingPhase = called(procedure, CommentingPhaseProcess.PROCESS_ID);
        commentOnTheDraft(procedure, commentingPhase);

        at("2024-04-05T09:00");
        execute(procedure.getProcessInstanceId(), GuidelinesProcess.CALL_COUNCIL_DECISION);
        String council = called(procedure, CouncilDecisionProcess.PROCESS_ID);
        councilAdopts(council);
        execute(procedure.getProcessInstanceId(), GuidelinesProcess.TASK_PUBLISH_ADOPTED_GUIDELINES);
        execute(commentingPhase, CommentingPhaseProcess.TASK_SEND_FEEDBACK);
        execute(council, CouncilDecisionProcess.TASK_SEND_FEEDBACK);

        // what has come due since, as the job executor would have run it
        ClockUtil.reset();
        execute(commentingPhase, CommentingPhaseProcess.TIMER_PSEUDONYMISATION_DUE);
        execute(commentingPhase, CommentingPhaseProcess.TASK_PSEUDONYMISE_AUTHORS);
        execute(memberCall, MemberCallProcess.TIMER_APPLICANT_RETENTION_ENDS);
        execute(memberCall, MemberCallProcess.TIMER_TERM_ENDS);
        execute(memberCall, MemberCallProcess.TIMER_MEMBER_RETENTION_ENDS);
        execute(council, CouncilDecisionProcess.TIMER_EVALUATION_DUE);
        return procedure;
    }

    private void callWithLottery(Procedure procedure, String instance) {
        Map<String, Object> details = new HashMap<>();
        details.put("title", "Mitwirkung im " + WORKING_GROUP);
        details.put("workingGroup", WORKING_GROUP);
        details.put("citizenSeats", 6);
        details.put("nominatedSeats", "Stadtratsfraktionen: 5\nVerwaltung: 2\nDigitalagentur: 1\nBeiräte: 3");
        details.put("residence", "Kaiserslautern");
        details.put("minimumAge", 14);
        details.put("term", "bis zum Beschluss der Leitlinien");
        details.put("termEndsAt", "2024-06-30T00:00");
        details.put("meetingFrequency", "öffentlich, am ersten Mittwoch im Monat um 18 Uhr");
        details.put("deadline", "2023-07-23T23:59");
        details.put("quotas", "");
        details.put("plainSummary", "Die Stadt schreibt Regeln für Bürgerbeteiligung. Sechs Bürgerinnen und Bürger "
            + "arbeiten mit. Wenn sich mehr bewerben, entscheidet das Los.");
        complete(instance, MemberCallProcess.TASK_EDIT_CALL, "officer", details);
        complete(instance, MemberCallProcess.TASK_APPROVE_CALL, "coordination",
            Map.of(MemberCallProcess.VAR_APPROVAL_DECISION, MemberCallProcess.DECISION_APPROVE));
        at("2023-06-02T09:00");
        execute(instance, MemberCallProcess.TASK_PUBLISH_CALL);
        Long callId = calls.callOfProcedure(procedure.getId()).orElseThrow().getId();
        for (int i = 0; i < APPLICANTS.length; i++) {
            at("2023-06-" + String.format("%02d", 5 + 2 * i) + "T19:00");
            calls.apply(callId, new Apply(APPLICANTS[i] + " Beispiel", "leitlinien" + (i + 1) + "@bewerbung.example",
                null, 1955 + 6 * i, true, Map.of(), true));
        }
        // the demo citizen applies with the account, so the council's feedback reaches them for both
        // contributions (the application and the comments) in one mail
        demoCitizen().ifPresent(citizen -> {
            at("2023-07-03T20:30");
            calls.apply(callId, new Apply("Bernd Bürger", "buerger@stadtdialog.example", citizen.id(), 1984, true,
                Map.of(), true));
        });
        at("2023-07-24T09:00");
        execute(instance, MemberCallProcess.TIMER_APPLICATION_DEADLINE);
        complete(instance, MemberCallProcess.TASK_CHECK_ELIGIBILITY, "officer", Map.of("rejections", ""));
        complete(instance, MemberCallProcess.TASK_RECORD_NOMINATIONS, "officer", Map.of("nominations",
            "Stadtratsfraktionen: Frau Klein\nStadtratsfraktionen: Herr Groß\nVerwaltung: Frau Weber\n"
                + "Digitalagentur: Herr Schmitt\nBeiräte: Frau Yilmaz (Seniorenbeirat)"));
        execute(instance, MemberCallProcess.TASK_COMPUTE_LOTTERY);
        execute(instance, MemberCallProcess.TASK_PUBLISH_COMMITMENT);
        at("2023-07-27T18:00");
        complete(instance, MemberCallProcess.TASK_ENTER_CEREMONY_INPUT, "officer",
            Map.of("ceremonyInput", "5 2 6 6 1 3 4 2"));
        at("2023-07-28T09:00");
        complete(instance, MemberCallProcess.TASK_CONFIRM_RESULT, "coordination",
            Map.of(MemberCallProcess.VAR_RESULT_DECISION, MemberCallProcess.DECISION_CONFIRM));
        execute(instance, MemberCallProcess.TASK_NOTIFY_APPLICANTS);
    }

    private void holdSession(Procedure procedure, String startsAt) {
        Instant start = berlin(startsAt);
        at(LocalDateTime.parse(startsAt).minusDays(21).withHour(10).toString());
        Map<String, Object> plan = new HashMap<>();
        plan.put(GuidelinesProcess.VAR_NEXT_WORKING_GROUP_STEP, GuidelinesProcess.STEP_SESSION);
        plan.put("startsAt", startsAt);
        plan.put("location", "Rathaus Kaiserslautern, Großer Ratssaal");
        plan.put("recipients", "arbeitskreis-leitlinien@stadt.example");
        complete(procedure.getProcessInstanceId(), GuidelinesProcess.TASK_PLAN_WORKING_GROUP_STEP, "officer", plan);
        String cycle = called(procedure, SessionCycleProcess.PROCESS_ID);
        complete(cycle, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", Map.of("sessionFormat", "in-person",
            "location", "Rathaus Kaiserslautern, Großer Ratssaal", "agenda",
            "TOP 1: Begrüßung und Protokoll der letzten Sitzung\nTOP 2: Arbeit am Entwurf der Leitlinien\n"
                + "TOP 3: Fragen aus der Öffentlichkeit"));
        execute(cycle, SessionCycleProcess.TASK_SEND_INVITATION);
        at(startsAt);
        execute(cycle, SessionCycleProcess.TIMER_SESSION_BEGINS);
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(3 * 3600)));
        complete(cycle, SessionCycleProcess.TASK_RECORD_SESSION, "officer", Map.of("attendeeCount", 14,
            "quorate", true, "attendance", "14 Mitglieder des Arbeitskreises; 6 Gäste aus der Öffentlichkeit",
            "minutes", "TOP 1: Das Protokoll der letzten Sitzung wird genehmigt.\nTOP 2: Der Arbeitskreis berät "
                + "Kapitel des Entwurfs und einigt sich auf Formulierungen.\nTOP 3: Keine Fragen."));
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(2 * 86400)));
        complete(cycle, SessionCycleProcess.TASK_APPROVE_MINUTES, "coordination",
            Map.of(SessionCycleProcess.VAR_MINUTES_DECISION, SessionCycleProcess.DECISION_APPROVE));
        execute(cycle, SessionCycleProcess.TASK_PUBLISH_MINUTES);
    }

    private void commentOnTheDraft(Procedure procedure, String instance) {
        Map<String, Object> setUp = new HashMap<>();
        setUp.put("draftTitle", "Entwurf: Leitlinien für Bürgerbeteiligung");
        setUp.put("introduction", "Offen ist der ganze Entwurf des Arbeitskreises. Fest steht der rechtliche Rahmen "
            + "der Gemeindeordnung.");
        setUp.put("plainSummary", "Der Arbeitskreis hat Regeln für Beteiligung geschrieben. Lesen Sie sie und sagen "
            + "Sie uns Ihre Meinung – bis zum 29. März 2024.");
        setUp.put("draftMarkdown", DRAFT);
        setUp.put(CommentingPhaseProcess.VAR_OPENS_AT, "2024-03-08T00:00");
        setUp.put(CommentingPhaseProcess.VAR_COMMENTING_PERIOD, "P21D");
        complete(instance, CommentingPhaseProcess.TASK_SET_UP_DRAFT, "officer", setUp);
        complete(instance, CommentingPhaseProcess.TASK_APPROVE_DRAFT, "coordination",
            Map.of(CommentingPhaseProcess.VAR_DRAFT_DECISION, CommentingPhaseProcess.DECISION_APPROVE));
        at("2024-03-08T00:00");
        execute(instance, CommentingPhaseProcess.TIMER_COMMENTING_OPENS);
        execute(instance, CommentingPhaseProcess.TASK_OPEN_COMMENTING);
        Draft draft = commenting.draftOf(procedure);
        var paragraphs = commenting.paragraphs(draft, draft.getCommentedVersion());
        CitizenUser citizen = demoCitizen().orElse(null);
        List<Comment> comments = new java.util.ArrayList<>();
        if (citizen != null) {
            at("2024-03-11T20:15");
            comments.add(approved(citizen, draft, paragraph(paragraphs, "ab 14 Jahren"),
                "Bitte auch Jugendliche ab 12 Jahren einbeziehen, etwa über das Jugendparlament."));
            at("2024-03-18T07:40");
            comments.add(approved(citizen, draft, paragraph(paragraphs, "begründete Rückmeldung"),
                "Die Rückmeldung sollte eine Frist haben, zum Beispiel drei Monate."));
        }
        at("2024-03-21T21:00");
        comments.add(commenting.addWorkshopInput(draft.getId(), paragraph(paragraphs, "Beteiligungsbeirat begleitet"),
            "Werkstatt am 21.03.2024", "Der Beteiligungsbeirat soll auch Menschen ohne Internetzugang erreichen.",
            "officer"));
        at("2024-03-29T00:05");
        execute(instance, CommentingPhaseProcess.TIMER_COMMENTING_CLOSES);
        execute(instance, CommentingPhaseProcess.TASK_CLOSE_COMMENTING);
        at("2024-04-02T10:00");
        Disposition[] dispositions = {Disposition.PARTLY_ADOPTED, Disposition.ADOPTED, Disposition.ADOPTED};
        String[] reasons = {"Kinder und Jugendliche werden über das Jugendparlament beteiligt; die Altersgrenze "
            + "für Anregungen bleibt 14 Jahre.", "Rückmeldung innerhalb von drei Monaten ist aufgenommen.",
            "Der Beirat bietet Sprechstunden im Rathaus an."};
        int offset = dispositions.length - comments.size();
        for (int i = 0; i < comments.size(); i++) {
            commenting.evaluate(draft.getId(), comments.get(i).getId(), dispositions[i + offset], reasons[i + offset],
                "officer");
        }
        complete(instance, CommentingPhaseProcess.TASK_EVALUATE_COMMENTS, "officer", Map.of());
        complete(instance, CommentingPhaseProcess.TASK_REVISE_DRAFT, "officer", Map.of("draftMarkdown",
            DRAFT.replace("Jeder Beitrag erhält eine begründete Rückmeldung.",
                "Jeder Beitrag erhält innerhalb von drei Monaten eine begründete Rückmeldung.")));
        execute(instance, CommentingPhaseProcess.TASK_PUBLISH_RESULTS_REPORT);
    }

    private void councilAdopts(String instance) {
        Map<String, Object> motion = new HashMap<>();
        motion.put("subject", "Leitlinien für Bürgerbeteiligung der Stadt Kaiserslautern");
        motion.put("facts", "Der Stadtrat hat im Mai 2022 beauftragt, Leitlinien für Bürgerbeteiligung zu erarbeiten. "
            + "Ein Arbeitskreis hat sie seit Juni 2023 in öffentlichen Sitzungen entworfen.");
        motion.put("participationResults", "Online-Kommentierung vom 8. bis 29. März 2024 und Werkstatt am "
            + "21. März 2024; alle Beiträge sind ausgewertet und mit Begründung beantwortet.");
        motion.put("proposedResolution", "Der Stadtrat beschließt die Leitlinien für Bürgerbeteiligung in der "
            + "überarbeiteten Fassung. Sie werden nach zwei Jahren evaluiert.");
        motion.put("deviates", false);
        complete(instance, CouncilDecisionProcess.TASK_DRAFT_MOTION, "officer", motion);
        at("2024-04-08T09:00");
        complete(instance, CouncilDecisionProcess.TASK_APPROVE_MOTION, "coordination",
            Map.of(CouncilDecisionProcess.VAR_MOTION_DECISION, CouncilDecisionProcess.MOTION_APPROVE));
        complete(instance, CouncilDecisionProcess.TASK_SET_CONSULTATION_SEQUENCE, "secretariat",
            Map.of("hearingBody", "", "preliminaryBody", "", "decisionBody", "Stadtrat"));
        complete(instance, CouncilDecisionProcess.TASK_SCHEDULE_CONSULTATION, "secretariat",
            Map.of("meetingStart", "2024-04-22T15:00", "location", "Rathaus Kaiserslautern, Großer Ratssaal"));
        at("2024-04-22T15:00");
        execute(instance, CouncilDecisionProcess.TIMER_MEETING_BEGINS);
        at("2024-04-22T19:30");
        complete(instance, CouncilDecisionProcess.TASK_RECORD_RESULT, "secretariat",
            Map.of("result", "ADOPTED", "resultNote", "Mehrheitlich beschlossen."));
        execute(instance, CouncilDecisionProcess.TASK_PUBLISH_DECISION);
    }

    private java.util.Optional<CitizenUser> demoCitizen() {
        return citizens.idOfUsername(TENANT, DEMO_CITIZEN).map(id -> new CitizenUser(id, DEMO_CITIZEN, TENANT));
    }

    private static Long paragraph(List<DraftParagraph> paragraphs, String containing) {
        return paragraphs.stream().filter(p -> p.getText().contains(containing)).findFirst().orElseThrow().getId();
    }

    private Comment approved(CitizenUser citizen, Draft draft, Long paragraphId, String text) {
        Comment comment = commenting.submit(citizen, draft.getId(), paragraphId, null, text);
        String moderation = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(CommentModerationProcess.PROCESS_ID)
            .variableValueEquals(CommentModerationProcess.VAR_COMMENT_ID, comment.getId()).singleResult().getId();
        complete(moderation, CommentModerationProcess.TASK_MODERATE_COMMENT, "officer",
            Map.of(CommentModerationProcess.VAR_MODERATION_DECISION, CommentModerationProcess.DECISION_APPROVE));
        execute(moderation, CommentModerationProcess.TASK_NOTIFY_AUTHOR_OF_APPROVAL);
        return comment;
    }

    private String called(Procedure procedure, String processId) {
        ProcessInstance called = runtimeService.createProcessInstanceQuery()
            .superProcessInstanceId(procedure.getProcessInstanceId()).processDefinitionKey(processId).singleResult();
        return called.getId();
    }

    private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
            .singleResult();
        taskService.claim(task.getId(), user);
        formService.submitTaskForm(task.getId(), values);
    }

    private void execute(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
            .singleResult();
        managementService.executeJob(job.getId());
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MunicipalTime.ZONE).toInstant();
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(berlin(localDateTime)));
    }
}

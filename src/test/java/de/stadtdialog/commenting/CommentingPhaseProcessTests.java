package de.stadtdialog.commenting;

import static de.stadtdialog.commenting.CommentingPhaseProcess.*;
import static de.stadtdialog.commenting.CommentingScenario.berlin;
import static de.stadtdialog.commenting.CommentingScenario.draftDecision;
import static de.stadtdialog.commenting.CommentingScenario.setUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The commenting phase, one test per path: effects first (draft, paragraphs, comments, mails, the procedure's
 * read model), then where the process stands. The engine clock is fixed so dates read as in a calendar.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(PROCESS_ID)
@Tag("database")
class CommentingPhaseProcessTests {

    /** Monday 1 March 2027, 09:00 in Berlin. */
    private static final Instant NOW = berlin("2027-03-01T09:00");
    private static final Instant OPENS = berlin("2027-03-08T10:00");
    /** 21 days later; summer time starts on 28 March, the wall-clock time stays 10:00. */
    private static final Instant CLOSES = berlin("2027-03-29T10:00");
    private static final Instant EXTENDED = berlin("2027-04-05T18:00");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    CommentingService commenting;

    private CommentingScenario scenario;
    private CitizenScenario citizens;

    @BeforeEach
    void prepare() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new CommentingScenario(context);
        citizens = new CitizenScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void happyPath_setUpApproveOpenCommentModerateExtendCloseEvaluateReviseReportCouncilFeedbackPseudonymise() {
        Procedure procedure = scenario.start();
        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SET_UP_DRAFT);
        BpmnAwareTests.assertThat(BpmnAwareTests.task(TASK_SET_UP_DRAFT, instance)).hasCandidateGroup("officer");
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Entwurf einrichten");

        scenario.submit(procedure, TASK_SET_UP_DRAFT, "officer", setUp(scenario.title(), OPENS, "P21D"));

        Draft draft = scenario.draft(procedure);
        assertThat(draft.getOpensAt()).isEqualTo(OPENS);
        assertThat(draft.getClosesAt()).isEqualTo(CLOSES);
        assertThat(draft.getSetUpBy()).isEqualTo("officer");
        assertThat(draft.isPublic()).isFalse();
        List<DraftParagraph> paragraphs = scenario.paragraphs(procedure);
        assertThat(paragraphs).extracting(DraftParagraph::getSectionTitle)
            .containsExactly("1. Ziele", "1. Ziele", "2. Verfahren");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_APPROVE_DRAFT);
        assertThat(processEngine.getTaskService().getVariableLocal(
            scenario.task(procedure, TASK_APPROVE_DRAFT).getId(), "draftMarkdown").toString())
            .contains("## 1. Ziele", "Beteiligung ist ergebnisoffen.");

        Throwable ownApproval = catchThrowable(() -> scenario.submit(procedure, TASK_APPROVE_DRAFT, "officer",
            draftDecision(DECISION_APPROVE, null)));
        assertThat(InputRejectedException.in(ownApproval)).isNotNull().extracting(Throwable::getMessage)
            .asString().contains("Vier-Augen-Prinzip");
        processEngine.getTaskService().setAssignee(scenario.task(procedure, TASK_APPROVE_DRAFT).getId(), null);

        scenario.submit(procedure, TASK_APPROVE_DRAFT, "coordination", draftDecision(DECISION_APPROVE, "passt"));

        assertThat(scenario.draft(procedure).getApprovedBy()).isEqualTo("coordination");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_COMMENTING_OPENS);
        BpmnAwareTests.assertThat(BpmnAwareTests.job(TIMER_COMMENTING_OPENS, instance)).hasDueDate(Date.from(OPENS));
        assertThat(scenario.reload(procedure).getNextDeadline()).isEqualTo(OPENS);

        ClockUtil.setCurrentTime(Date.from(OPENS));
        scenario.executeJob(procedure, TIMER_COMMENTING_OPENS);
        assertThat(scenario.draft(procedure).isPublic()).as("nothing public before the job runs").isFalse();
        scenario.executeJob(procedure, TASK_OPEN_COMMENTING);

        assertThat(scenario.draft(procedure).getOpenedAt()).isEqualTo(OPENS);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(GATEWAY_WAIT_FOR_CLOSING);
        BpmnAwareTests.assertThat(BpmnAwareTests.job(TIMER_COMMENTING_CLOSES, instance)).hasDueDate(Date.from(CLOSES));

        CitizenUser anna = CitizenScenario.user(citizens.confirmed("anna"));
        CitizenUser ben = CitizenScenario.user(citizens.confirmed("ben"));
        Long firstParagraph = paragraphs.get(0).getId();
        Comment annas = commenting.submit(anna, draft.getId(), firstParagraph, null, "Bitte auch Kinder beteiligen.");
        Comment bens = commenting.submit(ben, draft.getId(), null, null, "Gute Sache insgesamt.");
        Comment spam = commenting.submit(ben, draft.getId(), null, null, "Kaufen Sie jetzt!");
        assertThat(annas.getStatus()).isEqualTo(CommentStatus.PENDING);
        scenario.approve(annas);
        scenario.approve(bens);
        scenario.submit(scenario.moderationTask(spam), "officer",
            CommentingScenario.moderation(CommentModerationProcess.DECISION_REJECT, "ADVERTISING", null));
        Comment reply = commenting.submit(anna, draft.getId(), null, bens.getId(), "Finde ich auch.");
        assertThat(reply.getParagraphId()).isNull();
        scenario.approve(reply);

        ClockUtil.setCurrentTime(Date.from(CLOSES.minus(Duration.ofHours(2))));
        commenting.extend(draft.getId(), EXTENDED, "Wegen der Osterferien", "officer");

        assertThat(scenario.draft(procedure).getClosesAt()).isEqualTo(EXTENDED);
        assertThat(commenting.extensions(draft.getId())).singleElement().satisfies(extension -> {
            assertThat(extension.getPreviousEnd()).isEqualTo(CLOSES);
            assertThat(extension.getNewEnd()).isEqualTo(EXTENDED);
            assertThat(extension.getReason()).isEqualTo("Wegen der Osterferien");
        });
        BpmnAwareTests.assertThat(instance).hasPassed(EVENT_COMMENTING_EXTENDED).isWaitingAtExactly(GATEWAY_WAIT_FOR_CLOSING);
        BpmnAwareTests.assertThat(BpmnAwareTests.job(TIMER_COMMENTING_CLOSES, instance))
            .as("the closing timer follows the new date").hasDueDate(Date.from(EXTENDED));
        assertThat(scenario.reload(procedure).getNextDeadline()).isEqualTo(EXTENDED);

        ClockUtil.setCurrentTime(Date.from(CLOSES.plus(Duration.ofDays(1))));
        Comment late = commenting.submit(ben, draft.getId(), firstParagraph, null, "Noch möglich, Frist verlängert.");
        scenario.approve(late);

        scenario.close(procedure, EXTENDED);

        assertThat(scenario.draft(procedure).getClosedAt()).isEqualTo(EXTENDED);
        Throwable afterDeadline = catchThrowable(() -> commenting.submit(anna, draft.getId(), null, null, "Zu spät"));
        assertThat(afterDeadline).isInstanceOf(InputRejectedException.class).hasMessageContaining("abgelaufen");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_EVALUATE_COMMENTS);
        String progressShown = (String) processEngine.getTaskService()
            .getVariableLocal(scenario.task(procedure, TASK_EVALUATE_COMMENTS).getId(), "evaluationProgress");
        assertThat(progressShown).isEqualTo("0 von 4 Kommentaren ausgewertet");

        commenting.evaluate(draft.getId(), annas.getId(), Disposition.ADOPTED, "Kapitel 1 ergänzt", "officer");
        Throwable incomplete = catchThrowable(() -> scenario.submit(procedure, TASK_EVALUATE_COMMENTS, "officer",
            java.util.Map.of()));
        assertThat(InputRejectedException.in(incomplete)).isNotNull().extracting(Throwable::getMessage).asString()
            .contains("1 von 4 Kommentaren ausgewertet");
        commenting.evaluate(draft.getId(), bens.getId(), Disposition.NOT_RELEVANT, "Kein Änderungsvorschlag", "officer");
        commenting.evaluate(draft.getId(), reply.getId(), Disposition.NOT_RELEVANT, "Zustimmung", "officer");
        commenting.evaluate(draft.getId(), late.getId(), Disposition.PARTLY_ADOPTED, "Teilweise", "officer");
        assertThat(commenting.progress(draft.getId()).text()).isEqualTo("4 von 4 Kommentaren ausgewertet");
        scenario.submit(procedure, TASK_EVALUATE_COMMENTS, "officer", java.util.Map.of());

        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_REVISE_DRAFT);
        scenario.submit(procedure, TASK_REVISE_DRAFT, "officer", java.util.Map.of("draftMarkdown",
            CommentingScenario.MARKDOWN.replace("Beteiligung ist ergebnisoffen.",
                "Beteiligung ist ergebnisoffen.\n\nKinder und Jugendliche werden eigens beteiligt.")));

        Draft revised = scenario.draft(procedure);
        assertThat(revised.getCurrentVersion()).isEqualTo(2);
        assertThat(revised.getCommentedVersion()).isEqualTo(1);
        List<ParagraphDiff.Line> diff = ParagraphDiff.between(commenting.paragraphs(revised, 1),
            commenting.paragraphs(revised, 2));
        assertThat(diff).filteredOn(line -> line.kind() == ParagraphDiff.Kind.ADDED).extracting(ParagraphDiff.Line::text)
            .containsExactly("Kinder und Jugendliche werden eigens beteiligt.");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_PUBLISH_RESULTS_REPORT);

        scenario.executeJob(procedure, TASK_PUBLISH_RESULTS_REPORT);

        assertThat(scenario.draft(procedure).getReportPublishedAt()).isNotNull();
        BpmnAwareTests.assertThat(instance).hasPassed(EVENT_RESULTS_REPORT_PUBLISHED)
            .isWaitingAtExactly(EVENT_COUNCIL_DECISION_TAKEN);
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Warten auf „Ratsbeschluss gefasst“");

        commenting.recordCouncilDecision(draft.getId(), "Der Stadtrat beschließt die Leitlinien mit Änderungen.");

        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SEND_FEEDBACK);
        assertThat(mailsTo(anna)).as("moderation mails only").extracting(OutgoingMail::subject)
            .allMatch(s -> s.startsWith("Ihr Kommentar ist veröffentlicht"));
        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);

        List<OutgoingMail> annaFeedback = mailsTo(anna).stream()
            .filter(m -> m.subject().startsWith("Was aus Ihren Kommentaren wurde")).toList();
        assertThat(annaFeedback).singleElement().satisfies(mail -> assertThat(mail.body()).contains(
            "Bitte auch Kinder beteiligen.", "Ergebnis: übernommen", "Begründung: Kapitel 1 ergänzt",
            "Finde ich auch.", "Ergebnis: nicht relevant", "Der Stadtrat beschließt die Leitlinien"));
        assertThat(mailsTo(ben).stream().filter(m -> m.subject().startsWith("Was aus Ihren Kommentaren wurde")))
            .singleElement().satisfies(mail -> assertThat(mail.body()).contains("Gute Sache insgesamt.",
                "teilweise übernommen").doesNotContain("Kaufen Sie jetzt!"));
        assertThat(scenario.draft(procedure).getFeedbackSentAt()).isNotNull();
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_PSEUDONYMISATION_DUE);
        assertThat(scenario.reload(procedure).getNextDeadline())
            .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(90)));

        assertThat(moderationFormAuthors(procedure)).as("the moderation form showed the author")
            .contains(anna.username());
        ClockUtil.setCurrentTime(Date.from(EXTENDED.plus(Duration.ofDays(200))));
        scenario.executeJob(procedure, TIMER_PSEUDONYMISATION_DUE);
        scenario.executeJob(procedure, TASK_PSEUDONYMISE_AUTHORS);

        assertThat(moderationFormAuthors(procedure)).as("nor does the engine's history keep the form's copy")
            .isEmpty();

        Comment pseudonymised = scenario.comment(annas.getId());
        assertThat(pseudonymised.getAuthorCitizenId()).isNull();
        assertThat(pseudonymised.isAuthorPseudonymised()).isTrue();
        assertThat(pseudonymised.getText()).isEqualTo("Bitte auch Kinder beteiligen.");
        assertThat(pseudonymised.getDisposition()).isEqualTo(Disposition.ADOPTED);
        assertThat(scenario.draft(procedure).getPseudonymisedAt()).isNotNull();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_COMMENTING_COMPLETED);
        assertThat(scenario.reload(procedure).getStatus()).isEqualTo(ProcedureStatus.COMPLETED);
    }

    @Test
    void coordinationReturnsTheDraft_officerSetsItUpAgain() {
        Procedure procedure = scenario.start();
        scenario.submit(procedure, TASK_SET_UP_DRAFT, "officer", setUp(scenario.title(), OPENS, "P21D"));

        Throwable noNote = catchThrowable(() -> scenario.submit(procedure, TASK_APPROVE_DRAFT, "coordination",
            draftDecision(DECISION_REWORK, null)));
        assertThat(InputRejectedException.in(noNote)).isNotNull().extracting(InputRejectedException::field)
            .isEqualTo("approvalNote");

        scenario.submit(procedure, TASK_APPROVE_DRAFT, "coordination",
            draftDecision(DECISION_REWORK, "Bitte Zusammenfassung kürzen."));

        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SET_UP_DRAFT);
        assertThat(processEngine.getTaskService().getVariableLocal(scenario.task(procedure, TASK_SET_UP_DRAFT).getId(),
            "reviewNote")).isEqualTo("coordination: Bitte Zusammenfassung kürzen.");
        assertThat(processEngine.getTaskService().getVariableLocal(scenario.task(procedure, TASK_SET_UP_DRAFT).getId(),
            "opensAt")).as("prefilled for the second round").isEqualTo("2027-03-08T10:00");

        scenario.submit(procedure, TASK_SET_UP_DRAFT, "officer", setUp(scenario.title(), OPENS, "P4W"));
        assertThat(scenario.draft(procedure).getClosesAt()).isEqualTo(berlin("2027-04-05T10:00"));
        assertThat(scenario.paragraphs(procedure)).as("the text replaced, not added").hasSize(3);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_APPROVE_DRAFT);
    }

    @Test
    void setUpRejectsBrokenInput_nextToTheField() {
        Procedure procedure = scenario.start();
        var values = setUp(scenario.title(), OPENS, "drei Wochen");
        Throwable badPeriod = catchThrowable(() -> scenario.submit(procedure, TASK_SET_UP_DRAFT, "officer", values));
        assertThat(InputRejectedException.in(badPeriod).field()).isEqualTo("commentingPeriod");

        var empty = setUp(scenario.title(), OPENS, "P21D");
        empty.put("draftMarkdown", "# Nur eine Überschrift\n\n");
        Throwable noParagraph = catchThrowable(() -> scenario.submit(procedure, TASK_SET_UP_DRAFT, "officer", empty));
        assertThat(InputRejectedException.in(noParagraph).field()).isEqualTo("draftMarkdown");

        var past = setUp(scenario.title(), berlin("2027-01-01T10:00"), "P21D");
        Throwable over = catchThrowable(() -> scenario.submit(procedure, TASK_SET_UP_DRAFT, "officer", past));
        assertThat(InputRejectedException.in(over)).isNotNull().extracting(Throwable::getMessage).asString()
            .contains("wäre schon vorbei");
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_SET_UP_DRAFT);
    }

    @Test
    void extension_onlyLaterAndWithReason_andNotAfterClosing() {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Long draftId = scenario.draft(procedure).getId();

        assertThat(catchThrowable(() -> commenting.extend(draftId, CLOSES.minus(Duration.ofDays(1)), "x", "officer")))
            .isInstanceOf(InputRejectedException.class).hasMessageContaining("nach dem bisherigen Ende");
        assertThat(catchThrowable(() -> commenting.extend(draftId, EXTENDED, " ", "officer")))
            .isInstanceOf(InputRejectedException.class).hasMessageContaining("Grund");
        assertThat(commenting.extensions(draftId)).isEmpty();

        scenario.close(procedure, CLOSES);

        assertThat(catchThrowable(() -> commenting.extend(draftId, EXTENDED, "zu spät", "officer")))
            .isInstanceOf(InputRejectedException.class).hasMessageContaining("nur während");
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_EVALUATE_COMMENTS);
    }

    @Test
    void councilModuleSendsTheDecision_feedbackCarriesItsText() {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Draft draft = scenario.draft(procedure);
        CitizenUser ida = CitizenScenario.user(citizens.confirmed("ida"));
        Comment comment = commenting.submit(ida, draft.getId(), null, null, "Bitte mehr Bänke.");
        scenario.approve(comment);
        scenario.close(procedure, CLOSES);
        commenting.evaluate(draft.getId(), comment.getId(), Disposition.ADOPTED, "Aufgenommen.", "officer");
        scenario.submit(procedure, TASK_EVALUATE_COMMENTS, "officer", java.util.Map.of());
        scenario.submit(procedure, TASK_REVISE_DRAFT, "officer", java.util.Map.of("draftMarkdown", CommentingScenario.MARKDOWN));
        scenario.executeJob(procedure, TASK_PUBLISH_RESULTS_REPORT);

        processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_COUNCIL_DECISION_TAKEN)
            .processInstanceBusinessKey(procedure.getBusinessKey())
            .setVariable(VAR_COUNCIL_DECISION, "Der Stadtrat hat die Leitlinien am 12.05.2027 beschlossen.")
            .correlate();
        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);

        assertThat(scenario.draft(procedure).getCouncilDecision())
            .isEqualTo("Der Stadtrat hat die Leitlinien am 12.05.2027 beschlossen.");
        assertThat(mailsTo(ida)).filteredOn(m -> m.subject().startsWith("Was aus Ihren Kommentaren wurde"))
            .singleElement().satisfies(mail -> assertThat(mail.body()).contains("Bitte mehr Bänke.", "übernommen",
                "Der Stadtrat hat die Leitlinien am 12.05.2027 beschlossen."));
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TIMER_PSEUDONYMISATION_DUE);
    }

    private List<OutgoingMail> mailsTo(CitizenUser citizen) {
        String address = citizens.email(citizen.username().substring(0, citizen.username().lastIndexOf('-')));
        return mailGateway.delivered().stream().filter(m -> m.to().equals(address) && m.dedupKey().startsWith("commenting-")).toList();
    }

    /** Authors' names in the history of the moderations' form values (with every recorded change). */
    private List<String> moderationFormAuthors(Procedure procedure) {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
            "select V.TEXT_ from ACT_HI_VARINST V join ACT_HI_PROCINST P on P.ID_ = V.PROC_INST_ID_ "
                + "where P.BUSINESS_KEY_ = ? and P.PROC_DEF_KEY_ = ? and V.NAME_ = 'commentAuthor' "
                + "and V.TEXT_ is not null union all select D.TEXT_ from ACT_HI_DETAIL D join ACT_HI_PROCINST P "
                + "on P.ID_ = D.PROC_INST_ID_ where P.BUSINESS_KEY_ = ? and P.PROC_DEF_KEY_ = ? "
                + "and D.NAME_ = 'commentAuthor' and D.TEXT_ is not null",
            String.class, procedure.getBusinessKey(), CommentModerationProcess.PROCESS_ID, procedure.getBusinessKey(),
            CommentModerationProcess.PROCESS_ID);
    }
}

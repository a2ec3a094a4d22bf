package de.stadtdialog.commenting;

import static de.stadtdialog.commenting.CommentingPhaseProcess.*;
import static de.stadtdialog.commenting.CommentingScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.ParticipationHistory;
import de.stadtdialog.citizen.ParticipationHistory.OwnContribution;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.council.CouncilScenario;
import de.stadtdialog.council.OpenParticipationFormats;
import de.stadtdialog.council.ParticipantFeedback;
import de.stadtdialog.council.ParticipantFeedback.FeedbackRecipient;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Commenting as the council sees it: the open commenting period for the guard, each author's comments with their
 * disposition for the feedback, the author's own page entries, one feedback mail per person when the council
 * decides (the commenting process's own mail stays out), and nothing once authors are pseudonymised.
 */
@StadtdialogSpringTest
class CommentingFeedbackTests {

    private static final Instant NOW = berlin("2027-03-01T09:00");
    private static final Instant OPENS = berlin("2027-03-08T10:00");
    private static final Instant CLOSES = berlin("2027-03-29T10:00");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    CommentingService commenting;
    @Autowired
    List<ParticipantFeedback> feedback;
    @Autowired
    List<OpenParticipationFormats> openFormats;
    @Autowired
    List<ParticipationHistory> histories;

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
    void commentersHearWhatBecameOfEachComment_onceFromTheCouncil_andNotAfterPseudonymisation() {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Draft draft = scenario.draft(procedure);
        assertThat(open(procedure)).containsExactly("Online-Kommentierung „" + scenario.title()
            + "“ bis 29.03.2027, 10:00 Uhr");

        Citizen anna = citizens.confirmed("anna");
        Citizen ben = citizens.confirmed("ben");
        Long firstParagraph = scenario.paragraphs(procedure).get(0).getId();
        Comment annas = commenting.submit(CitizenScenario.user(anna), draft.getId(), firstParagraph, null,
            "Bitte auch Kinder beteiligen.");
        Comment spam = commenting.submit(CitizenScenario.user(anna), draft.getId(), null, null, "Kaufen Sie jetzt!");
        Comment bens = commenting.submit(CitizenScenario.user(ben), draft.getId(), null, null, "Mehr Online-Formate.");
        Comment workshop = commenting.addWorkshopInput(draft.getId(), null, "Werkstatt Stadtteilbüro Nord",
            "Auch Papierformulare anbieten.", "officer");
        scenario.approve(annas);
        scenario.approve(bens);
        scenario.submit(scenario.moderationTask(spam), "officer",
            CommentingScenario.moderation(CommentModerationProcess.DECISION_REJECT, "ADVERTISING", null));

        CouncilScenario council = new CouncilScenario(context);
        Procedure motion = council.start(procedure.getBusinessKey());
        council.submitted(motion, null, null, "Stadtrat");
        Throwable tooEarly = catchThrowable(() -> council.submit(motion,
            CouncilDecisionProcess.TASK_SCHEDULE_CONSULTATION, "secretariat",
            CouncilScenario.meeting("2027-03-25T17:00")));
        assertThat(InputRejectedException.in(tooEarly)).as("the guard names the open format").isNotNull()
            .extracting(Throwable::getMessage).asString().contains("solange die Beteiligung läuft",
                "Online-Kommentierung „" + scenario.title() + "“ bis 29.03.2027, 10:00 Uhr");

        scenario.close(procedure, CLOSES);
        assertThat(open(procedure)).as("closed: nothing open, the default look at the process steps aside")
            .isEmpty();

        commenting.evaluate(draft.getId(), annas.getId(), Disposition.ADOPTED, "Kapitel 1 nennt Kinder.", "officer");
        commenting.evaluate(draft.getId(), bens.getId(), Disposition.NOT_ADOPTED, "Bleibt der Verwaltung überlassen.",
            "officer");
        commenting.evaluate(draft.getId(), workshop.getId(), Disposition.PARTLY_ADOPTED, "Auf Nachfrage.", "officer");
        scenario.submit(procedure, TASK_EVALUATE_COMMENTS, "officer", Map.of());
        scenario.submit(procedure, TASK_REVISE_DRAFT, "officer", Map.of("draftMarkdown", CommentingScenario.MARKDOWN));
        scenario.executeJob(procedure, TASK_PUBLISH_RESULTS_REPORT);

        List<FeedbackRecipient> recipients = participants(procedure);
        assertThat(recipients).extracting(FeedbackRecipient::mailAddress)
            .as("approved comments of account holders; workshop input has no author to write to")
            .containsExactlyInAnyOrder(anna.getEmail(), ben.getEmail());
        FeedbackRecipient annasFeedback = recipients.stream().filter(r -> r.mailAddress().equals(anna.getEmail()))
            .findFirst().orElseThrow();
        assertThat(annasFeedback.contribution()).startsWith("Ihr Kommentar zu „1. Ziele“ im Entwurf „"
            + scenario.title() + "“ vom ").endsWith(": „Bitte auch Kinder beteiligen.“");
        assertThat(annasFeedback.outcome()).isEqualTo("übernommen: Kapitel 1 nennt Kinder.");
        assertThat(annasFeedback.personalPageUrl()).startsWith("http")
            .endsWith("/buerger/rueckmeldungen#verfahren-" + procedure.getId());

        assertThat(own(anna)).extracting(OwnContribution::outcome).containsExactly(
            "übernommen: Kapitel 1 nennt Kinder.",
            "nicht veröffentlicht: " + RejectionReason.ADVERTISING.label() + ".");
        assertThat(own(anna)).allSatisfy(c -> assertThat(c.procedureId()).isEqualTo(procedure.getId()));

        council.deliberate(motion, "2027-04-15T17:00", CouncilScenario.result(ConsultationResult.ADOPTED_WITH_CHANGES,
            "Kapitel 6 nennt Jugendliche.", null));
        council.executeJob(motion, CouncilDecisionProcess.TASK_PUBLISH_DECISION);
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_SEND_FEEDBACK);
        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);
        assertThat(scenario.draft(procedure).getFeedbackSentAt()).isNotNull();
        assertThat(scenario.draft(procedure).getCouncilDecision()).as("a sentence for staff, not the result flag")
            .startsWith("Der Stadtrat hat am 15.04.2027 über die Vorlage BV/2027/")
            .contains("entschieden: mit Änderungen beschlossen.", "Änderungen: Kapitel 6 nennt Jugendliche.");
        council.executeJob(motion, CouncilDecisionProcess.TASK_SEND_FEEDBACK);

        List<OutgoingMail> toAnna = feedbackMailsTo(anna);
        assertThat(toAnna).as("one feedback mail per person, from the council").singleElement()
            .satisfies(mail -> {
                assertThat(mail.dedupKey()).startsWith("council-motion-");
                assertThat(mail.body()).contains("mit Änderungen beschlossen", "Bitte auch Kinder beteiligen.",
                    "übernommen: Kapitel 1 nennt Kinder.", "/buerger/rueckmeldungen#verfahren-" + procedure.getId())
                    .doesNotContain("Kaufen Sie jetzt!", "Mehr Online-Formate.");
            });
        assertThat(feedbackMailsTo(ben)).singleElement().satisfies(mail -> assertThat(mail.body())
            .contains("nicht übernommen: Bleibt der Verwaltung überlassen."));

        commenting.pseudonymiseAuthors(draft.getId());
        assertThat(participants(procedure)).as("pseudonymised authors are nobody's").isEmpty();
        assertThat(own(anna)).as("her page no longer knows them either").isEmpty();
    }

    @Test
    void withoutACouncilMotion_theCommentingProcessStillSendsItsOwnFeedback() {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Draft draft = scenario.draft(procedure);
        Citizen ida = citizens.confirmed("ida");
        Comment comment = commenting.submit(CitizenScenario.user(ida), draft.getId(), null, null, "Mehr Bänke.");
        scenario.approve(comment);
        scenario.close(procedure, CLOSES);
        commenting.evaluate(draft.getId(), comment.getId(), Disposition.ADOPTED, "Aufgenommen.", "officer");
        scenario.submit(procedure, TASK_EVALUATE_COMMENTS, "officer", Map.of());
        scenario.submit(procedure, TASK_REVISE_DRAFT, "officer", Map.of("draftMarkdown", CommentingScenario.MARKDOWN));
        scenario.executeJob(procedure, TASK_PUBLISH_RESULTS_REPORT);

        commenting.recordCouncilDecision(draft.getId(), "Der Stadtrat hat die Leitlinien beschlossen.");
        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);

        assertThat(feedbackMailsTo(ida)).singleElement().satisfies(mail -> {
            assertThat(mail.dedupKey()).startsWith("commenting-");
            assertThat(mail.body()).contains("Mehr Bänke.", "übernommen");
        });
    }

    private List<OutgoingMail> feedbackMailsTo(Citizen citizen) {
        return mailGateway.delivered().stream().filter(m -> m.to().equals(citizen.getEmail()))
            .filter(m -> m.dedupKey().contains("feedback")).toList();
    }

    private List<String> open(Procedure procedure) {
        return openFormats.stream().flatMap(source -> source.openFormatsOf(procedure.getId()).stream()).toList();
    }

    private List<FeedbackRecipient> participants(Procedure procedure) {
        return feedback.stream().flatMap(source -> source.participantsOf(procedure.getId()).stream()).toList();
    }

    private List<OwnContribution> own(Citizen citizen) {
        CitizenUser user = CitizenScenario.user(citizen);
        return histories.stream().flatMap(history -> history.contributionsOf(user).stream()).toList();
    }
}

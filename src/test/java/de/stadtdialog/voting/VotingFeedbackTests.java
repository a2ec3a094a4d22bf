package de.stadtdialog.voting;

import static de.stadtdialog.voting.VoteProcess.*;
import static de.stadtdialog.voting.VotingScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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

/**
 * A vote as the council sees it: open (named with its dates) until counted, each linked voter told "counted" with
 * the result (never the choice), one feedback mail per voter when the council decides, nobody after unlinking.
 */
@StadtdialogSpringTest
class VotingFeedbackTests {

    private static final Instant NOW = berlin("2027-03-01T09:00");
    private static final Instant OPENS = berlin("2027-03-08T08:00");
    private static final Instant CLOSES = berlin("2027-03-22T18:00");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    VotingService voting;
    @Autowired
    List<ParticipantFeedback> feedback;
    @Autowired
    List<OpenParticipationFormats> openFormats;
    @Autowired
    List<ParticipationHistory> histories;

    private VotingScenario scenario;
    private CitizenScenario citizens;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new VotingScenario(context);
        citizens = new CitizenScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void votersHearTheirVoteCountedWithTheResult_onceFromTheCouncil_andNobodyAfterUnlinking() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, true, null, OPENS, CLOSES));
        assertThat(open(procedure)).containsExactly("Abstimmung „" + scenario.title()
            + "“ ab 08.03.2027, 08:00 Uhr bis 22.03.2027, 18:00 Uhr");
        scenario.approveAndOpen(procedure);
        assertThat(open(procedure))
            .containsExactly("Abstimmung „" + scenario.title() + "“ bis 22.03.2027, 18:00 Uhr");

        Citizen anna = citizens.confirmed("anna");
        Citizen ben = citizens.confirmed("ben");
        Long voteId = scenario.vote(procedure).getId();
        List<Long> options = scenario.optionIds(procedure);
        voting.cast(CitizenScenario.user(anna), voteId, List.of(options.get(1)), null);
        voting.cast(CitizenScenario.user(ben), voteId, List.of(options.get(1)), null);
        voting.enterPaperBallot(voteId, "P-1", List.of(options.get(0)), null, "officer");
        assertThat(own(anna)).singleElement().satisfies(c -> {
            assertThat(c.contribution()).startsWith("Ihre Stimme in der Abstimmung „" + scenario.title()
                + "“ (Quittungscode ");
            assertThat(c.outcome()).isEqualTo("Ihre Stimme ist abgegeben; ausgezählt wird nach dem Ende der "
                + "Abstimmung (22.03.2027, 18:00 Uhr).");
        });

        scenario.finishPaperAndClose(procedure);
        assertThat(open(procedure)).as("counted: nothing open").isEmpty();

        List<FeedbackRecipient> recipients = participants(procedure);
        assertThat(recipients).extracting(FeedbackRecipient::mailAddress)
            .as("the anonymous paper ballot has nobody to write to")
            .containsExactlyInAnyOrder(anna.getEmail(), ben.getEmail());
        assertThat(recipients).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo("Ihre Stimme wurde gezählt (3 Stimmen insgesamt). Ergebnis: "
                + "„Entwurf B: Wasserspiel“.");
            assertThat(r.personalPageUrl()).endsWith("/buerger/rueckmeldungen#verfahren-" + procedure.getId());
        });

        CouncilScenario council = new CouncilScenario(context);
        Procedure motion = council.start(procedure.getBusinessKey());
        council.submitted(motion, null, null, "Stadtrat");
        council.deliberate(motion, "2027-04-15T17:00", CouncilScenario.result(ConsultationResult.ADOPTED_WITH_CHANGES,
            "Mit Sitzstufen aus Entwurf A.", null));
        council.executeJob(motion, CouncilDecisionProcess.TASK_PUBLISH_DECISION);
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_SEND_FEEDBACK);
        assertThat(scenario.vote(procedure).getOutcome()).contains("mit Änderungen beschlossen");
        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);
        assertThat(scenario.vote(procedure).getFeedbackSentAt()).isNotNull();
        council.executeJob(motion, CouncilDecisionProcess.TASK_SEND_FEEDBACK);

        assertThat(feedbackMailsTo(anna)).as("one mail per voter, from the council").singleElement()
            .satisfies(mail -> {
                assertThat(mail.dedupKey()).startsWith("council-motion-");
                assertThat(mail.body()).contains("Ihre Stimme wurde gezählt", "„Entwurf B: Wasserspiel“",
                    "mit Änderungen beschlossen");
            });

        scenario.executeJob(procedure, TASK_PUBLISH_OPEN_DATA);
        scenario.executeJob(procedure, TIMER_UNLINK_VOTERS);
        assertThat(participants(procedure)).as("unlinked voters are nobody's").isEmpty();
        assertThat(own(anna)).isEmpty();
    }

    @Test
    void advisoryVoteWithoutCouncil_keepsItsOwnFeedbackMail() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        Citizen clara = citizens.confirmed("clara");
        voting.cast(CitizenScenario.user(clara), scenario.vote(procedure).getId(),
            List.of(scenario.optionIds(procedure).get(0)), null);
        scenario.finishPaperAndClose(procedure);
        scenario.submit(procedure, TASK_ADOPT_RESULT, "officer", java.util.Map.of("decisionReason",
            "Die Verwaltung plant mit Entwurf A weiter."));
        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);

        assertThat(feedbackMailsTo(clara)).singleElement()
            .satisfies(mail -> assertThat(mail.dedupKey()).startsWith("vote-"));
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

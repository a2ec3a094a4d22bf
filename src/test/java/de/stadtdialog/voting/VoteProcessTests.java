package de.stadtdialog.voting;

import static de.stadtdialog.voting.VoteProcess.*;
import static de.stadtdialog.voting.VotingScenario.berlin;
import static de.stadtdialog.voting.VotingScenario.voter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The vote process, one test per path: effects first (vote row, ballots, tally, mails), then where the process
 * stands. The engine clock is fixed so dates in assertions are readable.
 */
@StadtdialogSpringTest
@MeasureFlowNodeCoverage(PROCESS_ID)
@Tag("database")
class VoteProcessTests {

    private static final Instant NOW = berlin("2027-03-01T09:00");
    private static final Instant OPENS = berlin("2027-03-08T08:00");
    private static final Instant CLOSES = berlin("2027-03-22T18:00");
    private static final AtomicLong VOTER_IDS = new AtomicLong(7_100_000);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    VotingService voting;
    @Autowired
    VoteTallyRepository tallies;
    @Autowired
    VoteExtensionRepository extensions;
    @Autowired
    JdbcTemplate jdbc;

    private VotingScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new VotingScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void advisoryVote_setUpApprovedOpenedClosedCountedAdoptedFedBackPublishedAndUnlinked() {
        CitizenScenario citizens = new CitizenScenario(context);
        Citizen anna = citizens.confirmed("anna");
        Citizen ben = citizens.confirmed("ben");
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null, OPENS,
            CLOSES));
        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SET_UP_VOTE);
        assertThat(scenario.reload(procedure).getPhase()).isEqualTo("Abstimmung vorbereiten");
        assertThat(taskService.getVariableLocal(scenario.task(procedure, TASK_SET_UP_VOTE).getId(), "voteSummary")
            .toString()).contains("Entwurf B: Wasserspiel", "Empfehlung an die Verwaltung");

        scenario.approveAndOpen(procedure);

        Vote vote = scenario.vote(procedure);
        assertThat(vote.getApprovedBy()).isEqualTo("coordination");
        assertThat(vote.getSetUpBy()).isEqualTo("officer");
        assertThat(vote.getOpenedAt()).isEqualTo(NOW);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_ENTER_PAPER_BALLOTS, GATEWAY_WAIT_FOR_CLOSE);
        BpmnAwareTests.assertThat(job(TIMER_VOTE_CLOSES, instance)).hasDueDate(Date.from(CLOSES));

        List<Long> options = scenario.optionIds(procedure);
        voting.cast(CitizenScenario.user(anna), vote.getId(), List.of(options.get(1)), null);
        voting.cast(CitizenScenario.user(ben), vote.getId(), List.of(options.get(1)), null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), vote.getId(), List.of(options.get(0)), null);
        voting.enterPaperBallot(vote.getId(), "P-1", List.of(options.get(2)), null, "officer");
        scenario.finishPaperAndClose(procedure);

        vote = scenario.vote(procedure);
        assertThat(vote.getClosedAt()).isNotNull();
        assertThat(vote.getBallotCount()).isEqualTo(4);
        assertThat(vote.getPaperBallotCount()).isEqualTo(1);
        assertThat(vote.getWinnerOptionId()).isEqualTo(options.get(1));
        assertThat(vote.isTie()).isFalse();
        assertThat(tallies.findByVoteIdOrderByRoundAscVotesDesc(vote.getId())).filteredOn(t -> t.getOptionId() != null)
            .extracting(VoteTally::getOptionId, VoteTally::getVotes)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(options.get(1), 2L),
                org.assertj.core.groups.Tuple.tuple(options.get(0), 1L),
                org.assertj.core.groups.Tuple.tuple(options.get(2), 1L));
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_CLOSE_VOTE, TASK_TALLY_VOTE).isWaitingAtExactly(
            TASK_ADOPT_RESULT);
        assertThat(taskService.getVariableLocal(scenario.task(procedure, TASK_ADOPT_RESULT).getId(),
            "resultSummary").toString()).contains("Abgegebene Stimmen: 4 (davon auf Papier: 1)",
                "Ergebnis: Entwurf B: Wasserspiel");

        scenario.submit(procedure, TASK_ADOPT_RESULT, "officer", Map.of("decisionReason",
            "Entwurf B wird Grundlage des Wettbewerbs."));
        assertThat(scenario.vote(procedure).getOutcomeSource()).isEqualTo("officer");
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_SEND_FEEDBACK);
        BpmnAwareTests.assertThat(job(TASK_SEND_FEEDBACK, instance)).hasRetries(3);

        scenario.executeJob(procedure, TASK_SEND_FEEDBACK);
        scenario.executeJob(procedure, TASK_PUBLISH_OPEN_DATA);

        List<OutgoingMail> mails = mailGateway.delivered().stream()
            .filter(m -> m.subject().contains(scenario.title())).toList();
        assertThat(mails).extracting(OutgoingMail::to).containsExactlyInAnyOrder(anna.getEmail(), ben.getEmail());
        assertThat(mails).allSatisfy(mail -> {
            assertThat(mail.body()).contains("Ergebnis: „Entwurf B: Wasserspiel“", "Entwurf B wird Grundlage",
                "/oeffentlich/abstimmungen/" + scenario.vote(procedure).getId());
            assertThat(mail.body()).doesNotContain("Entwurf A", "Entwurf C");
        });
        vote = scenario.vote(procedure);
        assertThat(vote.getFeedbackSentAt()).isEqualTo(NOW);
        assertThat(vote.getPublishedAt()).isEqualTo(NOW);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TIMER_UNLINK_VOTERS);
        BpmnAwareTests.assertThat(job(TIMER_UNLINK_VOTERS, instance)).hasDueDate(Date.from(NOW.plus(Duration.ofDays(30))));

        scenario.executeJob(procedure, TIMER_UNLINK_VOTERS);

        Long voteId = vote.getId();
        assertThat(jdbc.queryForObject("select count(*) from ballot where vote_id = ? and voter_ref is not null",
            Integer.class, voteId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ballot where vote_id = ?", Integer.class, voteId))
            .as("ballots stay, so the count is reproducible").isEqualTo(4);
        assertThat(scenario.vote(procedure).getVotersUnlinkedAt()).isNotNull();
        assertThat(scenario.reload(procedure).getStatus()).isNotEqualTo(ProcedureStatus.RUNNING);
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_UNLINK_VOTERS, END_VOTERS_UNLINKED).isEnded();
    }

    @Test
    void approvalRework_andFourEyes() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null, OPENS,
            CLOSES));
        scenario.submit(procedure, TASK_SET_UP_VOTE, "officer", Map.of("opensAtInput", "2027-03-09T10:00",
            "closesAtInput", "2027-03-20T18:00", "bindingInput", true, "changeAllowedInput", true,
            "minimumTurnoutInput", "50", "minimumAgeInput", "16"));
        Vote revised = scenario.vote(procedure);
        assertThat(revised.getOpensAt()).isEqualTo(berlin("2027-03-09T10:00"));
        assertThat(revised.isBindingForCouncil()).isTrue();
        assertThat(revised.getMinimumTurnout()).isEqualTo(50);
        assertThat(revised.getMinimumAge()).isEqualTo(16);

        Throwable ownApproval = catchThrowable(() -> scenario.submit(procedure, TASK_APPROVE_VOTE, "officer",
            Map.of(VAR_APPROVAL_DECISION, DECISION_APPROVE)));
        assertThat(InputRejectedException.in(ownApproval)).isNotNull().hasMessageContaining("Vier-Augen-Prinzip");
        taskService.setAssignee(scenario.task(procedure, TASK_APPROVE_VOTE).getId(), null);
        scenario.submit(procedure, TASK_APPROVE_VOTE, "coordination", Map.of(VAR_APPROVAL_DECISION, DECISION_REWORK,
            "reviewComment", "Bitte Bildbeschreibungen ergänzen."));

        assertThat(scenario.vote(procedure).isApproved()).isFalse();
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_SET_UP_VOTE);
        assertThat(taskService.getVariableLocal(scenario.task(procedure, TASK_SET_UP_VOTE).getId(), "reviewComment"))
            .isEqualTo("Bitte Bildbeschreibungen ergänzen.");
    }

    @Test
    void extension_isLoggedAndTheClosingTimerFollowsTheNewDate() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null, OPENS,
            CLOSES));
        scenario.approveAndOpen(procedure);
        Vote vote = scenario.vote(procedure);
        Instant later = berlin("2027-03-29T18:00");

        assertThatThrownBy(() -> voting.extend(vote.getId(), CLOSES.minusSeconds(60), "zu früh", "officer"))
            .isInstanceOf(InputRejectedException.class).hasMessageContaining("nach dem bisherigen Ende");
        voting.extend(vote.getId(), later, "Osterferien: mehr Zeit für Familien.", "officer");

        assertThat(scenario.vote(procedure).getClosesAt()).isEqualTo(later);
        assertThat(extensions.findByVoteIdOrderByExtendedAt(vote.getId())).singleElement().satisfies(e -> {
            assertThat(e.getPreviousClosesAt()).isEqualTo(CLOSES);
            assertThat(e.getNewClosesAt()).isEqualTo(later);
            assertThat(e.getReason()).startsWith("Osterferien");
        });
        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).hasPassed(EVENT_VOTE_EXTENDED)
            .isWaitingAt(TASK_ENTER_PAPER_BALLOTS, GATEWAY_WAIT_FOR_CLOSE);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list())
            .singleElement().satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(Date.from(later)));

        ClockUtil.setCurrentTime(Date.from(CLOSES.plusSeconds(3600)));
        voting.cast(voter(VOTER_IDS.incrementAndGet()), vote.getId(), List.of(scenario.optionIds(procedure).get(0)),
            null);
        assertThat(jdbc.queryForObject("select count(*) from ballot where vote_id = ?", Integer.class, vote.getId()))
            .as("still open after the old end").isEqualTo(1);
    }

    @Test
    void tie_decidedByStaff_thenBindingForCouncil_decisionArrivesAsMessage() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, true, null, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        Long voteId = scenario.vote(procedure).getId();
        List<Long> options = scenario.optionIds(procedure);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(options.get(0)), null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(options.get(2)), null);
        scenario.finishPaperAndClose(procedure);

        Vote counted = scenario.vote(procedure);
        assertThat(counted.isTie()).isTrue();
        assertThat(counted.getWinnerOptionId()).isNull();
        ProcessInstance instance = scenario.instance(procedure);
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_DECIDE_TIE);
        String tiedOptions = taskService.getVariableLocal(scenario.task(procedure, TASK_DECIDE_TIE).getId(),
            "tiedOptions").toString();
        assertThat(tiedOptions).contains("Entwurf A: Baumhain", "Entwurf C: Bühne").doesNotContain("Entwurf B");

        Throwable notTied = catchThrowable(() -> scenario.submit(procedure, TASK_DECIDE_TIE, "coordination",
            Map.of("tieWinner", String.valueOf(options.get(1)), "decisionReason", "Los")));
        assertThat(InputRejectedException.in(notTied)).isNotNull();
        scenario.submit(procedure, TASK_DECIDE_TIE, "coordination", Map.of("tieWinner",
            String.valueOf(options.get(2)), "decisionReason", "Losentscheid in der Sitzung am 23.03."));

        assertThat(scenario.vote(procedure).getWinnerOptionId()).isEqualTo(options.get(2));
        BpmnAwareTests.assertThat(instance).isWaitingAtExactly(TASK_RECORD_COUNCIL_DECISION);

        runtimeService.createMessageCorrelation(MESSAGE_COUNCIL_DECISION_TAKEN)
            .processInstanceBusinessKey(procedure.getBusinessKey())
            .setVariable(VAR_COUNCIL_RESULT, "adopted-with-changes").correlate();

        Vote decided = scenario.vote(procedure);
        assertThat(decided.getOutcomeSource()).isEqualTo("council");
        assertThat(decided.getCouncilResult()).isEqualTo("adopted-with-changes");
        assertThat(decided.getOutcome()).contains("mit Änderungen beschlossen");
        BpmnAwareTests.assertThat(instance).hasPassed(EVENT_COUNCIL_DECISION_TAKEN, TASK_TAKE_OVER_COUNCIL_DECISION)
            .isWaitingAtExactly(TASK_SEND_FEEDBACK);
        assertThat(scenario.task(procedure, TASK_RECORD_COUNCIL_DECISION)).as("the manual task ended").isNull();
    }

    @Test
    void bindingForCouncil_decisionRecordedByHand() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, true, null, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), scenario.vote(procedure).getId(),
            List.of(scenario.optionIds(procedure).get(0)), null);
        scenario.finishPaperAndClose(procedure);
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_RECORD_COUNCIL_DECISION);

        scenario.submit(procedure, TASK_RECORD_COUNCIL_DECISION, "secretariat", Map.of(VAR_COUNCIL_RESULT, "adopted",
            "decisionReason", "Drucksache 0815/2027, Stadtrat am 12.04.2027"));

        Vote decided = scenario.vote(procedure);
        assertThat(decided.getCouncilResult()).isEqualTo("adopted");
        assertThat(decided.getOutcome()).contains("beschlossen", "Drucksache 0815/2027");
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_SEND_FEEDBACK);
    }

    @Test
    void lowTurnout_void_endsWithoutResultButStillFeedsBackAndPublishes() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, true, 5, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), scenario.vote(procedure).getId(),
            List.of(scenario.optionIds(procedure).get(0)), null);
        scenario.finishPaperAndClose(procedure);

        assertThat(scenario.vote(procedure).getTurnoutReached()).isFalse();
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_DECIDE_LOW_TURNOUT);
        scenario.submit(procedure, TASK_DECIDE_LOW_TURNOUT, "coordination", Map.of(VAR_LOW_TURNOUT_DECISION,
            DECISION_VOID, "decisionReason", "Nur eine Stimme: kein belastbares Ergebnis."));

        Vote vote = scenario.vote(procedure);
        assertThat(vote.getOutcomeSource()).isEqualTo("void");
        assertThat(vote.getLowTurnoutDecision()).isEqualTo("void");
        BpmnAwareTests.assertThat(scenario.instance(procedure)).hasNotPassed(TASK_RECORD_COUNCIL_DECISION)
            .isWaitingAtExactly(TASK_SEND_FEEDBACK);
    }

    @Test
    void lowTurnout_accepted_continuesToTheResult() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, 5, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), scenario.vote(procedure).getId(),
            List.of(scenario.optionIds(procedure).get(0)), null);
        scenario.finishPaperAndClose(procedure);
        scenario.submit(procedure, TASK_DECIDE_LOW_TURNOUT, "coordination", Map.of(VAR_LOW_TURNOUT_DECISION,
            DECISION_ACCEPT, "decisionReason", "Die Stimmen sind eindeutig."));

        assertThat(scenario.vote(procedure).getLowTurnoutDecision()).isEqualTo("accept");
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_ADOPT_RESULT);
    }

    @Test
    void tallyIsIdempotent_runningItAgainGivesTheSameRows() {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.RANKED_CHOICE, false, null, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        Long voteId = scenario.vote(procedure).getId();
        List<Long> o = scenario.optionIds(procedure);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(0), o.get(1)), null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(0)), null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(1)), null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(1), o.get(0)), null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(2), o.get(0)), null);
        scenario.finishPaperAndClose(procedure);
        List<String> first = tallies.findByVoteIdOrderByRoundAscVotesDesc(voteId).stream()
            .map(t -> t.getRound() + ":" + t.getOptionId() + "=" + t.getVotes()).toList();

        runtimeService.createProcessInstanceModification(procedure.getProcessInstanceId())
            .cancelAllForActivity(TASK_ADOPT_RESULT).startBeforeActivity(TASK_TALLY_VOTE).execute();

        assertThat(first).contains("1:" + o.get(0) + "=2", "1:" + o.get(2) + "=1", "2:" + o.get(0) + "=3");
        assertThat(tallies.findByVoteIdOrderByRoundAscVotesDesc(voteId).stream()
            .map(t -> t.getRound() + ":" + t.getOptionId() + "=" + t.getVotes()).toList()).isEqualTo(first);
        assertThat(scenario.vote(procedure).getWinnerOptionId()).isEqualTo(o.get(0));
    }

    @Test
    void failingMailServer_feedbackIsRetriedThenRaisesAnIncident() {
        CitizenScenario citizens = new CitizenScenario(context);
        Citizen carla = citizens.confirmed("carla");
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        voting.cast(CitizenScenario.user(carla), scenario.vote(procedure).getId(),
            List.of(scenario.optionIds(procedure).get(0)), null);
        scenario.finishPaperAndClose(procedure);
        scenario.submit(procedure, TASK_ADOPT_RESULT, "officer", Map.of("decisionReason", "Übernommen."));
        mailGateway.failWith("SMTP-Server antwortet nicht");
        Job job = scenario.job(procedure, TASK_SEND_FEEDBACK);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(catchThrowable(() -> managementService.executeJob(job.getId()))).isNotNull();
        }

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(procedure.getProcessInstanceId())
            .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(TASK_SEND_FEEDBACK);
        assertThat(incident.getIncidentMessage()).contains("antwortet nicht");
        assertThat(scenario.vote(procedure).getFeedbackSentAt()).isNull();

        mailGateway.reset();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(mailGateway.delivered()).filteredOn(m -> m.to().equals(carla.getEmail())).hasSize(1);
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(TASK_PUBLISH_OPEN_DATA);
    }
}

package de.stadtdialog.voting.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.notification.MailService;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.voting.BallotCount;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOption;
import de.stadtdialog.voting.VoteOptionRepository;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VoteTally;
import de.stadtdialog.voting.VoteTallyRepository;
import de.stadtdialog.voting.VoteTexts;

/**
 * What each automatic step of the vote process does to the vote's rows and the outside world. Every method may
 * run twice (a retried job) and then changes nothing further: the tally writes its figures anew from the
 * ballots, mails carry dedup keys, marks keep their first time.
 */
@Component
@Transactional
class VoteSteps {

    private final VoteRepository votes;
    private final VoteOptionRepository options;
    private final VoteTallyRepository tallies;
    private final BallotStore ballots;
    private final CitizenDirectory citizens;
    private final MailService mail;
    private final CouncilService council;
    private final Clock clock;
    private final String publicBaseUrl;

    VoteSteps(VoteRepository votes, VoteOptionRepository options, VoteTallyRepository tallies, BallotStore ballots,
            CitizenDirectory citizens, MailService mail, CouncilService council, Clock clock,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.votes = votes;
        this.options = options;
        this.tallies = tallies;
        this.ballots = ballots;
        this.citizens = citizens;
        this.mail = mail;
        this.council = council;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    Vote vote(Long id) {
        return votes.findById(id).orElseThrow(() -> new IllegalStateException("No vote " + id));
    }

    List<VoteOption> options(Long voteId) {
        return options.findByVoteIdOrderByPosition(voteId);
    }

    void open(Long voteId) {
        vote(voteId).markOpened(clock.instant());
    }

    void close(Long voteId) {
        vote(voteId).markClosed(clock.instant());
    }

    /** Counts from one GROUP BY over the ballots and stores every round; the same ballots give the same rows. */
    BallotCount.Result tally(Long voteId) {
        Vote vote = vote(voteId);
        List<Long> optionIds = options(voteId).stream().map(VoteOption::getId).toList();
        BallotCount.Result result = BallotCount.count(vote.getMethod(), optionIds, ballots.rankingGroups(voteId));
        tallies.deleteByVoteId(voteId);
        List<VoteTally> rows = new ArrayList<>();
        for (BallotCount.Round round : result.rounds()) {
            round.votes().forEach((optionId, count) -> rows.add(new VoteTally(vote.getTenantId(), voteId,
                round.number(), optionId, count, round.eliminated().contains(optionId))));
            rows.add(new VoteTally(vote.getTenantId(), voteId, round.number(), null, round.exhausted(), false));
        }
        tallies.saveAll(rows);
        boolean turnoutReached = vote.getMinimumTurnout() == null || result.ballots() >= vote.getMinimumTurnout();
        vote.recordTally((int) result.ballots(), ballots.countPaper(voteId), result.winner(), result.tie(),
            turnoutReached, clock.instant());
        return result;
    }

    /** The options staff may choose from on a tie: those the count left tied. */
    List<VoteOption> tiedOptions(Long voteId) {
        Vote vote = vote(voteId);
        List<Long> optionIds = options(voteId).stream().map(VoteOption::getId).toList();
        List<Long> tied = BallotCount.count(vote.getMethod(), optionIds, ballots.rankingGroups(voteId)).tied();
        return options(voteId).stream().filter(o -> tied.contains(o.getId())).toList();
    }

    void finishPaperEntry(Long voteId) {
        vote(voteId).finishPaperEntry(clock.instant());
    }

    void takeOverCouncilDecision(Long voteId, String councilResult) {
        Vote vote = vote(voteId);
        if (vote.getOutcomeSource() == null) {
            vote.recordOutcome("council", councilResult, "Der Stadtrat hat entschieden: " + councilLabel(councilResult)
                + ".", clock.instant());
        }
    }

    /**
     * One mail to every voter still linked (online and identified paper voters); never says what they chose. Left
     * out when a council motion decided on the procedure: the council's feedback step then writes to each voter,
     * with all their contributions, so nobody gets two mails.
     */
    void sendFeedback(Long voteId) {
        Vote vote = vote(voteId);
        if (council.givesFeedbackOn(vote.getProcedureId())) {
            vote.markFeedbackSent(clock.instant());
            return;
        }
        Map<Long, VoteOption> byId = options(voteId).stream()
            .collect(Collectors.toMap(VoteOption::getId, Function.identity()));
        String link = publicBaseUrl + "/oeffentlich/abstimmungen/" + voteId;
        String body = feedbackText(vote, byId.get(vote.getWinnerOptionId()), link);
        for (Long voter : ballots.linkedVoters(voteId)) {
            citizens.mailAddress(voter).ifPresent(address -> mail.send(new OutgoingMail(vote.getTenantId(),
                "vote-" + voteId + "-feedback-" + voter, address, "Ergebnis der Abstimmung: " + vote.getTitle(),
                body)));
        }
        vote.markFeedbackSent(clock.instant());
    }

    /** The open data (CSV, JSON) and the receipt list are served from the tables once this mark is set. */
    void publish(Long voteId) {
        vote(voteId).markPublished(clock.instant());
    }

    void unlinkVoters(Long voteId) {
        ballots.unlinkVoters(voteId);
        vote(voteId).markVotersUnlinked(clock.instant());
    }

    static String councilLabel(String councilResult) {
        return switch (councilResult == null ? "" : councilResult) {
            case "adopted" -> "beschlossen";
            case "adopted-with-changes" -> "mit Änderungen beschlossen";
            case "rejected" -> "abgelehnt";
            default -> "Beschluss liegt vor";
        };
    }

    private static String feedbackText(Vote vote, VoteOption winner, String link) {
        StringBuilder text = new StringBuilder();
        text.append("Guten Tag,\n\nvielen Dank, dass Sie bei der Abstimmung „").append(vote.getTitle())
            .append("“ mitgemacht haben.\n\n");
        text.append("Abgegebene Stimmen: ").append(vote.getBallotCount()).append("\n");
        if ("void".equals(vote.getOutcomeSource())) {
            text.append("Die Mindestbeteiligung wurde nicht erreicht; die Abstimmung endet ohne Ergebnis.\n");
        } else if (winner != null) {
            text.append("Ergebnis: „").append(winner.getTitle()).append("“\n");
        }
        if (vote.getOutcome() != null) {
            text.append("\n").append(vote.getOutcome()).append("\n");
        }
        text.append("\nAlle Zahlen, die Runden der Auszählung und die Liste der gezählten Quittungscodes finden Sie "
            + "hier:\n").append(link).append("\n\nMit Ihrem Quittungscode prüfen Sie dort, dass Ihre Stimme gezählt "
            + "wurde. Wie Sie abgestimmt haben, steht nirgends.\n\nStand: ").append(VoteTexts.dateTime(
                vote.getTalliedAt())).append("\n");
        return text.toString();
    }
}

package de.stadtdialog.voting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteExtension;
import de.stadtdialog.voting.VoteExtensionRepository;
import de.stadtdialog.voting.VoteOption;
import de.stadtdialog.voting.VoteOptionRepository;
import de.stadtdialog.voting.VoteTally;
import de.stadtdialog.voting.VoteTallyRepository;
import de.stadtdialog.voting.VoteTexts;

/** What the public (and staff) pages show of a vote: its options, the log of extensions and the counted rounds. */
@Component
@Transactional(readOnly = true)
class VoteViews {

    private final VoteOptionRepository options;
    private final VoteExtensionRepository extensions;
    private final VoteTallyRepository tallies;

    VoteViews(VoteOptionRepository options, VoteExtensionRepository extensions, VoteTallyRepository tallies) {
        this.options = options;
        this.extensions = extensions;
        this.tallies = tallies;
    }

    record OptionView(Long id, int position, String title, String description, String imageSrc, String imageAlt) {
    }

    record ExtensionView(String previousClosesAt, String newClosesAt, String reason, String extendedAt) {
    }

    record RoundView(int number, List<RoundRow> rows, long exhausted, long active) {
    }

    record RoundRow(Long optionId, String title, long votes, String percent, boolean eliminated) {
    }

    record ResultView(List<RoundView> rounds, ResultChart chart, String winnerTitle, int ballots, int paperBallots,
            boolean multipleRounds) {
    }

    List<OptionView> options(Vote vote) {
        return options.findByVoteIdOrderByPosition(vote.getId()).stream().map(o -> new OptionView(o.getId(),
            o.getPosition(), o.getTitle(), o.getDescription(), imageSrc(vote, o), o.getImageAlt())).toList();
    }

    List<ExtensionView> extensions(Vote vote) {
        return extensions.findByVoteIdOrderByExtendedAt(vote.getId()).stream().map(VoteViews::extension).toList();
    }

    /** Null before the tally. */
    ResultView result(Vote vote) {
        if (!vote.isCounted()) {
            return null;
        }
        Map<Long, VoteOption> byId = options.findByVoteIdOrderByPosition(vote.getId()).stream()
            .collect(Collectors.toMap(VoteOption::getId, Function.identity()));
        Map<Integer, List<VoteTally>> byRound = tallies.findByVoteIdOrderByRoundAscVotesDesc(vote.getId()).stream()
            .collect(Collectors.groupingBy(VoteTally::getRound, TreeMap::new, Collectors.toList()));
        List<RoundView> rounds = new ArrayList<>();
        byRound.forEach((number, rows) -> {
            long active = rows.stream().filter(t -> t.getOptionId() != null).mapToLong(VoteTally::getVotes).sum();
            long exhausted = rows.stream().filter(t -> t.getOptionId() == null).mapToLong(VoteTally::getVotes).sum();
            List<RoundRow> roundRows = rows.stream().filter(t -> t.getOptionId() != null)
                .map(t -> new RoundRow(t.getOptionId(), byId.get(t.getOptionId()).getTitle(), t.getVotes(),
                    percent(t.getVotes(), active), t.isEliminated())).toList();
            rounds.add(new RoundView(number, roundRows, exhausted, active));
        });
        RoundView last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        ResultChart chart = last == null ? null : ResultChart.of(last.rows().stream()
            .map(r -> new ResultChart.Row(r.title(), r.votes(), r.optionId().equals(vote.getWinnerOptionId())))
            .toList());
        VoteOption winner = vote.getWinnerOptionId() == null ? null : byId.get(vote.getWinnerOptionId());
        return new ResultView(rounds, chart, winner == null ? null : winner.getTitle(),
            vote.getBallotCount() == null ? 0 : vote.getBallotCount(),
            vote.getPaperBallotCount() == null ? 0 : vote.getPaperBallotCount(), rounds.size() > 1);
    }

    static String imageSrc(Vote vote, VoteOption option) {
        if (option.hasStoredImage()) {
            return "/oeffentlich/abstimmungen/" + vote.getId() + "/optionen/" + option.getId() + "/bild";
        }
        return option.getImageUrl();
    }

    static String percent(long votes, long of) {
        return of == 0 ? "0,0 %" : String.format(Locale.GERMANY, "%.1f %%", 100.0 * votes / of);
    }

    static String dateTime(Instant instant) {
        return VoteTexts.dateTime(instant);
    }

    private static ExtensionView extension(VoteExtension e) {
        return new ExtensionView(VoteTexts.dateTime(e.getPreviousClosesAt()), VoteTexts.dateTime(e.getNewClosesAt()),
            e.getReason(), VoteTexts.dateTime(e.getExtendedAt()));
    }
}

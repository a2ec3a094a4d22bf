package de.stadtdialog.voting.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOption;
import de.stadtdialog.voting.VoteTally;
import de.stadtdialog.voting.VoteTexts;
import de.stadtdialog.voting.VotingMethod;

/** Plain-text summaries of a vote and its count for the staff forms (read-only fields). */
final class VoteSummaries {

    private VoteSummaries() {
    }

    static String vote(Vote vote, List<VoteOption> options) {
        StringBuilder text = new StringBuilder();
        text.append("Titel: ").append(vote.getTitle()).append("\nFrage: ").append(vote.getQuestion()).append("\n");
        text.append("Verfahren: ").append(method(vote.getMethod())).append("\nOptionen:\n");
        for (VoteOption option : options) {
            text.append(option.getPosition()).append(". ").append(option.getTitle()).append("\n");
        }
        text.append("Zeitraum: ").append(VoteTexts.dateTime(vote.getOpensAt())).append(" bis ")
            .append(VoteTexts.dateTime(vote.getClosesAt())).append("\n");
        text.append(vote.isBindingForCouncil() ? "Das Ergebnis geht dem Stadtrat zur Entscheidung vor.\n"
            : "Das Ergebnis ist eine Empfehlung an die Verwaltung.\n");
        text.append("Stimme änderbar: ").append(vote.isChangeAllowed() ? "ja" : "nein").append("\n");
        text.append("Mindestbeteiligung: ").append(vote.getMinimumTurnout() == null ? "keine"
            : vote.getMinimumTurnout() + " Stimmen").append("\n");
        text.append("Mindestalter: ").append(vote.getMinimumAge() == null ? "keines"
            : vote.getMinimumAge() + " Jahre").append("\n");
        return text.toString();
    }

    static String result(Vote vote, List<VoteOption> options, List<VoteTally> tallies) {
        Map<Long, String> titles = options.stream().collect(Collectors.toMap(VoteOption::getId,
            VoteOption::getTitle));
        StringBuilder text = new StringBuilder();
        text.append("Abgegebene Stimmen: ").append(vote.getBallotCount()).append(" (davon auf Papier: ")
            .append(vote.getPaperBallotCount()).append(")\n");
        if (vote.getMinimumTurnout() != null) {
            text.append("Mindestbeteiligung: ").append(vote.getMinimumTurnout()).append(" Stimmen – ")
                .append(Boolean.TRUE.equals(vote.getTurnoutReached()) ? "erreicht" : "nicht erreicht").append("\n");
        }
        Map<Integer, List<VoteTally>> rounds = tallies.stream().collect(Collectors.groupingBy(VoteTally::getRound,
            TreeMap::new, Collectors.toList()));
        rounds.forEach((round, rows) -> {
            if (rounds.size() > 1) {
                text.append("Runde ").append(round).append(":\n");
            }
            for (VoteTally row : rows) {
                if (row.getOptionId() != null) {
                    text.append("  ").append(titles.get(row.getOptionId())).append(": ").append(row.getVotes())
                        .append(row.isEliminated() ? " (ausgeschieden)" : "").append("\n");
                } else if (vote.getMethod() == VotingMethod.RANKED_CHOICE && row.getVotes() > 0) {
                    text.append("  erschöpfte Stimmzettel: ").append(row.getVotes()).append("\n");
                }
            }
        });
        text.append(vote.getWinnerOptionId() != null ? "Ergebnis: " + titles.get(vote.getWinnerOptionId())
            : vote.isTie() ? "Ergebnis: Stimmengleichheit" : "Ergebnis: keines").append("\n");
        return text.toString();
    }

    static String method(VotingMethod method) {
        return method == VotingMethod.RANKED_CHOICE ? "Rangfolge (integrierte Stichwahl)" : "Eine Stimme";
    }
}

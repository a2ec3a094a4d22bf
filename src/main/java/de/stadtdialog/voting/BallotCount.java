package de.stadtdialog.voting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts grouped ballots (a ranking → how many ballots carry it), without a database: the tally reads the groups
 * with one {@code GROUP BY}, and the rules here are what docs/voting.md documents.
 * <ul>
 * <li>Single choice: one round; the option with the most votes wins; several with the most (and more than none)
 * are a tie for staff to decide.</li>
 * <li>Ranked choice (instant runoff): each round counts every ballot for its highest-ranked option still in the
 * count; a ballot with none left is exhausted. An option with more than half of the round's non-exhausted
 * ballots wins. Otherwise the option with the fewest votes is eliminated. When several share the fewest, the one
 * with fewer votes in the previous round goes, looking further back until they differ. If they never differ,
 * they all go together when even their combined votes stay below every other option's; otherwise (and when all
 * options still in the count have equal votes) the count stops there as a tie among the options still in the
 * count, for staff to decide.</li>
 * </ul>
 */
public final class BallotCount {

    /** One round: votes per option still in the count (in option order), exhausted ballots, the eliminated. */
    public record Round(int number, Map<Long, Long> votes, long exhausted, List<Long> eliminated) {

        public long active() {
            return votes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param winner the option chosen by the count, null on a tie or when there were no ballots
     * @param tied   the options staff must choose from on a tie, else empty
     */
    public record Result(List<Round> rounds, long ballots, Long winner, List<Long> tied) {

        public boolean tie() {
            return !tied.isEmpty();
        }

        public Round lastRound() {
            return rounds.get(rounds.size() - 1);
        }
    }

    private BallotCount() {
    }

    public static Result count(VotingMethod method, List<Long> optionIds, Map<List<Long>, Long> groups) {
        return method == VotingMethod.RANKED_CHOICE ? rankedChoice(optionIds, groups) : singleChoice(optionIds, groups);
    }

    public static Result singleChoice(List<Long> optionIds, Map<List<Long>, Long> groups) {
        Map<Long, Long> votes = zeroes(optionIds);
        long exhausted = 0;
        long ballots = 0;
        for (Map.Entry<List<Long>, Long> group : groups.entrySet()) {
            ballots += group.getValue();
            Long first = group.getKey().isEmpty() ? null : group.getKey().get(0);
            if (first != null && votes.containsKey(first)) {
                votes.merge(first, group.getValue(), Long::sum);
            } else {
                exhausted += group.getValue();
            }
        }
        Round round = new Round(1, Collections.unmodifiableMap(votes), exhausted, List.of());
        long most = votes.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Long> leaders = optionIds.stream().filter(id -> votes.get(id) == most).toList();
        if (most == 0) {
            return new Result(List.of(round), ballots, null, List.of());
        }
        return leaders.size() == 1 ? new Result(List.of(round), ballots, leaders.get(0), List.of())
            : new Result(List.of(round), ballots, null, leaders);
    }

    public static Result rankedChoice(List<Long> optionIds, Map<List<Long>, Long> groups) {
        Set<Long> continuing = new LinkedHashSet<>(optionIds);
        long ballots = groups.values().stream().mapToLong(Long::longValue).sum();
        List<Round> rounds = new ArrayList<>();
        while (true) {
            Map<Long, Long> votes = new LinkedHashMap<>();
            continuing.forEach(id -> votes.put(id, 0L));
            long exhausted = 0;
            for (Map.Entry<List<Long>, Long> group : groups.entrySet()) {
                Long preferred = group.getKey().stream().filter(continuing::contains).findFirst().orElse(null);
                if (preferred == null) {
                    exhausted += group.getValue();
                } else {
                    votes.merge(preferred, group.getValue(), Long::sum);
                }
            }
            long active = votes.values().stream().mapToLong(Long::longValue).sum();
            int number = rounds.size() + 1;
            if (active == 0) {
                rounds.add(new Round(number, Collections.unmodifiableMap(votes), exhausted, List.of()));
                return new Result(rounds, ballots, null, List.of());
            }
            Long majority = votes.entrySet().stream().filter(e -> e.getValue() * 2 > active).map(Map.Entry::getKey)
                .findFirst().orElse(null);
            if (majority != null || continuing.size() == 1) {
                rounds.add(new Round(number, Collections.unmodifiableMap(votes), exhausted, List.of()));
                return new Result(rounds, ballots, majority != null ? majority : continuing.iterator().next(),
                    List.of());
            }
            long fewest = Collections.min(votes.values());
            List<Long> lowest = votes.entrySet().stream().filter(e -> e.getValue() == fewest).map(Map.Entry::getKey)
                .toList();
            List<Long> eliminated = eliminate(votes, lowest, rounds, continuing.size());
            if (eliminated.isEmpty()) {
                rounds.add(new Round(number, Collections.unmodifiableMap(votes), exhausted, List.of()));
                return new Result(rounds, ballots, null, List.copyOf(continuing));
            }
            rounds.add(new Round(number, Collections.unmodifiableMap(votes), exhausted, eliminated));
            continuing.removeAll(eliminated);
        }
    }

    /**
     * Who leaves the count this round: the single option with the fewest votes; among several, the one the
     * backwards rule singles out; else all of them together if even their sum stays below every other option (no
     * transfer among them could save any of them); else nobody (a tie for staff).
     */
    private static List<Long> eliminate(Map<Long, Long> votes, List<Long> lowest, List<Round> earlier,
            int continuing) {
        if (lowest.size() == continuing) {
            return List.of();
        }
        Long single = breakTieBackwards(lowest, earlier);
        if (single != null) {
            return List.of(single);
        }
        long together = lowest.stream().mapToLong(votes::get).sum();
        long nextFewest = votes.entrySet().stream().filter(e -> !lowest.contains(e.getKey()))
            .mapToLong(Map.Entry::getValue).min().orElseThrow();
        return together < nextFewest ? List.copyOf(lowest) : List.of();
    }

    /** The one of {@code lowest} with fewer votes in the latest earlier round where they differ; null if never. */
    private static Long breakTieBackwards(List<Long> lowest, List<Round> earlier) {
        if (lowest.size() == 1) {
            return lowest.get(0);
        }
        List<Long> candidates = lowest;
        for (int i = earlier.size() - 1; i >= 0 && candidates.size() > 1; i--) {
            Map<Long, Long> votes = earlier.get(i).votes();
            long fewest = candidates.stream().mapToLong(id -> votes.getOrDefault(id, 0L)).min().orElseThrow();
            candidates = candidates.stream().filter(id -> votes.getOrDefault(id, 0L) == fewest).toList();
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static Map<Long, Long> zeroes(List<Long> optionIds) {
        Map<Long, Long> votes = new LinkedHashMap<>();
        optionIds.forEach(id -> votes.put(id, 0L));
        return votes;
    }

    /** "12,7,9" → [12, 7, 9]; the format ballots store. */
    public static List<Long> parseRanking(String ranking) {
        List<Long> ids = new ArrayList<>();
        for (String part : ranking.split(",")) {
            if (!part.isBlank()) {
                ids.add(Long.parseLong(part.trim()));
            }
        }
        return ids;
    }

    public static String formatRanking(List<Long> optionIds) {
        return String.join(",", optionIds.stream().map(String::valueOf).toList());
    }
}

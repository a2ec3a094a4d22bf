package de.stadtdialog.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The counting rules of docs/voting.md on small examples whose outcome was worked out by hand (the expected
 * rounds are written next to each). Options: A = 1, B = 2, C = 3, D = 4.
 */
class BallotCountTests {

    private static final long A = 1, B = 2, C = 3, D = 4;
    private static final List<Long> ABC = List.of(A, B, C);
    private static final List<Long> ABCD = List.of(A, B, C, D);

    @Test
    void singleChoice_mostVotesWins() {
        BallotCount.Result result = BallotCount.singleChoice(ABC, ballots(List.of(A), 3, List.of(B), 5, List.of(C), 1));

        assertThat(result.winner()).isEqualTo(B);
        assertThat(result.tie()).isFalse();
        assertThat(result.ballots()).isEqualTo(9);
        assertThat(result.rounds()).singleElement().satisfies(round ->
            assertThat(round.votes()).containsExactly(Map.entry(A, 3L), Map.entry(B, 5L), Map.entry(C, 1L)));
    }

    @Test
    void singleChoice_sharedFirstPlaceIsATieBetweenTheLeadersOnly() {
        BallotCount.Result result = BallotCount.singleChoice(ABC, ballots(List.of(A), 4, List.of(B), 2, List.of(C), 4));

        assertThat(result.winner()).isNull();
        assertThat(result.tied()).containsExactly(A, C);
    }

    @Test
    void singleChoice_noBallots_noWinnerNoTie() {
        BallotCount.Result result = BallotCount.singleChoice(ABC, Map.of());

        assertThat(result.winner()).isNull();
        assertThat(result.tie()).isFalse();
        assertThat(result.lastRound().votes()).containsOnly(Map.entry(A, 0L), Map.entry(B, 0L), Map.entry(C, 0L));
    }

    @Test
    void rankedChoice_majorityInTheFirstRound() {
        // A 6 of 10 > 5: A wins at once
        BallotCount.Result result = BallotCount.rankedChoice(ABC, ballots(List.of(A, B), 6, List.of(B, A), 3,
            List.of(C), 1));

        assertThat(result.winner()).isEqualTo(A);
        assertThat(result.rounds()).hasSize(1);
    }

    @Test
    void rankedChoice_transfersDecide_theFirstRoundLeaderLoses() {
        // round 1: A 8, B 7, C 5 (of 20, no majority) -> C out, its 5 go to B
        // round 2: A 8, B 12 -> B wins
        BallotCount.Result result = BallotCount.rankedChoice(ABC, ballots(List.of(A), 8, List.of(B, A), 7,
            List.of(C, B), 5));

        assertThat(result.winner()).isEqualTo(B);
        assertThat(result.rounds()).hasSize(2);
        assertThat(result.rounds().get(0).votes()).containsExactly(Map.entry(A, 8L), Map.entry(B, 7L),
            Map.entry(C, 5L));
        assertThat(result.rounds().get(0).eliminated()).containsExactly(C);
        assertThat(result.rounds().get(1).votes()).containsExactly(Map.entry(A, 8L), Map.entry(B, 12L));
    }

    @Test
    void rankedChoice_exhaustedBallotsLeaveTheMajorityBase() {
        // round 1: A 4, B 3, C 3, D 1 (of 11) -> D out; its ballot ranks only D: exhausted
        // round 2: A 4, B 3, C 3, exhausted 1 -> tie at the bottom: B and C had 3 each in round 1 as well,
        //          together 6 >= A's 4 -> no safe elimination: the count stops as a tie among A, B, C
        BallotCount.Result tie = BallotCount.rankedChoice(ABCD, ballots(List.of(A), 4, List.of(B, C), 3,
            List.of(C, B), 3, List.of(D), 1));

        assertThat(tie.rounds()).hasSize(2);
        assertThat(tie.rounds().get(1).exhausted()).isEqualTo(1);
        assertThat(tie.winner()).isNull();
        assertThat(tie.tied()).containsExactly(A, B, C);

        // round 1: A 5, B 3, C 2, D 1 (of 11) -> D out, exhausted
        // round 2: A 5, B 3, C 2 of 10 active -> C out, its ballots rank only C: exhausted
        // round 3: A 5, B 3 of 8 active: 5 > 4 -> A wins with 5 of 11 ballots, a majority of those still active
        BallotCount.Result exhausted = BallotCount.rankedChoice(ABCD, ballots(List.of(A), 5, List.of(B), 3,
            List.of(C), 2, List.of(D), 1));

        assertThat(exhausted.winner()).isEqualTo(A);
        assertThat(exhausted.rounds()).extracting(BallotCount.Round::exhausted).containsExactly(0L, 1L, 3L);
        assertThat(exhausted.lastRound().active()).isEqualTo(8);
    }

    @Test
    void rankedChoice_bottomTieBrokenByTheEarlierRound() {
        // round 1: A 5, B 4, C 3, D 2 (of 14) -> D out, its 2 go to C
        // round 2: A 5, B 4, C 5 -> B is lowest alone -> out, its 4 go to C
        // round 3: A 5, C 9 -> C wins
        BallotCount.Result plain = BallotCount.rankedChoice(ABCD, ballots(List.of(A), 5, List.of(B, C), 4,
            List.of(C), 3, List.of(D, C), 2));
        assertThat(plain.winner()).isEqualTo(C);
        assertThat(plain.rounds()).extracting(BallotCount.Round::eliminated)
            .containsExactly(List.of(D), List.of(B), List.of());

        // round 1: A 7, B 4, C 3, D 1 (of 15) -> D out, its ballot goes to C
        // round 2: A 7, B 4, C 4 -> B and C tie at 4; in round 1 C had 3 < B's 4 -> C out, its 4 go to B
        // round 3: A 7, B 8 -> B wins
        BallotCount.Result backwards = BallotCount.rankedChoice(ABCD, ballots(List.of(A), 7, List.of(B), 4,
            List.of(C, B), 3, List.of(D, C, B), 1));
        assertThat(backwards.rounds().get(1).votes()).containsExactly(Map.entry(A, 7L), Map.entry(B, 4L),
            Map.entry(C, 4L));
        assertThat(backwards.rounds().get(1).eliminated()).containsExactly(C);
        assertThat(backwards.winner()).isEqualTo(B);
    }

    @Test
    void rankedChoice_unresolvableBottomTieBelowTheRest_goesTogether() {
        // round 1: A 6, B 5, C 1, D 1 (13): C and D tie with no earlier round; together 2 < B's 5 -> both out
        // round 2: C -> B, D -> A: A 7, B 6 -> 7 > 6.5: A wins
        BallotCount.Result result = BallotCount.rankedChoice(ABCD, ballots(List.of(A), 6, List.of(B), 5,
            List.of(C, B), 1, List.of(D, A), 1));

        assertThat(result.rounds().get(0).eliminated()).containsExactlyInAnyOrder(C, D);
        assertThat(result.winner()).isEqualTo(A);
    }

    @Test
    void rankedChoice_finalTwoEqual_isATie() {
        // round 1: A 3, B 3, C 2 (of 8) -> C out; C's ballots rank nobody else: exhausted
        // round 2: A 3, B 3 of 6 active -> all remaining equal: tie between A and B
        BallotCount.Result result = BallotCount.rankedChoice(ABC, ballots(List.of(A), 3, List.of(B), 3,
            List.of(C), 2));

        assertThat(result.winner()).isNull();
        assertThat(result.tied()).containsExactly(A, B);
        assertThat(result.lastRound().exhausted()).isEqualTo(2);
    }

    @Test
    void rankingFormatRoundTrips() {
        assertThat(BallotCount.parseRanking(BallotCount.formatRanking(List.of(12L, 7L, 9L)))).containsExactly(12L,
            7L, 9L);
    }

    /** ranking, count, ranking, count, … in insertion order. */
    private static Map<List<Long>, Long> ballots(Object... rankingsAndCounts) {
        Map<List<Long>, Long> groups = new LinkedHashMap<>();
        for (int i = 0; i < rankingsAndCounts.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Long> ranking = (List<Long>) rankingsAndCounts[i];
            groups.put(ranking, ((Number) rankingsAndCounts[i + 1]).longValue());
        }
        return groups;
    }
}

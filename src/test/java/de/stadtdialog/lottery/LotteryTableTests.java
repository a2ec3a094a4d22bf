package de.stadtdialog.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.stadtdialog.lottery.internal.CounterModeGenerator;

class LotteryTableTests {

    @Test
    void domainInstanceRoundsToAThousandPanelsWithoutLoss() {
        LotteryTable table = LotteryTable.of(Leximin.compute(Pools.domainInstance(1)));

        assertThat(table.panels()).isEqualTo(1000);
        assertWellFormed(table);
        for (int t = 0; t < table.input().types().size(); t++) {
            assertThat(table.roundedNumerator(t) * 10).isEqualTo(table.roundedDenominator(t));
        }
    }

    /**
     * Low selection probabilities (k/n = 2.5 %) need more than 1,000 panels to keep the rounding within 2 % of
     * the lowest probability; the chosen m does, the next smaller candidate does not.
     */
    @Test
    void smallProbabilitiesGetMorePanels() {
        LeximinResult result = Leximin.compute(Pools.randomInstance(new Random(8), 800, 20, 2, 4, 5, 3));

        LotteryTable table = LotteryTable.of(result);

        assertWellFormed(table);
        assertThat(table.roundingWithinTolerance()).isTrue();
        assertThat(table.maximumRoundingDeviation())
            .isLessThanOrEqualTo(LotteryTable.ROUNDING_TOLERANCE * table.minimumPositiveOptimal() + 1e-9);
        int index = LotteryTable.PANEL_COUNTS.indexOf(table.panels());
        assertThat(index).isPositive();
        for (int t = 0; t < table.input().types().size(); t++) {
            assertThat(Math.abs(table.roundedExact(t) - result.typeProbability(t)))
                .isLessThanOrEqualTo(0.02 * table.minimumPositiveOptimal() + 1e-9);
        }
    }

    @Test
    void filesReadBackToTheSameBytesAndTheCommitmentIsTheirHash() {
        LotteryTable table = LotteryTable.of(Leximin.compute(Pools.randomInstance(new Random(2), 150, 10, 2, 3)));
        Map<String, byte[]> files = table.files();

        LotteryTable read = LotteryTable.read(files::get);

        assertThat(read.files()).containsExactlyEntriesOf(files);
        assertThat(read.commitmentHash()).isEqualTo(table.commitmentHash())
            .isEqualTo(CounterModeGenerator.hex(CounterModeGenerator.sha256(files.get("commitment.txt"))));
    }

    static void assertWellFormed(LotteryTable table) {
        int next = 1;
        long seats = 0;
        for (PanelRange row : table.rows()) {
            assertThat(row.first()).isEqualTo(next);
            assertThat(row.composition().violation(table.input())).isNull();
            next = row.last() + 1;
        }
        assertThat(next - 1).isEqualTo(table.panels());
        for (int t = 0; t < table.input().types().size(); t++) {
            seats += table.roundedNumerator(t);
        }
        assertThat(seats).isEqualTo((long) table.panels() * table.input().seats());
    }
}

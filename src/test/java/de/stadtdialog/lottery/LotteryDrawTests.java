package de.stadtdialog.lottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.stadtdialog.lottery.internal.CounterModeGenerator;

class LotteryDrawTests {

    private static LotteryTable domainTable;

    @BeforeAll
    static void computeTable() {
        domainTable = LotteryTable.of(Leximin.compute(Pools.domainInstance(1)));
    }

    /** Expected values computed independently (Python hashlib/struct), see docs/lottery.md. */
    @Test
    void generatorMatchesTheDocumentedDefinition() {
        String commitment = CounterModeGenerator.hex(CounterModeGenerator.sha256(
            "stadtdialog".getBytes(StandardCharsets.UTF_8)));
        assertThat(commitment).isEqualTo("939f4279c223dd5d7ab785b3de8a5e0cf9cabfd559c3357fce081a1e784ebd99");

        byte[] seed = LotteryDraw.seed(commitment, "3 5 1 6 2");
        assertThat(CounterModeGenerator.hex(seed))
            .isEqualTo("9b63b7f9906b0fb5c34b5987d5594cbd6c65b9d9a022a5070453c30c02a534d8");

        CounterModeGenerator generator = new CounterModeGenerator(seed);
        assertThat(List.of(1 + generator.below(1000), generator.below(6), generator.below(6), generator.below(7),
            generator.below(100))).containsExactly(75, 5, 5, 0, 13);
    }

    @Test
    void numbersAtOrAboveTheLastFullMultipleAreSkipped() {
        CounterModeGenerator generator = new CounterModeGenerator(
            CounterModeGenerator.unhex("9b63b7f9906b0fb5c34b5987d5594cbd6c65b9d9a022a5070453c30c02a534d8"));
        // limit = 2^32 - (2^32 mod 1.5e9) = 3e9: the 4th and 5th numbers of the stream (3365082238, 3731727513)
        // are skipped
        assertThat(List.of(generator.below(1_500_000_000), generator.below(1_500_000_000),
            generator.below(1_500_000_000), generator.below(1_500_000_000)))
            .containsExactly(264990074, 541083239, 253146659, 868824087);
    }

    @Test
    void forwardFisherYatesSwapsFromTheFront() {
        CounterModeGenerator generator = new CounterModeGenerator(
            CounterModeGenerator.unhex("9b63b7f9906b0fb5c34b5987d5594cbd6c65b9d9a022a5070453c30c02a534d8"));
        List<String> items = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
        generator.shuffleFirst(items, 3);
        assertThat(items).containsExactly("e", "g", "f", "d", "a", "c", "b", "h", "i", "j");
    }

    @Test
    void uniformIntegersAreEvenlySpread() {
        CounterModeGenerator generator = new CounterModeGenerator(new byte[32]);
        int[] counts = new int[6];
        int draws = 60_000;
        for (int i = 0; i < draws; i++) {
            counts[generator.below(6)]++;
        }
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += Math.pow(count - draws / 6.0, 2) / (draws / 6.0);
        }
        // 5 degrees of freedom: 20.5 is the 99.9 % quantile; the seed is fixed, so this cannot flicker
        assertThat(chiSquare).isLessThan(20.5);
    }

    @Test
    void ceremonyInputIsNormalised() {
        assertThat(LotteryDraw.normalise("  3 5\n1\t\t6 \u00A02\r\n")).isEqualTo("3 5 1 6 2");
        assertThat(LotteryDraw.normalise("Za\u0308hl")).isEqualTo("Zähl");
        assertThatThrownBy(() -> LotteryDraw.draw(domainTable, " \n "))
            .isInstanceOf(LotteryInputException.class)
            .hasMessageContaining("leer");
    }

    @Test
    void drawIsReproducibleAndFollowsTheDrawnPanel() {
        DrawRecord first = LotteryDraw.draw(domainTable, "4 2 6 1 1 3");
        DrawRecord again = LotteryDraw.draw(domainTable, "4  2 6 1 1\n3");

        assertThat(again).isEqualTo(new DrawRecord(first.commitment(), "4  2 6 1 1\n3", first.normalisedInput(),
            first.seed(), first.panels(), first.panelNumber(), first.members(), first.reserve()));
        assertThat(first.commitment()).isEqualTo(domainTable.commitmentHash());
        assertThat(first.members()).hasSize(20).doesNotHaveDuplicates();

        PanelComposition drawn = domainTable.rowOf(first.panelNumber()).composition();
        LotteryInput input = domainTable.input();
        int[] seatsByType = new int[input.types().size()];
        for (String member : first.members()) {
            seatsByType[input.typeIndexOf(member)]++;
        }
        assertThat(new PanelComposition(seatsByType)).isEqualTo(drawn);

        Set<String> everyone = new HashSet<>(first.members());
        everyone.addAll(first.reserve());
        assertThat(first.reserve()).hasSize(180).doesNotHaveDuplicates().doesNotContainAnyElementsOf(first.members());
        assertThat(everyone).hasSize(200);
        assertThat(first.reservePosition(first.reserve().get(0))).isEqualTo(1);
        assertThat(first.reservePosition(first.members().get(0))).isZero();
    }

    @Test
    void anotherCeremonyInputGivesAnotherDraw() {
        DrawRecord one = LotteryDraw.draw(domainTable, "1 2 3 4 5 6");
        DrawRecord other = LotteryDraw.draw(domainTable, "1 2 3 4 5 5");
        assertThat(other.seed()).isNotEqualTo(one.seed());
        assertThat(other.members()).isNotEqualTo(one.members());
    }

    @Test
    void withoutQuotasTheSameDrawIsASimpleUniformSelection() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(new Person(String.format("c%02d", i), Map.of()));
        }
        LotteryTable table = LotteryTable.of(Leximin.compute(LotteryInput.of(List.of(), people, 8)));

        assertThat(table.panels()).isEqualTo(1000);
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.first()).isEqualTo(1);
            assertThat(row.last()).isEqualTo(1000);
        });
        DrawRecord draw = LotteryDraw.draw(table, "17 4 33");
        assertThat(draw.members()).hasSize(8).doesNotHaveDuplicates();
        assertThat(draw.reserve()).hasSize(22);

        // the members are the first 8 of a Fisher–Yates shuffle of the ids, after the panel number's draw
        CounterModeGenerator generator = new CounterModeGenerator(CounterModeGenerator.unhex(draw.seed()));
        assertThat(1 + generator.below(1000)).isEqualTo(draw.panelNumber());
        List<String> ids = new ArrayList<>(table.input().types().get(0).memberIds());
        generator.shuffleFirst(ids, 8);
        assertThat(draw.members()).isEqualTo(ids.subList(0, 8));
    }
}

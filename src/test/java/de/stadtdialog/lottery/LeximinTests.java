package de.stadtdialog.lottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeximinTests {

    @Test
    void domainInstanceGivesEveryoneTenPercent() {
        LeximinResult result = Leximin.compute(Pools.domainInstance(1));

        assertThat(result.input().types()).hasSize(3);
        for (Person person : result.input().people()) {
            assertThat(result.probabilityOf(person.id())).as(person.id()).isCloseTo(0.1, within(1e-6));
        }
        assertThat(result.truncated()).isFalse();
        assertValid(result);
    }

    @Test
    void domainInstanceTimesTenGivesEveryoneTenPercent() {
        LeximinResult result = Leximin.compute(Pools.domainInstance(10));

        assertThat(result.input().people()).hasSize(2000);
        for (Person person : result.input().people()) {
            assertThat(result.probabilityOf(person.id())).as(person.id()).isCloseTo(0.1, within(1e-6));
        }
        assertValid(result);
    }

    @Test
    void onePoolProfileGivesEveryoneSeatsOverPeople() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            people.add(new Person("a" + i, Map.of("Wohnort", "Kaiserslautern")));
        }
        LeximinResult result = Leximin.compute(LotteryInput.of(
            List.of(new Quota("Wohnort", "Kaiserslautern", 0, 10)), people, 10));

        for (Person person : people) {
            assertThat(result.probabilityOf(person.id())).isCloseTo(10.0 / 37, within(1e-9));
        }
        assertThat(result.compositions()).hasSize(1);
    }

    @Test
    void withoutQuotasEveryoneGetsSeatsOverPeople() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(new Person("b" + i, Map.of()));
        }
        LeximinResult result = Leximin.compute(LotteryInput.of(List.of(), people, 5));

        for (Person person : people) {
            assertThat(result.probabilityOf(person.id())).isCloseTo(5.0 / 12, within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void tinyInstancesMatchLeximinOverAllPanels(long seed) {
        Random random = new Random(seed);
        int n = 8 + random.nextInt(5);
        int seats = 3 + random.nextInt(4);
        LotteryInput input = Pools.randomInstance(random, n, seats, 2 + random.nextInt(2), 2 + random.nextInt(2));

        double[] reference = BruteForceLeximin.probabilities(input);
        LeximinResult result = Leximin.compute(input);

        for (int i = 0; i < n; i++) {
            String id = input.people().get(i).id();
            assertThat(result.probabilityOf(id)).as("person %s, seed %d", id, seed)
                .isCloseTo(reference[i], within(1e-6));
        }
        assertValid(result);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void everyPanelMeetsTheQuotasAndProbabilitiesSumToSeats(long seed) {
        Random random = new Random(seed);
        LotteryInput input = Pools.randomInstance(random, 300, 24, 2, 4, 3, 5);

        LeximinResult result = Leximin.compute(input);

        assertValid(result);
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void resultDoesNotDependOnTheOrderOfApplicants() {
        LotteryInput input = Pools.randomInstance(new Random(21), 200, 15, 2, 3, 4);
        List<Person> shuffled = new ArrayList<>(input.people());
        Collections.shuffle(shuffled, new Random(99));
        List<Quota> quotas = input.quotas();

        LeximinResult original = Leximin.compute(input);
        LeximinResult reordered = Leximin.compute(LotteryInput.of(quotas, shuffled, input.seats()));

        assertThat(reordered.input().types()).isEqualTo(original.input().types());
        for (Person person : input.people()) {
            assertThat(reordered.probabilityOf(person.id())).isEqualTo(original.probabilityOf(person.id()));
        }
        assertThat(reordered.compositions()).isEqualTo(original.compositions());
        assertThat(reordered.weights()).isEqualTo(original.weights());
    }

    @Test
    void jointlyInfeasibleQuotasAreRejectedWithTheSmallestRelaxation() {
        // every quota can be met on its own, but the 4 seats for young people must go to women, of whom at
        // most 2 may sit: one young person fewer (or one woman more) is not enough, two changes are
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(new Person("j" + i, Map.of("Geschlecht", "weiblich", "Alter", "16–29")));
            people.add(new Person("m" + i, Map.of("Geschlecht", "männlich", "Alter", "30+")));
        }
        List<Quota> quotas = List.of(
            new Quota("Geschlecht", "weiblich", 0, 3),
            new Quota("Geschlecht", "männlich", 0, 6),
            new Quota("Alter", "16–29", 4, 6),
            new Quota("Alter", "30+", 0, 6));

        assertThatThrownBy(() -> Leximin.compute(LotteryInput.of(quotas, people, 6)))
            .isInstanceOfSatisfying(LotteryInputException.class, e -> {
                assertThat(e.problems()).singleElement().asString().contains("nicht alle gleichzeitig");
                assertThat(e.relaxations()).hasSize(1);
                assertThat(e.relaxations().get(0)).isIn("Alter 16–29: Minimum 4 → 3",
                    "Geschlecht weiblich: Maximum 3 → 4");
                assertThat(e.getMessage()).contains("Kleinste Lockerung").contains(e.relaxations().get(0));
            });
    }

    @Test
    void peopleWhoCanNeverBeSelectedGetZeroAndAreListed() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(new Person("x" + i, Map.of("Bezirk", "Innenstadt", "Alter", i < 2 ? "jung" : "alt")));
            people.add(new Person("y" + i, Map.of("Bezirk", "Erfenbach", "Alter", "alt")));
        }
        // no seat for young people in the Innenstadt: Innenstadt gets exactly 2 seats, young people too,
        // but there are no young people outside the Innenstadt, so ... all seats for young need Innenstadt;
        // make "jung" max 0 instead: the two young applicants can never sit
        List<Quota> quotas = List.of(
            new Quota("Bezirk", "Innenstadt", 1, 3),
            new Quota("Bezirk", "Erfenbach", 1, 3),
            new Quota("Alter", "jung", 0, 0),
            new Quota("Alter", "alt", 0, 4));

        LeximinResult result = Leximin.compute(LotteryInput.of(quotas, people, 4));

        assertThat(result.neverSelectable()).containsExactly("x0", "x1");
        assertThat(result.probabilityOf("x0")).isZero();
        assertThat(result.probabilityOf("x5")).isGreaterThan(0.1);
        assertValid(result);
    }

    @Test
    void anExhaustedTimeBudgetMarksTheResultTruncatedButValid() {
        LotteryInput input = Pools.randomInstance(new Random(5), 1000, 40, 2, 4, 5, 6);

        LeximinResult result = Leximin.compute(input, LeximinOptions.withBudget(Duration.ofMillis(1)));

        assertThat(result.truncated()).isTrue();
        assertValid(result);
    }

    /** Every composition meets the quotas, the weights are a distribution, and probabilities sum to k. */
    static void assertValid(LeximinResult result) {
        LotteryInput input = result.input();
        double weightSum = 0;
        for (int p = 0; p < result.compositions().size(); p++) {
            PanelComposition composition = result.compositions().get(p);
            assertThat(composition.violation(input)).as("composition %s", composition).isNull();
            assertThat(result.weights()[p]).isPositive();
            weightSum += result.weights()[p];
        }
        assertThat(weightSum).isCloseTo(1.0, within(1e-9));
        double probabilitySum = 0;
        for (Person person : input.people()) {
            double p = result.probabilityOf(person.id());
            assertThat(p).isBetween(0.0, 1.0 + 1e-9);
            probabilitySum += p;
        }
        assertThat(probabilitySum).isCloseTo(input.seats(), within(1e-6));
    }
}

package de.stadtdialog.lottery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Pools and quotas for the lottery tests. */
final class Pools {

    private Pools() {
    }

    /**
     * DOMAIN.md §6 (Flanigan et al.): 1 female conservative, 99 female liberal, 100 male conservative; 20 seats;
     * each of female, male, liberal, conservative between 9 and 20. Leximin gives everyone 0.1. {@code scale}
     * multiplies pool and seats.
     */
    static LotteryInput domainInstance(int scale) {
        return LotteryInput.of(domainQuotas(scale), domainPeople(scale), 20 * scale);
    }

    static List<Quota> domainQuotas(int scale) {
        int low = 9 * scale;
        int high = 20 * scale;
        return List.of(
            new Quota("Geschlecht", "weiblich", low, high),
            new Quota("Geschlecht", "männlich", low, high),
            new Quota("Haltung", "liberal", low, high),
            new Quota("Haltung", "konservativ", low, high));
    }

    static List<Person> domainPeople(int scale) {
        List<Person> people = new ArrayList<>();
        add(people, "fc", 1 * scale, "weiblich", "konservativ");
        add(people, "fl", 99 * scale, "weiblich", "liberal");
        add(people, "mc", 100 * scale, "männlich", "konservativ");
        return people;
    }

    private static void add(List<Person> people, String prefix, int count, String gender, String attitude) {
        for (int i = 0; i < count; i++) {
            people.add(new Person(String.format("%s%04d", prefix, i),
                Map.of("Geschlecht", gender, "Haltung", attitude)));
        }
    }

    /**
     * A random pool of {@code n} people over categories with the given numbers of values (skewed, as real pools
     * are), and quotas around proportional shares of {@code seats} that a randomly chosen panel meets, so the
     * instance is feasible.
     */
    static LotteryInput randomInstance(Random random, int n, int seats, int... valuesPerCategory) {
        List<String> categories = new ArrayList<>();
        for (int c = 0; c < valuesPerCategory.length; c++) {
            categories.add("K" + (c + 1));
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> features = new LinkedHashMap<>();
            for (int c = 0; c < categories.size(); c++) {
                int v = Math.min(valuesPerCategory[c] - 1,
                    (int) Math.floor(Math.pow(random.nextDouble(), 1.5) * valuesPerCategory[c]));
                features.put(categories.get(c), "w" + (v + 1));
            }
            people.add(new Person(String.format("p%05d", i), features));
        }
        List<Person> panel = new ArrayList<>(people);
        Collections.shuffle(panel, random);
        panel = panel.subList(0, seats);
        List<Quota> quotas = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            String category = categories.get(c);
            for (int v = 1; v <= valuesPerCategory[c]; v++) {
                String value = "w" + v;
                long inPanel = panel.stream().filter(p -> p.feature(category).equals(value)).count();
                long inPool = people.stream().filter(p -> p.feature(category).equals(value)).count();
                int proportional = (int) Math.round((double) inPool * seats / n);
                int min = (int) Math.min(inPanel, Math.max(0, proportional - random.nextInt(2)));
                int max = (int) Math.max(inPanel, proportional + random.nextInt(2));
                quotas.add(new Quota(category, value, min, max));
            }
        }
        return LotteryInput.of(quotas, people, seats);
    }
}

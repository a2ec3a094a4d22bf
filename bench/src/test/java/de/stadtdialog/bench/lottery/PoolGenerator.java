package de.stadtdialog.bench.lottery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import de.stadtdialog.lottery.Person;
import de.stadtdialog.lottery.Quota;

/**
 * Realistic applicant pools (seeded): five categories whose population shares are Kaiserslautern-like, and
 * applicants who differ from the population the way volunteers do (older, more educated, more often from the
 * centre, fewer with a migration background), with features correlated (education with age and district).
 * Quotas are proportional to the population, not to the pool: the lottery has to pull the panel back towards
 * the population, as it does in practice.
 */
final class PoolGenerator {

    record Category(String name, String[] values, double[] population, double[] applicantBias) {
    }

    static final List<Category> CATEGORIES = List.of(
        new Category("Geschlecht", new String[] {"weiblich", "männlich", "divers"},
            new double[] {0.50, 0.49, 0.01}, new double[] {1.0, 1.1, 1.0}),
        new Category("Alter", new String[] {"16–24", "25–34", "35–44", "45–54", "55–64", "65+"},
            new double[] {0.13, 0.17, 0.15, 0.16, 0.17, 0.22}, new double[] {0.5, 0.8, 1.0, 1.2, 1.5, 1.3}),
        new Category("Bildung", new String[] {"ohne Abschluss", "Haupt-/Realschule", "Abitur", "Hochschule"},
            new double[] {0.08, 0.45, 0.25, 0.22}, new double[] {0.3, 0.6, 1.2, 2.4}),
        new Category("Stadtteil", new String[] {"Innenstadt", "Betzenberg", "Erlenbach", "Erfenbach",
            "Hohenecken", "Morlautern", "Siegelbach", "Grübentälchen"},
            new double[] {0.22, 0.12, 0.08, 0.10, 0.12, 0.10, 0.08, 0.18},
            new double[] {1.5, 1.0, 0.8, 0.9, 1.1, 0.9, 0.7, 0.8}),
        new Category("Migrationshintergrund", new String[] {"ja", "nein"},
            new double[] {0.28, 0.72}, new double[] {0.5, 1.0}));

    private PoolGenerator() {
    }

    static List<Person> people(int n, long seed) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> features = new LinkedHashMap<>();
            int age = 0;
            int district = 0;
            for (int c = 0; c < CATEGORIES.size(); c++) {
                Category category = CATEGORIES.get(c);
                double[] weights = new double[category.values().length];
                for (int v = 0; v < weights.length; v++) {
                    weights[v] = category.population()[v] * category.applicantBias()[v];
                }
                if (category.name().equals("Bildung")) {
                    // the young have not finished university yet; the central districts have more graduates
                    weights[3] *= age == 0 ? 0.2 : 1.0;
                    weights[2] *= age == 0 ? 2.0 : 1.0;
                    weights[3] *= district == 0 ? 1.5 : district == 7 ? 0.6 : 1.0;
                }
                int value = pick(random, weights);
                if (category.name().equals("Alter")) {
                    age = value;
                } else if (category.name().equals("Stadtteil")) {
                    district = value;
                }
                features.put(category.name(), category.values()[value]);
            }
            people.add(new Person(String.format("KL-%05d", i + 1), features));
        }
        return people;
    }

    /** Per value: at least floor(k × share) - 1, at most ceil(k × share) + 1 seats (population shares). */
    static List<Quota> proportionalQuotas(int seats) {
        List<Quota> quotas = new ArrayList<>();
        for (Category category : CATEGORIES) {
            for (int v = 0; v < category.values().length; v++) {
                double exact = seats * category.population()[v];
                quotas.add(new Quota(category.name(), category.values()[v], Math.max(0, (int) Math.floor(exact) - 1),
                    (int) Math.ceil(exact) + 1));
            }
        }
        return quotas;
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double r = random.nextDouble() * total;
        for (int v = 0; v < weights.length; v++) {
            r -= weights[v];
            if (r < 0) {
                return v;
            }
        }
        return weights.length - 1;
    }
}

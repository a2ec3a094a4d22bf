package de.stadtdialog.lottery;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A checked lottery problem: the pool, the quotas and the number of seats. Creating one runs every check that
 * needs no solver (k &gt; n, ids, missing or unknown values, quotas impossible within one category) and throws a
 * {@link LotteryInputException} listing all problems at once. People are kept sorted by id and grouped into
 * {@link ProfileType}s, so the order in which applicants arrive never matters.
 */
public final class LotteryInput {

    /** Pseudonymous codes only: letters, digits and a few separators keep the published CSV files unquoted. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final List<String> categories;
    private final Map<String, List<String>> valuesByCategory;
    private final List<Quota> quotas;
    private final List<Person> people;
    private final int seats;
    private final List<ProfileType> types;
    private final Map<String, Integer> typeIndexById;

    /** Where a person or quota came from, for messages ("people.csv, Zeile 7" or "Person „A12“"). */
    interface Where {

        String person(int index, Person person);

        String quota(int index, Quota quota);

        Where BY_NAME = new Where() {
            @Override
            public String person(int index, Person person) {
                return "Person „" + person.id() + "“";
            }

            @Override
            public String quota(int index, Quota quota) {
                return "Quote „" + quota.label() + "“";
            }
        };
    }

    private LotteryInput(List<String> categories, Map<String, List<String>> valuesByCategory, List<Quota> quotas,
                         List<Person> people, int seats) {
        this.categories = List.copyOf(categories);
        this.valuesByCategory = valuesByCategory;
        this.quotas = List.copyOf(quotas);
        this.people = List.copyOf(people);
        this.seats = seats;
        this.types = groupIntoTypes();
        this.typeIndexById = new HashMap<>();
        for (int t = 0; t < types.size(); t++) {
            for (String id : types.get(t).memberIds()) {
                typeIndexById.put(id, t);
            }
        }
    }

    /** Without quotas: a uniform selection of {@code seats} out of {@code people}. */
    public static LotteryInput of(List<Quota> quotas, List<Person> people, int seats) {
        return of(quotas, people, seats, Where.BY_NAME);
    }

    static LotteryInput of(List<Quota> rawQuotas, List<Person> rawPeople, int seats, Where where) {
        List<String> problems = new ArrayList<>();
        if (seats < 1) {
            problems.add("Die Zahl der Sitze muss mindestens 1 sein (angegeben: " + seats + ").");
        }

        List<Quota> quotas = new ArrayList<>();
        Map<String, List<String>> valuesByCategory = new LinkedHashMap<>();
        Map<String, Integer> quotaIndexByLabel = new HashMap<>();
        for (int i = 0; i < rawQuotas.size(); i++) {
            Quota raw = rawQuotas.get(i);
            Quota quota = new Quota(normalise(raw.category()), normalise(raw.value()), raw.min(), raw.max());
            String at = where.quota(i, quota);
            if (quota.category().isEmpty()) {
                problems.add(at + ": Die Kategorie fehlt.");
                continue;
            }
            if (quota.value().isEmpty()) {
                problems.add(at + ": Der Wert fehlt.");
                continue;
            }
            if (quota.min() < 0 || quota.max() < 0) {
                problems.add(at + ": Minimum und Maximum dürfen nicht negativ sein.");
            } else if (quota.min() > quota.max()) {
                problems.add(at + ": Das Minimum " + quota.min() + " ist größer als das Maximum " + quota.max()
                    + ".");
            }
            String key = quota.category() + "\u0000" + quota.value();
            Integer earlier = quotaIndexByLabel.putIfAbsent(key, i);
            if (earlier != null) {
                problems.add(at + ": Die Quote „" + quota.label() + "“ kommt doppelt vor (auch "
                    + where.quota(earlier, quota) + ").");
                continue;
            }
            valuesByCategory.computeIfAbsent(quota.category(), c -> new ArrayList<>()).add(quota.value());
            quotas.add(quota);
        }
        List<String> categories = new ArrayList<>(valuesByCategory.keySet());

        List<Person> people = new ArrayList<>();
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < rawPeople.size(); i++) {
            Person raw = rawPeople.get(i);
            String id = raw.id() == null ? "" : raw.id().strip();
            Person named = new Person(id, Map.of());
            String at = where.person(i, named);
            boolean usable = true;
            if (id.isEmpty()) {
                problems.add(at + ": Die Kennung (Spalte „id“) fehlt.");
                usable = false;
            } else if (!ID_PATTERN.matcher(id).matches()) {
                problems.add(at + ": Die Kennung „" + id + "“ ist unzulässig. Erlaubt sind pseudonyme Codes aus "
                    + "Buchstaben A–Z, Ziffern, Punkt, Doppelpunkt, Binde- und Unterstrich (höchstens 64 Zeichen, "
                    + "keine Namen).");
                usable = false;
            } else {
                Integer earlier = indexById.putIfAbsent(id, i);
                if (earlier != null) {
                    problems.add(at + ": Die Kennung „" + id + "“ kommt doppelt vor (auch "
                        + where.person(earlier, named) + ").");
                    usable = false;
                }
            }
            Map<String, String> features = new LinkedHashMap<>();
            for (String category : categories) {
                String value = normalise(raw.feature(category));
                List<String> allowed = valuesByCategory.get(category);
                if (value.isEmpty()) {
                    problems.add(at + ": Kein Wert für „" + category + "“.");
                    usable = false;
                } else if (!allowed.contains(value)) {
                    problems.add(at + ": Der Wert „" + value + "“ für „" + category + "“ kommt in den Quoten nicht "
                        + "vor" + suggestion(value, allowed) + " (erlaubt: " + String.join(", ", allowed) + ").");
                    usable = false;
                }
                features.put(category, value);
            }
            if (usable) {
                people.add(new Person(id, features));
            }
        }
        if (!problems.isEmpty()) {
            throw new LotteryInputException(problems);
        }

        int n = people.size();
        if (n == 0) {
            problems.add("Der Pool ist leer: Es gibt keine Personen, unter denen gelost werden kann.");
        } else if (seats > n) {
            problems.add("Es sollen " + seats + " Sitze vergeben werden, aber nur " + n + " Personen sind im Pool "
                + "(k > n). Ohne Los werden alle aufgenommen.");
        }
        Map<String, Integer> countByQuota = new HashMap<>();
        for (Person person : people) {
            for (String category : categories) {
                countByQuota.merge(category + "\u0000" + person.feature(category), 1, Integer::sum);
            }
        }
        for (int i = 0; i < quotas.size(); i++) {
            Quota quota = quotas.get(i);
            int count = countByQuota.getOrDefault(quota.category() + "\u0000" + quota.value(), 0);
            if (quota.min() > count) {
                problems.add(quota.label() + ": Minimum " + quota.min() + ", aber nur " + count
                    + (count == 1 ? " Person" : " Personen") + " im Pool " + (count == 1 ? "hat" : "haben")
                    + " diesen Wert.");
            }
        }
        if (seats >= 1 && seats <= n) {
            for (String category : categories) {
                int minimumSum = 0;
                int reachable = 0;
                for (Quota quota : quotas) {
                    if (quota.category().equals(category)) {
                        int count = countByQuota.getOrDefault(quota.category() + "\u0000" + quota.value(), 0);
                        minimumSum += quota.min();
                        reachable += Math.min(quota.max(), count);
                    }
                }
                if (minimumSum > seats) {
                    problems.add(category + ": Die Minima ergeben zusammen " + minimumSum + ", es gibt aber nur "
                        + seats + " Sitze.");
                }
                if (reachable < seats) {
                    problems.add(category + ": Höchstens " + reachable + " Sitze lassen sich besetzen (Maxima, "
                        + "begrenzt durch die Zahl der Personen je Wert), zu vergeben sind aber " + seats + ".");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LotteryInputException(problems);
        }
        people.sort(Comparator.comparing(Person::id));
        return new LotteryInput(categories, valuesByCategory, quotas, people, seats);
    }

    /** Unicode NFC and no surrounding white space: "weiblich " and "weiblich" are one value. */
    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    private static String suggestion(String value, List<String> allowed) {
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return " – gemeint ist wohl „" + candidate + "“ (Groß-/Kleinschreibung)";
            }
        }
        return "";
    }

    private List<ProfileType> groupIntoTypes() {
        Map<String, int[]> keyByProfile = new HashMap<>();
        TreeMap<int[], List<String>> membersByKey = new TreeMap<>(Arrays::compare);
        for (Person person : people) {
            int[] key = new int[categories.size()];
            for (int c = 0; c < key.length; c++) {
                String category = categories.get(c);
                key[c] = valuesByCategory.get(category).indexOf(person.feature(category));
            }
            int[] shared = keyByProfile.computeIfAbsent(Arrays.toString(key), k -> key);
            membersByKey.computeIfAbsent(shared, k -> new ArrayList<>()).add(person.id());
        }
        int width = Math.max(3, String.valueOf(membersByKey.size()).length());
        List<ProfileType> result = new ArrayList<>();
        for (Map.Entry<int[], List<String>> entry : membersByKey.entrySet()) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                values.add(valuesByCategory.get(categories.get(c)).get(entry.getKey()[c]));
            }
            List<String> members = new ArrayList<>(entry.getValue());
            members.sort(Comparator.naturalOrder());
            String code = "T" + String.format("%0" + width + "d", result.size() + 1);
            result.add(new ProfileType(code, values, members));
        }
        return List.copyOf(result);
    }

    /** Quota categories in the order they first appear in the quotas. */
    public List<String> categories() {
        return categories;
    }

    /** The values of a category in the order of the quotas. */
    public List<String> values(String category) {
        return List.copyOf(valuesByCategory.get(category));
    }

    public List<Quota> quotas() {
        return quotas;
    }

    /** Sorted by id. */
    public List<Person> people() {
        return people;
    }

    public int seats() {
        return seats;
    }

    public List<ProfileType> types() {
        return types;
    }

    /** Index into {@link #types()} of the person with this id. */
    public int typeIndexOf(String personId) {
        Integer index = typeIndexById.get(personId);
        if (index == null) {
            throw new IllegalArgumentException("unknown person " + personId);
        }
        return index;
    }

    /** Whether the type at {@code typeIndex} has the quota's value. */
    public boolean matches(int typeIndex, Quota quota) {
        int c = categories.indexOf(quota.category());
        return types.get(typeIndex).values().get(c).equals(quota.value());
    }
}

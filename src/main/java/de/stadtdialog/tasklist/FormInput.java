package de.stadtdialog.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a form as the page holds them: strings, keyed by field key, several for a checklist, "true" or
 * "false" for a checkbox. Whatever was submitted stays here unchanged, so a page with errors shows it again.
 */
public final class FormInput {

    private final Map<String, List<String>> values;

    public FormInput(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((key, list) -> copy.put(key, list == null ? List.of() : List.copyOf(list)));
        this.values = copy;
    }

    public static FormInput of(Map<String, String> singleValues) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        singleValues.forEach((key, value) -> values.put(key, value == null ? List.of() : List.of(value)));
        return new FormInput(values);
    }

    /** The (first) value, or "" when there is none. */
    public String value(String key) {
        List<String> list = values.getOrDefault(key, List.of());
        return list.isEmpty() || list.get(0) == null ? "" : list.get(0);
    }

    public List<String> values(String key) {
        return values.getOrDefault(key, List.of());
    }

    public boolean contains(String key, String option) {
        return values(key).contains(option);
    }

    public boolean isChecked(String key) {
        return "true".equals(value(key));
    }

    public boolean isBlank(String key) {
        return values(key).stream().allMatch(value -> value == null || value.isBlank());
    }

    public Map<String, List<String>> asMap() {
        return Map.copyOf(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package de.stadtdialog.lottery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An applicant as the lottery sees them: a pseudonymous id and one value per quota category, nothing else (no
 * name, no address: the pool is published in the audit bundle).
 */
public record Person(String id, Map<String, String> features) {

    public Person {
        features = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    public String feature(String category) {
        return features.get(category);
    }
}

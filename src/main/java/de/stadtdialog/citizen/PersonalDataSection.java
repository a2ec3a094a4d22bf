package de.stadtdialog.citizen;

import java.util.List;
import java.util.Map;

/**
 * One part of what is held about a citizen, for the "Meine Daten" page and its JSON download.
 *
 * @param key     stable machine name, the key in the JSON download, e.g. {@code "follows"}
 * @param title   heading on the page, in the current language
 * @param entries one map per item, label → value (insertion-ordered), values already formatted for people
 */
public record PersonalDataSection(String key, String title, List<Map<String, String>> entries) {

    public PersonalDataSection {
        entries = List.copyOf(entries);
    }
}

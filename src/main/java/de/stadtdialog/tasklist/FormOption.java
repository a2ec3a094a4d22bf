package de.stadtdialog.tasklist;

/** One option of a select, radio or checklist field: the stored value and the label people read. */
public record FormOption(String value, String label) {
}

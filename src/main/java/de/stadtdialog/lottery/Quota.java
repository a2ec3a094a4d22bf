package de.stadtdialog.lottery;

/** Seats for people with {@code value} in {@code category}: at least {@code min}, at most {@code max}. */
public record Quota(String category, String value, int min, int max) {

    /** As shown to officers, e.g. "Alter 16–29". */
    public String label() {
        return category + " " + value;
    }
}

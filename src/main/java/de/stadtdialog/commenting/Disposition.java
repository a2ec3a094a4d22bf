package de.stadtdialog.commenting;

/** What became of a comment in the evaluation (Abwägung). */
public enum Disposition {
    ADOPTED("übernommen"),
    PARTLY_ADOPTED("teilweise übernommen"),
    NOT_ADOPTED("nicht übernommen"),
    NOT_RELEVANT("nicht relevant");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @return null for a value not in the list */
    public static Disposition parse(String value) {
        if (value == null) {
            return null;
        }
        for (Disposition disposition : values()) {
            if (disposition.name().equalsIgnoreCase(value.trim())) {
                return disposition;
            }
        }
        return null;
    }
}

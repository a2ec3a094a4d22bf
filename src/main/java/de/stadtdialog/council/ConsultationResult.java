package de.stadtdialog.council;

/** The result a body reached on a motion; the German label is what minutes and OParl {@code result} say. */
public enum ConsultationResult {
    ADOPTED("beschlossen", true),
    ADOPTED_WITH_CHANGES("mit Änderungen beschlossen", true),
    REJECTED("abgelehnt", true),
    DEFERRED("vertagt", false),
    REFERRED_BACK("an die Verwaltung zurückverwiesen", false);

    private final String label;
    private final boolean finalForConsultation;

    ConsultationResult(String label, boolean finalForConsultation) {
        this.label = label;
        this.finalForConsultation = finalForConsultation;
    }

    public String label() {
        return label;
    }

    /** Adopted, adopted with changes or rejected: the body is done with the motion. */
    public boolean isFinal() {
        return finalForConsultation;
    }

    public static ConsultationResult parse(String value) {
        for (ConsultationResult result : values()) {
            if (result.name().equals(value)) {
                return result;
            }
        }
        return null;
    }
}

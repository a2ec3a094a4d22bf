package de.stadtdialog.council;

/** What a body does with a motion; the OParl {@code Consultation.role} text is the German label. */
public enum ConsultationRole {
    HEARING("Anhörung"),
    PRELIMINARY("Vorberatung"),
    DECISION("Entscheidung");

    private final String label;

    ConsultationRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

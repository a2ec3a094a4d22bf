package de.stadtdialog.council;

/** Where a motion stands, as the secretariat tracks it (DOMAIN.md §5). */
public enum MotionStatus {
    DRAFT("in Bearbeitung"),
    IN_APPROVAL("zur Freigabe"),
    SUBMITTED("eingereicht"),
    SCHEDULED("terminiert"),
    DELIBERATED("beraten"),
    DECIDED("entschieden"),
    PUBLISHED("Beschluss veröffentlicht"),
    FEEDBACK_GIVEN("Rückmeldung gegeben"),
    EVALUATED("ausgewertet");

    private final String label;

    MotionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

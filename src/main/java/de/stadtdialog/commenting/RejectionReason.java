package de.stadtdialog.commenting;

/** Why a comment was not published; the German label goes to the author (mail) and staff pages. */
public enum RejectionReason {
    OFF_TOPIC("kein Bezug zum Entwurf"),
    INSULTING("beleidigend oder herabwürdigend"),
    PERSONAL_DATA("enthält personenbezogene Daten Dritter"),
    ADVERTISING("Werbung oder Spam"),
    DUPLICATE("doppelt eingereicht"),
    OTHER("anderer Grund");

    private final String label;

    RejectionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @return null for a value not in the list */
    public static RejectionReason parse(String value) {
        if (value == null) {
            return null;
        }
        for (RejectionReason reason : values()) {
            if (reason.name().equalsIgnoreCase(value.trim())) {
                return reason;
            }
        }
        return null;
    }
}

package de.stadtdialog.portal.internal;

/**
 * How citizens take part in a project: by law (formell), voluntarily (informell), not at all, or on request
 * (citizens, the council or an advisory board may ask for a participation procedure). Labels are messages
 * {@code portal.participation.<name>}.
 */
public enum ParticipationStatus {
    FORMAL, INFORMAL, NONE, CAN_BE_REQUESTED;

    public String messageKey() {
        return "portal.participation." + name();
    }
}

package de.stadtdialog.membercall;

/** Where an application stands; the message key {@code membercall.status.<name>} names it for people. */
public enum ApplicationStatus {
    SUBMITTED,
    ELIGIBLE,
    REJECTED,
    DUPLICATE_FLAGGED,
    SELECTED,
    RESERVE,
    NOT_SELECTED,
    WITHDRAWN,
    /** Was a member and left during the term; replaced from the reserve list. */
    LEFT;

    public String messageKey() {
        return "membercall.status." + name();
    }
}

package de.stadtdialog.citizen.internal;

public enum CitizenStatus {
    /** Registered, e-mail address not yet confirmed; deleted by the registration process's timer. */
    PENDING,
    CONFIRMED,
    /** Personal fields wiped; the row stays so contributions keep pointing at a (pseudonymised) author. */
    DELETED
}

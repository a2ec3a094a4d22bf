package de.stadtdialog.citizen.internal;

public enum TokenPurpose {
    CONFIRMATION,
    PASSWORD_RESET
}

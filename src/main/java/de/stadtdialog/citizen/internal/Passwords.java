package de.stadtdialog.citizen.internal;

import org.springframework.validation.BindingResult;

/** The checks of a new password that Bean Validation cannot express. */
final class Passwords {

    private Passwords() {
    }

    static void checkPair(String password, String repeat, BindingResult errors, String field, String repeatField) {
        if (!errors.hasFieldErrors(field) && CitizenPasswords.tooLong(password)) {
            errors.rejectValue(field, "tooLong");
        }
        if (!errors.hasFieldErrors(repeatField) && password != null && !password.equals(repeat)) {
            errors.rejectValue(repeatField, "mismatch");
        }
    }
}

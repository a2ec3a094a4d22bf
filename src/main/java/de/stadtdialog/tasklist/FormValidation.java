package de.stadtdialog.tasklist;

import java.math.BigDecimal;

/**
 * The {@code validate} block of a form-js field. {@code min}/{@code max} apply to numbers, the lengths to text;
 * {@code validationType} may be {@code email} or {@code phone}.
 */
public record FormValidation(boolean required, Integer minLength, Integer maxLength, String pattern, BigDecimal min,
        BigDecimal max, String validationType) {

    public static final FormValidation NONE = new FormValidation(false, null, null, null, null, null, null);
}

package de.stadtdialog.tasklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks submitted values against the rules of their form on the server, whatever the browser let through:
 * {@code required}, {@code minLength}, {@code maxLength}, {@code pattern}, {@code min}, {@code max},
 * {@code validationType} (email, phone), number format and decimal digits, options of select/radio/checklist,
 * date and time formats and {@code disallowPassedDates}. Readonly and disabled fields are not checked (they are not
 * submitted). A pattern matches anywhere in the value, as in form-js.
 */
public final class FormValidator {

    private static final Logger log = LoggerFactory.getLogger(FormValidator.class);

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()/.-]{3,}[0-9]$");

    private FormValidator() {
    }

    /** The first problem of each field, by key, in form order; empty when everything is fine. */
    public static Map<String, FormError> validate(FormSchema schema, FormInput input, LocalDate today) {
        Map<String, FormError> errors = new LinkedHashMap<>();
        for (FormComponent field : schema.fields()) {
            if (!field.isEditable()) {
                continue;
            }
            FormError error = check(field, input, today);
            if (error != null) {
                errors.putIfAbsent(field.key(), error);
            }
        }
        return errors;
    }

    static FormError check(FormComponent field, FormInput input, LocalDate today) {
        String key = field.key();
        FormValidation rules = field.validation();
        boolean empty = switch (field.type()) {
            case "checkbox" -> !input.isChecked(key);
            default -> input.isBlank(key);
        };
        if (empty) {
            if (!rules.required()) {
                return null;
            }
            return switch (field.type()) {
                case "checkbox" -> FormError.of("tasklist.form.required.checkbox");
                case "checklist" -> FormError.of("tasklist.form.required.checklist");
                case "select", "radio" -> FormError.of("tasklist.form.required.choice");
                default -> FormError.of("tasklist.form.required");
            };
        }
        String value = input.value(key);
        return switch (field.type()) {
            case "textfield", "textarea" -> checkText(rules, value);
            case "number" -> checkNumber(field, value);
            case "select", "radio" -> isOption(field, value) ? null : FormError.of("tasklist.form.option");
            case "checklist" -> input.values(key).stream().filter(v -> !v.isBlank()).allMatch(v -> isOption(field, v))
                ? null : FormError.of("tasklist.form.option");
            case "datetime" -> checkDateTime(field, value, today);
            default -> null;
        };
    }

    private static FormError checkText(FormValidation rules, String value) {
        // UTF-16 units, as form-js and the browser's maxlength count
        int length = value.length();
        if (rules.minLength() != null && length < rules.minLength()) {
            return FormError.of("tasklist.form.minLength", rules.minLength(), length);
        }
        if (rules.maxLength() != null && length > rules.maxLength()) {
            return FormError.of("tasklist.form.maxLength", rules.maxLength(), length);
        }
        if (rules.pattern() != null) {
            try {
                if (!Pattern.compile(rules.pattern()).matcher(value).find()) {
                    return FormError.of("tasklist.form.pattern");
                }
            } catch (PatternSyntaxException e) {
                log.warn("Ignoring form pattern that Java cannot compile: {}", rules.pattern());
            }
        }
        if ("email".equals(rules.validationType()) && !EMAIL.matcher(value.strip()).matches()) {
            return FormError.of("tasklist.form.email");
        }
        if ("phone".equals(rules.validationType()) && !PHONE.matcher(value.strip()).matches()) {
            return FormError.of("tasklist.form.phone");
        }
        return null;
    }

    private static FormError checkNumber(FormComponent field, String value) {
        BigDecimal number = FormValueConverter.parseNumber(value);
        if (number == null) {
            return FormError.of("tasklist.form.number");
        }
        Integer digits = field.decimalDigits();
        if (digits != null && digits >= 0 && Math.max(0, number.stripTrailingZeros().scale()) > digits) {
            return digits == 0 ? FormError.of("tasklist.form.integer")
                : FormError.of("tasklist.form.decimalDigits", digits);
        }
        FormValidation rules = field.validation();
        if (rules.min() != null && number.compareTo(rules.min()) < 0) {
            return FormError.of("tasklist.form.min", rules.min());
        }
        if (rules.max() != null && number.compareTo(rules.max()) > 0) {
            return FormError.of("tasklist.form.max", rules.max());
        }
        return null;
    }

    private static boolean isOption(FormComponent field, String value) {
        List<FormOption> options = field.options();
        return options.stream().anyMatch(option -> option.value().equals(value));
    }

    private static FormError checkDateTime(FormComponent field, String value, LocalDate today) {
        LocalDate date;
        switch (field.dateTimeSubtype()) {
            case FormComponent.TIME:
                return FormValueConverter.parseTime(value) == null ? FormError.of("tasklist.form.time") : null;
            case FormComponent.DATETIME:
                LocalDateTime dateTime = FormValueConverter.parseDateTime(value);
                if (dateTime == null) {
                    return FormError.of("tasklist.form.datetime");
                }
                date = dateTime.toLocalDate();
                break;
            default:
                date = FormValueConverter.parseDate(value);
                if (date == null) {
                    return FormError.of("tasklist.form.date");
                }
        }
        if (field.disallowPassedDates() && today != null && date.isBefore(today)) {
            return FormError.of("tasklist.form.pastDate");
        }
        return null;
    }
}

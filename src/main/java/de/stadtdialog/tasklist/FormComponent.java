package de.stadtdialog.tasklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One component of a Camunda Form. Input fields ({@link #isField()}) carry a {@code key}, the process variable
 * they show and set. {@code text} components carry Markdown, of which we show paragraphs and line breaks only.
 */
public record FormComponent(String id, String type, String key, String label, String description, boolean readonly,
        boolean disabled, Object defaultValue, List<FormOption> options, String optionsKey,
        FormValidation validation, String subtype, String dateLabel, String timeLabel,
        String timeSerializingFormat, boolean disallowPassedDates, Integer decimalDigits, BigDecimal increment,
        boolean serializeToString, String text, List<FormComponent> components) {

    /** Input types we render and check. */
    public static final Set<String> FIELD_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
        "radio", "select", "datetime");

    /** Types that show something but hold no value; {@code button} is left out, the page has its own. */
    public static final Set<String> LAYOUT_TYPES = Set.of("text", "group", "separator", "spacer", "button");

    public static final String DATE = "date";
    public static final String TIME = "time";
    public static final String DATETIME = "datetime";

    public FormComponent {
        options = options == null ? List.of() : List.copyOf(options);
        components = components == null ? List.of() : List.copyOf(components);
        validation = validation == null ? FormValidation.NONE : validation;
    }

    /** The same component with other options (from {@code valuesKey}) and children. */
    FormComponent with(List<FormOption> newOptions, List<FormComponent> newComponents) {
        return new FormComponent(id, type, key, label, description, readonly, disabled, defaultValue, newOptions,
            optionsKey, validation, subtype, dateLabel, timeLabel, timeSerializingFormat, disallowPassedDates,
            decimalDigits, increment, serializeToString, text, newComponents);
    }

    public boolean isField() {
        return key != null && FIELD_TYPES.contains(type);
    }

    /** Shown with its value but never submitted: readonly or disabled. */
    public boolean isEditable() {
        return isField() && !readonly && !disabled;
    }

    public boolean isUnsupported() {
        return !FIELD_TYPES.contains(type) && !LAYOUT_TYPES.contains(type);
    }

    public boolean isRequired() {
        return validation.required();
    }

    /** Fields whose value is one or more of a list of options. */
    public boolean hasOptions() {
        return "select".equals(type) || "radio".equals(type) || "checklist".equals(type);
    }

    /** {@code date}, {@code time} or {@code datetime}, form-js's default being {@code date}. */
    public String dateTimeSubtype() {
        return subtype == null ? DATE : subtype;
    }

    /** The HTML input type of a {@code datetime} field. */
    public String dateTimeInputType() {
        return switch (dateTimeSubtype()) {
            case TIME -> "time";
            case DATETIME -> "datetime-local";
            default -> "date";
        };
    }

    /** The label; a datetime field may only have {@code dateLabel}/{@code timeLabel}. */
    public String displayLabel() {
        if (label != null) {
            return stripExpressionMarker(label);
        }
        if ("datetime".equals(type)) {
            String date = dateLabel == null ? null : stripExpressionMarker(dateLabel);
            String time = timeLabel == null ? null : stripExpressionMarker(timeLabel);
            return switch (dateTimeSubtype()) {
                case TIME -> time != null ? time : key;
                case DATETIME -> date != null && time != null ? date + ", " + time : date != null ? date
                    : time != null ? time : key;
                default -> date != null ? date : key;
            };
        }
        return key == null ? "" : key;
    }

    /** Labels written as FEEL expressions ({@code "=..."}) cannot be evaluated here; show their text. */
    private static String stripExpressionMarker(String text) {
        return text.startsWith("=") ? text.substring(1).trim() : text;
    }

    /** An id for HTML: letters, digits, hyphen and underscore only. */
    public String htmlId() {
        String raw = id != null ? id : key != null ? key : type;
        return "field-" + raw.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    public String hintId() {
        return htmlId() + "-hint";
    }

    public String errorId() {
        return htmlId() + "-error";
    }

    /**
     * The pattern for the browser. form-js tests a pattern anywhere in the value, the HTML {@code pattern}
     * attribute against the whole value; the wrapper gives the browser form-js's meaning.
     */
    public String htmlPattern() {
        String pattern = validation.pattern();
        return pattern == null ? null : ".*(?:" + pattern + ").*";
    }

    /** The {@code step} of a number input: the field's increment, else one unit of its last decimal digit. */
    public String numberStep() {
        if (increment != null) {
            return increment.stripTrailingZeros().toPlainString();
        }
        if (decimalDigits != null && decimalDigits >= 0) {
            return BigDecimal.ONE.movePointLeft(decimalDigits).toPlainString();
        }
        return "any";
    }

    /** The paragraphs of a text component, each a list of lines: the Markdown we show, always as plain text. */
    public List<List<String>> paragraphs() {
        List<List<String>> paragraphs = new ArrayList<>();
        if (text == null) {
            return paragraphs;
        }
        List<String> current = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line.strip());
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }
}

package de.stadtdialog.tasklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;

/**
 * One Camunda Form on one page: its schema, the values shown (prefilled from variables, or as submitted) and the
 * errors next to its fields. Render with {@code ~{tasklist/form :: summary(${form})}} and
 * {@code ~{tasklist/form :: fields(${form})}}; submit with {@link #submitted}, {@link #validate} and
 * {@link #variables()}. Other modules may use it for their own Camunda Forms.
 */
public final class CamundaForm {

    /** Values as the native number, date, time and datetime-local inputs hold them. */
    private static final Pattern MACHINE_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern MACHINE_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MACHINE_TIME = Pattern.compile("\\d{2}:\\d{2}");
    private static final Pattern MACHINE_DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private final FormSchema schema;
    private final FormInput input;
    private final Map<String, String> fieldErrors = new LinkedHashMap<>();
    private final List<String> formErrors = new ArrayList<>();

    private CamundaForm(FormSchema schema, FormInput input) {
        this.schema = schema;
        this.input = input;
    }

    /** The form as a task shows it first: values from the variables, defaults where they are empty. */
    public static CamundaForm prefilled(FormSchema schema, Map<String, Object> variables) {
        FormSchema resolved = schema.withOptionsFrom(variables);
        return new CamundaForm(resolved, FormValueConverter.fromVariables(resolved, variables));
    }

    /**
     * The form as submitted. Readonly and disabled fields keep their values from {@code variables}: they are
     * shown again but never taken from the request.
     */
    public static CamundaForm submitted(FormSchema schema, Map<String, String[]> parameters,
            Map<String, Object> variables) {
        CamundaForm current = prefilled(schema, variables);
        return new CamundaForm(current.schema, FormValueConverter.fromRequest(current.schema, parameters,
            current.input));
    }

    /** Checks the values; messages come from {@code messages} in {@code locale}. @return true if all are valid */
    public boolean validate(LocalDate today, MessageSource messages, Locale locale) {
        FormValidator.validate(schema, input, today)
            .forEach((key, error) -> fieldErrors.put(key, messages.getMessage(error, locale)));
        return !hasErrors();
    }

    /** The values to submit to the engine; only valid input converts. */
    public Map<String, Object> variables() {
        if (hasErrors()) {
            throw new IllegalStateException("The form has errors: " + fieldErrors + formErrors);
        }
        return FormValueConverter.toVariables(schema, input);
    }

    /**
     * A problem found elsewhere, e.g. by a process listener: next to the field of that key if the form has it as
     * an editable field, else at the top.
     */
    public void reject(String key, String message) {
        if (key != null && schema.field(key).filter(FormComponent::isEditable).isPresent()) {
            fieldErrors.put(key, message);
        } else {
            formErrors.add(message);
        }
    }

    public FormSchema schema() {
        return schema;
    }

    public List<FormComponent> components() {
        return schema.components();
    }

    public FormInput input() {
        return input;
    }

    public String value(String key) {
        return input.value(key);
    }

    public boolean isSelected(String key, String option) {
        return input.contains(key, option);
    }

    public boolean isChecked(String key) {
        return input.isChecked(key);
    }

    /**
     * The HTML input type of a number or datetime field. A value the native input cannot hold (e.g. "3,5" or a
     * mistyped date sent back with an error) would be shown empty, so such a value gets a text input instead.
     */
    public String inputType(FormComponent field) {
        String value = input.value(field.key()).strip();
        if ("number".equals(field.type())) {
            return value.isEmpty() || MACHINE_NUMBER.matcher(value).matches() ? "number" : "text";
        }
        if ("datetime".equals(field.type())) {
            Pattern format = switch (field.dateTimeSubtype()) {
                case FormComponent.TIME -> MACHINE_TIME;
                case FormComponent.DATETIME -> MACHINE_DATETIME;
                default -> MACHINE_DATE;
            };
            return value.isEmpty() || format.matcher(value).matches() ? field.dateTimeInputType() : "text";
        }
        return "text";
    }

    public String error(String key) {
        return fieldErrors.get(key);
    }

    public boolean hasError(String key) {
        return fieldErrors.containsKey(key);
    }

    public boolean hasErrors() {
        return !fieldErrors.isEmpty() || !formErrors.isEmpty();
    }

    public Map<String, String> fieldErrors() {
        return Map.copyOf(fieldErrors);
    }

    public List<String> formErrors() {
        return List.copyOf(formErrors);
    }

    /** The ids an input's {@code aria-describedby} names: its hint and its error; null if neither. */
    public String describedBy(FormComponent field) {
        String ids = Stream.of(field.description() != null ? field.hintId() : null,
                field.key() != null && hasError(field.key()) ? field.errorId() : null)
            .filter(id -> id != null).collect(Collectors.joining(" "));
        return ids.isEmpty() ? null : ids;
    }

    /** One line of the error summary at the top; {@code target} is the id of the input to jump to, or null. */
    public record ErrorLink(String target, String label, String message) {
    }

    public List<ErrorLink> errorSummary() {
        List<ErrorLink> links = new ArrayList<>();
        formErrors.forEach(message -> links.add(new ErrorLink(null, null, message)));
        for (FormComponent field : schema.fields()) {
            String message = fieldErrors.get(field.key());
            if (message != null) {
                String target = "radio".equals(field.type()) || "checklist".equals(field.type())
                    ? field.htmlId() + "-0" : field.htmlId();
                links.add(new ErrorLink(target, field.displayLabel(), message));
            }
        }
        return links;
    }
}

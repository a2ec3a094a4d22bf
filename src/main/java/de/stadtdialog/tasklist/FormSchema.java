package de.stadtdialog.tasklist;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form (form-js JSON as Camunda Modeler writes it), reduced to what we render and check on the server.
 * Components keep the order of the form; {@link #fields()} lists the input fields of all levels (groups flattened),
 * each bound to the variable named by its {@code key}.
 */
public record FormSchema(String id, List<FormComponent> components) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public FormSchema {
        components = List.copyOf(components);
    }

    /** A task without a form: completing it submits no values. */
    public static FormSchema empty() {
        return new FormSchema(null, List.of());
    }

    public static FormSchema parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new FormSchemaException("The form is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FormSchemaException("The form is not a JSON object");
        }
        return new FormSchema(text(root, "id"), components(root.path("components"), "form"));
    }

    /**
     * The same form with the options of fields that take them from a variable ({@code valuesKey}): a list of
     * {@code {label, value}} objects or of plain values, as a Java list or as JSON text.
     */
    public FormSchema withOptionsFrom(Map<String, Object> variables) {
        return new FormSchema(id, withOptionsFrom(components, variables == null ? Map.of() : variables));
    }

    private static List<FormComponent> withOptionsFrom(List<FormComponent> components, Map<String, Object> variables) {
        List<FormComponent> resolved = new ArrayList<>();
        for (FormComponent component : components) {
            List<FormOption> options = component.optionsKey() == null ? component.options()
                : optionsOf(variables.get(component.optionsKey()));
            resolved.add(component.with(options, withOptionsFrom(component.components(), variables)));
        }
        return resolved;
    }

    private static List<FormOption> optionsOf(Object value) {
        JsonNode items;
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            try {
                items = JSON.readTree(text);
            } catch (IOException e) {
                return List.of();
            }
        } else {
            items = JSON.valueToTree(value);
        }
        List<FormOption> options = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                String optionValue = item.isObject() ? scalar(item.get("value")) : scalar(item);
                if (optionValue != null) {
                    String label = item.isObject() ? text(item, "label") : null;
                    options.add(new FormOption(optionValue, label == null ? optionValue : label));
                }
            }
        }
        return options;
    }

    /** The input fields of every level, in form order. */
    public List<FormComponent> fields() {
        List<FormComponent> fields = new ArrayList<>();
        collectFields(components, fields);
        return fields;
    }

    public Optional<FormComponent> field(String key) {
        return fields().stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /** Components we cannot render, e.g. a file picker; the page points to Camunda Tasklist for them. */
    public List<FormComponent> unsupported() {
        List<FormComponent> found = new ArrayList<>();
        collectUnsupported(components, found);
        return found;
    }

    private static void collectFields(List<FormComponent> components, List<FormComponent> into) {
        for (FormComponent component : components) {
            if (component.isField()) {
                into.add(component);
            }
            collectFields(component.components(), into);
        }
    }

    private static void collectUnsupported(List<FormComponent> components, List<FormComponent> into) {
        for (FormComponent component : components) {
            if (component.isUnsupported()) {
                into.add(component);
            }
            collectUnsupported(component.components(), into);
        }
    }

    private static List<FormComponent> components(JsonNode array, String parent) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new FormSchemaException("\"components\" of " + parent + " is not a list");
        }
        List<FormComponent> components = new ArrayList<>();
        int position = 0;
        for (JsonNode node : array) {
            position++;
            components.add(component(node, parent + " #" + position));
        }
        return components;
    }

    private static FormComponent component(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new FormSchemaException("Component " + where + " is not an object");
        }
        String type = text(node, "type");
        if (type == null) {
            throw new FormSchemaException("Component " + where + " has no type");
        }
        String id = text(node, "id");
        String key = text(node, "key");
        if (FormComponent.FIELD_TYPES.contains(type) && key == null) {
            throw new FormSchemaException("Field " + (id == null ? where : id) + " (" + type + ") has no key");
        }
        List<FormOption> options = options(node.path("values"), id == null ? where : id, type);
        JsonNode validate = node.path("validate");
        FormValidation validation = new FormValidation(flag(validate, "required"), integer(validate, "minLength"),
            integer(validate, "maxLength"), text(validate, "pattern"), decimal(validate, "min"),
            decimal(validate, "max"), text(validate, "validationType"));
        return new FormComponent(id == null ? key : id, type, key, text(node, "label"), text(node, "description"),
            flag(node, "readonly"), flag(node, "disabled"), defaultValue(node.get("defaultValue")), options,
            text(node, "valuesKey"), validation, text(node, "subtype"), text(node, "dateLabel"),
            text(node, "timeLabel"), text(node, "timeSerializingFormat"), flag(node, "disallowPassedDates"),
            integer(node, "decimalDigits"), decimal(node, "increment"), flag(node, "serializeToString"),
            text(node, "text"), components(node.path("components"), id == null ? where : id));
    }

    private static List<FormOption> options(JsonNode values, String owner, String type) {
        if (!values.isArray()) {
            return List.of();
        }
        List<FormOption> options = new ArrayList<>();
        for (JsonNode value : values) {
            String optionValue = scalar(value.get("value"));
            if (optionValue == null) {
                throw new FormSchemaException("An option of " + owner + " has no value");
            }
            if ("checklist".equals(type) && optionValue.contains(FormValueConverter.CHECKLIST_SEPARATOR)) {
                throw new FormSchemaException("Option \"" + optionValue + "\" of checklist " + owner
                    + " contains a comma; checklist values are stored comma-separated");
            }
            String label = text(value, "label");
            options.add(new FormOption(optionValue, label == null ? optionValue : label));
        }
        return options;
    }

    /**
     * A flag such as {@code readonly}: only a literal {@code true} counts. form-js also allows FEEL expressions
     * ({@code "=..."}) that we cannot evaluate; those count as not set.
     */
    private static boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equals(value.asText()));
    }

    private static String text(JsonNode node, String name) {
        return scalar(node.get(name));
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    private static Integer integer(JsonNode node, String name) {
        BigDecimal value = decimal(node, name);
        return value == null ? null : value.intValue();
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return value.asText().isBlank() ? null : new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new FormSchemaException("\"" + name + "\" is not a number: " + value.asText());
        }
    }

    private static Object defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return items;
        }
        return value.asText();
    }
}

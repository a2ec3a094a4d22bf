package de.stadtdialog.tasklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Between process variables, the strings of an HTML form and the values we submit to the engine.
 * <p>
 * Submitted types: number → {@code Long} when integral, else {@code Double} ({@code String} if the field says
 * {@code serializeToString}); checkbox → {@code Boolean}; checklist → one {@code String} with the chosen option
 * values joined by {@value #CHECKLIST_SEPARATOR} (the engine has no JSON data format without Spin, and a String
 * is readable in Cockpit and in expressions; option values therefore may not contain a comma, see
 * {@link FormSchema#parse}); datetime → a {@code String} serialized like form-js: date {@code yyyy-MM-dd}, time
 * {@code HH:mm}, datetime {@code yyyy-MM-ddTHH:mm}, with {@code Z} or the Berlin offset appended for the
 * {@code utc_normalized}/{@code utc_offset} formats; everything else → {@code String}. Empty fields → null.
 * Readonly and disabled fields are never submitted.
 */
public final class FormValueConverter {

    public static final String CHECKLIST_SEPARATOR = ",";
    /** Local dates and times in forms are those of the municipality. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public static final String NO_TIMEZONE = "no_timezone";
    public static final String UTC_OFFSET = "utc_offset";
    public static final String UTC_NORMALIZED = "utc_normalized";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu", Locale.GERMANY)
        .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private FormValueConverter() {
    }

    /** The values to show for a task: its variables, a field's default value where the variable is empty. */
    public static FormInput fromVariables(FormSchema schema, Map<String, Object> variables) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FormComponent field : schema.fields()) {
            Object value = variables == null ? null : variables.get(field.key());
            if (value == null) {
                value = field.defaultValue();
            }
            values.put(field.key(), display(field, value));
        }
        return new FormInput(values);
    }

    /**
     * The values of a submitted form: editable fields as submitted (line breaks normalised to \n, as the
     * browser counts them for {@code maxlength}); readonly and disabled fields from {@code current}, whatever
     * the request says about them.
     */
    public static FormInput fromRequest(FormSchema schema, Map<String, String[]> parameters, FormInput current) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FormComponent field : schema.fields()) {
            if (!field.isEditable()) {
                values.put(field.key(), current == null ? List.of() : current.values(field.key()));
                continue;
            }
            String[] submitted = parameters.get(field.key());
            List<String> list = submitted == null ? new ArrayList<>()
                : new ArrayList<>(Arrays.stream(submitted).map(FormValueConverter::normaliseLineBreaks).toList());
            if ("checkbox".equals(field.type())) {
                list = List.of(String.valueOf(list.stream().anyMatch(v -> "true".equals(v) || "on".equals(v))));
            } else if (!"checklist".equals(field.type()) && list.size() > 1) {
                list = List.of(list.get(0));
            }
            values.put(field.key(), list);
        }
        return new FormInput(values);
    }

    /** The engine variables of the editable fields; call only with input {@link FormValidator} accepted. */
    public static Map<String, Object> toVariables(FormSchema schema, FormInput input) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (FormComponent field : schema.fields()) {
            if (field.isEditable()) {
                variables.put(field.key(), toVariable(field, input));
            }
        }
        return variables;
    }

    static Object toVariable(FormComponent field, FormInput input) {
        String key = field.key();
        switch (field.type()) {
            case "checkbox":
                return input.isChecked(key);
            case "checklist":
                List<String> chosen = input.values(key).stream().filter(v -> v != null && !v.isBlank()).toList();
                return chosen.isEmpty() ? null : String.join(CHECKLIST_SEPARATOR, chosen);
            default:
                break;
        }
        String value = input.value(key);
        if (value.isBlank()) {
            return null;
        }
        return switch (field.type()) {
            case "number" -> number(field, value);
            case "datetime" -> serializeDateTime(field, value);
            default -> value;
        };
    }

    private static Object number(FormComponent field, String value) {
        BigDecimal number = parseNumber(value);
        if (number == null) {
            throw new IllegalArgumentException("Not a number: " + value);
        }
        if (field.serializeToString()) {
            return number.toPlainString();
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            try {
                return stripped.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return number.doubleValue();
            }
        }
        return number.doubleValue();
    }

    /** A number as people type it: "12", "-3.5" or "3,5"; null if it is none. */
    public static BigDecimal parseNumber(String text) {
        String value = text == null ? "" : text.strip().replace(" ", "");
        if (!NUMBER.matcher(value).matches()) {
            return null;
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    /** A date from a date input ({@code 2026-12-02}) or typed German style ({@code 2.12.2026}); null if none. */
    public static LocalDate parseDate(String text) {
        String value = text == null ? "" : text.strip();
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, GERMAN_DATE)) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        return null;
    }

    /** A time from a time input ({@code 18:00}, {@code 18:00:00}); seconds are dropped. Null if none. */
    public static LocalTime parseTime(String text) {
        String value = text == null ? "" : text.strip().replace('.', ':');
        try {
            return LocalTime.parse(value.length() == 4 && value.charAt(1) == ':' ? "0" + value : value)
                .truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A local date-time from a datetime-local input or typed ({@code 02.12.2026 18:00}); null if none. */
    public static LocalDateTime parseDateTime(String text) {
        String value = text == null ? "" : text.strip();
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException notIso) {
            String[] parts = value.replace(",", " ").trim().split("\\s+");
            if (parts.length == 2) {
                LocalDate date = parseDate(parts[0]);
                LocalTime time = parseTime(parts[1]);
                if (date != null && time != null) {
                    return date.atTime(time);
                }
            }
            return null;
        }
    }

    static String serializeDateTime(FormComponent field, String value) {
        String format = field.timeSerializingFormat() == null ? NO_TIMEZONE : field.timeSerializingFormat();
        switch (field.dateTimeSubtype()) {
            case FormComponent.TIME: {
                LocalTime time = require(parseTime(value), value);
                if (UTC_NORMALIZED.equals(format)) {
                    LocalDate today = LocalDate.now(ZONE);
                    return HOURS_MINUTES.format(today.atTime(time).atZone(ZONE).withZoneSameInstant(ZoneId.of("UTC")))
                        + "Z";
                }
                if (UTC_OFFSET.equals(format)) {
                    return HOURS_MINUTES.format(time) + ZONE.getRules().getOffset(Instant.now()).getId();
                }
                return HOURS_MINUTES.format(time);
            }
            case FormComponent.DATETIME: {
                ZonedDateTime local = require(parseDateTime(value), value).atZone(ZONE);
                if (UTC_NORMALIZED.equals(format)) {
                    return LOCAL_DATE_TIME.format(local.withZoneSameInstant(ZoneId.of("UTC"))) + "Z";
                }
                if (UTC_OFFSET.equals(format)) {
                    return LOCAL_DATE_TIME.format(local) + local.getOffset().getId();
                }
                return LOCAL_DATE_TIME.format(local);
            }
            default:
                return require(parseDate(value), value).toString();
        }
    }

    private static <T> T require(T parsed, String value) {
        if (parsed == null) {
            throw new IllegalArgumentException("Not a date or time: " + value);
        }
        return parsed;
    }

    private static List<String> display(FormComponent field, Object value) {
        if ("checkbox".equals(field.type())) {
            return List.of(String.valueOf(Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value))));
        }
        if (value == null) {
            return List.of();
        }
        return switch (field.type()) {
            case "checklist" -> checklistItems(value);
            case "number" -> List.of(displayNumber(value));
            case "datetime" -> List.of(displayDateTime(field, value));
            default -> List.of(value.toString());
        };
    }

    private static List<String> checklistItems(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.startsWith("[")) {
            try {
                return Arrays.asList(JSON.readValue(text, String[].class));
            } catch (JsonProcessingException notJson) {
                // fall back to the comma-separated form
            }
        }
        return Arrays.stream(text.split(CHECKLIST_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String displayNumber(Object value) {
        if (value instanceof Number) {
            try {
                return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notFinite) {
                return value.toString();
            }
        }
        return value.toString();
    }

    /** As the HTML input wants it (local time in Berlin); values we cannot read are shown as they are. */
    private static String displayDateTime(FormComponent field, Object value) {
        LocalDateTime local = localDateTime(value);
        LocalTime time = local != null ? local.toLocalTime() : localTime(value);
        LocalDate date = local != null ? local.toLocalDate() : parseDate(String.valueOf(value));
        return switch (field.dateTimeSubtype()) {
            case FormComponent.TIME -> time == null ? value.toString() : HOURS_MINUTES.format(time);
            case FormComponent.DATETIME -> local == null ? value.toString() : LOCAL_DATE_TIME.format(local);
            default -> date == null ? value.toString() : date.toString();
        };
    }

    private static LocalDateTime localDateTime(Object value) {
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZONE);
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZONE);
        }
        if (value instanceof TemporalAccessor) {
            return value instanceof LocalDateTime ldt ? ldt : null;
        }
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDateTime();
        } catch (DateTimeParseException notOffset) {
            return parseDateTime(text);
        }
    }

    private static LocalTime localTime(Object value) {
        if (value instanceof LocalTime time) {
            return time;
        }
        String text = value.toString().strip();
        try {
            OffsetTime offsetTime = OffsetTime.parse(text);
            return offsetTime.atDate(LocalDate.now(ZONE)).atZoneSameInstant(ZONE).toLocalTime();
        } catch (DateTimeParseException notOffset) {
            return parseTime(text);
        }
    }

    private static String normaliseLineBreaks(String value) {
        return value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n');
    }
}

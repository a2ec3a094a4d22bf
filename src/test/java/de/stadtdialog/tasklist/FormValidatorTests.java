package de.stadtdialog.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class FormValidatorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static final FormSchema FORM = FormSchema.parse("""
        {"components": [
          {"type": "textfield", "key": "title", "validate": {"required": true, "minLength": 3, "maxLength": 5}},
          {"type": "textfield", "key": "code", "validate": {"pattern": "^[A-Z]{2}[0-9]"}},
          {"type": "textfield", "key": "broken", "validate": {"pattern": "(unclosed"}},
          {"type": "textfield", "key": "mail", "validate": {"validationType": "email"}},
          {"type": "textfield", "key": "phone", "validate": {"validationType": "phone"}},
          {"type": "textarea", "key": "text", "validate": {"required": true, "maxLength": 4}},
          {"type": "number", "key": "count", "decimalDigits": 0, "validate": {"required": true, "min": 1, "max": 10}},
          {"type": "number", "key": "euros", "decimalDigits": 2, "validate": {"min": -5.5}},
          {"type": "checkbox", "key": "agreed", "validate": {"required": true}},
          {"type": "checkbox", "key": "optional"},
          {"type": "checklist", "key": "topics", "values": [{"value": "a"}, {"value": "b"}],
           "validate": {"required": true}},
          {"type": "radio", "key": "priority", "values": [{"value": "high"}, {"value": "low"}],
           "validate": {"required": true}},
          {"type": "select", "key": "district", "values": [{"value": "center"}, {"value": "north"}]},
          {"type": "datetime", "key": "day", "subtype": "date", "disallowPassedDates": true},
          {"type": "datetime", "key": "at", "subtype": "time"},
          {"type": "datetime", "key": "start", "subtype": "datetime", "validate": {"required": true}},
          {"type": "textfield", "key": "shown", "readonly": true, "validate": {"required": true}},
          {"type": "textfield", "key": "off", "disabled": true, "validate": {"required": true}}
        ]}""");

    /** Input where every field is valid; each test spoils one field. */
    private static Map<String, List<String>> valid() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("title", List.of("Abcd"));
        values.put("text", List.of("abc"));
        values.put("count", List.of("3"));
        values.put("agreed", List.of("true"));
        values.put("topics", List.of("a"));
        values.put("priority", List.of("high"));
        values.put("start", List.of("2026-12-02T18:00"));
        return values;
    }

    private static Map<String, FormError> errorsWith(String key, String... values) {
        Map<String, List<String>> input = new HashMap<>(valid());
        input.put(key, List.of(values));
        return FormValidator.validate(FORM, new FormInput(input), TODAY);
    }

    private static FormError errorWith(String key, String... values) {
        Map<String, FormError> errors = errorsWith(key, values);
        assertThat(errors.keySet()).as("errors for %s=%s", key, List.of(values)).containsOnly(key);
        return errors.get(key);
    }

    private static void validWith(String key, String... values) {
        assertThat(errorsWith(key, values)).as("%s=%s", key, List.of(values)).isEmpty();
    }

    @Test
    void validInputHasNoErrorsAndReadonlyOrDisabledFieldsAreNotChecked() {
        assertThat(FormValidator.validate(FORM, new FormInput(valid()), TODAY)).isEmpty();
    }

    @Test
    void requiredFieldsOfEveryType() {
        assertThat(errorWith("title", "   ")).isEqualTo(FormError.of("tasklist.form.required"));
        assertThat(errorWith("text")).isEqualTo(FormError.of("tasklist.form.required"));
        assertThat(errorWith("count", "")).isEqualTo(FormError.of("tasklist.form.required"));
        assertThat(errorWith("agreed", "false")).isEqualTo(FormError.of("tasklist.form.required.checkbox"));
        assertThat(errorWith("topics")).isEqualTo(FormError.of("tasklist.form.required.checklist"));
        assertThat(errorWith("priority", "")).isEqualTo(FormError.of("tasklist.form.required.choice"));
        assertThat(errorWith("start", "")).isEqualTo(FormError.of("tasklist.form.required"));
    }

    @Test
    void emptyOptionalFieldsAreFine() {
        for (String key : List.of("code", "mail", "phone", "euros", "optional", "district", "day", "at")) {
            validWith(key, "");
        }
        validWith("optional", "false");
    }

    @Test
    void lengthsCountLikeTheBrowser() {
        assertThat(errorWith("title", "Ab")).isEqualTo(FormError.of("tasklist.form.minLength", 3, 2));
        assertThat(errorWith("title", "Abcdef")).isEqualTo(FormError.of("tasklist.form.maxLength", 5, 6));
        validWith("title", "Ääööü");
        assertThat(errorWith("title", "😀😀😀")).as("UTF-16 units, like form-js and maxlength")
            .isEqualTo(FormError.of("tasklist.form.maxLength", 5, 6));
        assertThat(errorWith("text", "abcde")).isEqualTo(FormError.of("tasklist.form.maxLength", 4, 5));
    }

    @Test
    void patternMatchesAnywhereLikeFormJsAndAnInvalidPatternIsIgnored() {
        validWith("code", "AB1");
        validWith("code", "AB12 und mehr");
        assertThat(errorWith("code", "ab1")).isEqualTo(FormError.of("tasklist.form.pattern"));
        assertThat(errorWith("code", "x AB1")).isEqualTo(FormError.of("tasklist.form.pattern"));
        validWith("broken", "whatever");
    }

    @Test
    void emailAndPhone() {
        validWith("mail", "petra.schneider@kaiserslautern.de");
        assertThat(errorWith("mail", "petra@")).isEqualTo(FormError.of("tasklist.form.email"));
        validWith("phone", "+49 631 365-0");
        validWith("phone", "0631/3650");
        assertThat(errorWith("phone", "ruf an")).isEqualTo(FormError.of("tasklist.form.phone"));
    }

    @Test
    void numbers() {
        validWith("count", "10");
        validWith("count", "1");
        validWith("count", " 2 ");
        assertThat(errorWith("count", "zwei")).isEqualTo(FormError.of("tasklist.form.number"));
        assertThat(errorWith("count", "2.5")).isEqualTo(FormError.of("tasklist.form.integer"));
        assertThat(errorWith("count", "0")).isEqualTo(FormError.of("tasklist.form.min", new java.math.BigDecimal("1")));
        assertThat(errorWith("count", "11")).isEqualTo(FormError.of("tasklist.form.max", new java.math.BigDecimal("10")));
        validWith("euros", "3,50");
        validWith("euros", "-5.5");
        validWith("euros", "12.10");
        assertThat(errorWith("euros", "1.234")).isEqualTo(FormError.of("tasklist.form.decimalDigits", 2));
        assertThat(errorWith("euros", "-6")).isEqualTo(FormError.of("tasklist.form.min", new java.math.BigDecimal("-5.5")));
        assertThat(errorWith("euros", "1e5")).isEqualTo(FormError.of("tasklist.form.number"));
    }

    @Test
    void choicesMustBeOffered() {
        validWith("priority", "low");
        assertThat(errorWith("priority", "urgent")).isEqualTo(FormError.of("tasklist.form.option"));
        validWith("district", "north");
        assertThat(errorWith("district", "south")).isEqualTo(FormError.of("tasklist.form.option"));
        validWith("topics", "a", "b");
        assertThat(errorWith("topics", "a", "c")).isEqualTo(FormError.of("tasklist.form.option"));
    }

    @Test
    void datesAndTimes() {
        validWith("day", "2026-12-24");
        validWith("day", "24.12.2026");
        validWith("day", "2026-11-22");
        assertThat(errorWith("day", "2026-13-01")).isEqualTo(FormError.of("tasklist.form.date"));
        assertThat(errorWith("day", "31.02.2027")).isEqualTo(FormError.of("tasklist.form.date"));
        assertThat(errorWith("day", "2026-11-21")).isEqualTo(FormError.of("tasklist.form.pastDate"));
        validWith("at", "18:30");
        validWith("at", "9:05");
        assertThat(errorWith("at", "25:00")).isEqualTo(FormError.of("tasklist.form.time"));
        validWith("start", "2026-12-24T18:30");
        validWith("start", "24.12.2026, 18:30");
        assertThat(errorWith("start", "morgen früh")).isEqualTo(FormError.of("tasklist.form.datetime"));
        assertThat(errorWith("start", "2026-12-24")).isEqualTo(FormError.of("tasklist.form.datetime"));
    }

    @Test
    void everyMessageExistsInGermanAndEnglish() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/tasklist");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);

        Set<String> codes = new TreeSet<>(List.of("tasklist.form.required", "tasklist.form.required.choice",
            "tasklist.form.required.checklist", "tasklist.form.required.checkbox", "tasklist.form.minLength",
            "tasklist.form.maxLength", "tasklist.form.pattern", "tasklist.form.email", "tasklist.form.phone",
            "tasklist.form.number", "tasklist.form.integer", "tasklist.form.decimalDigits", "tasklist.form.min",
            "tasklist.form.max", "tasklist.form.option", "tasklist.form.date", "tasklist.form.time",
            "tasklist.form.datetime", "tasklist.form.pastDate"));
        for (String code : codes) {
            FormError error = FormError.of(code, 3, 2);
            assertThat(messages.getMessage(error, Locale.GERMAN)).as(code).doesNotContain("tasklist.");
            assertThat(messages.getMessage(error, Locale.ENGLISH)).as(code).doesNotContain("tasklist.");
        }
        assertThat(messages.getMessage(FormError.of("tasklist.form.minLength", 3, 2), Locale.GERMAN))
            .isEqualTo("Bitte geben Sie mindestens 3 Zeichen ein (jetzt: 2).");
        assertThat(messages.getMessage(FormError.of("tasklist.form.min", new java.math.BigDecimal("-5.5")),
            Locale.GERMAN)).isEqualTo("Der Wert muss mindestens -5,5 sein.");
    }
}

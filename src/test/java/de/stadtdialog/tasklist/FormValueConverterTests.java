package de.stadtdialog.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormValueConverterTests {

    private static final FormSchema FORM = FormSchema.parse("""
        {"components": [
          {"type": "textfield", "key": "title", "defaultValue": "Ohne Titel"},
          {"type": "textarea", "key": "text"},
          {"type": "number", "key": "count"},
          {"type": "number", "key": "code", "serializeToString": true},
          {"type": "checkbox", "key": "agreed"},
          {"type": "checkbox", "key": "preset", "defaultValue": true},
          {"type": "checklist", "key": "topics", "values": [{"value": "a"}, {"value": "b"}, {"value": "c"}]},
          {"type": "radio", "key": "priority", "values": [{"value": "high"}, {"value": "low"}]},
          {"type": "select", "key": "district", "values": [{"value": "center"}], "defaultValue": "center"},
          {"type": "datetime", "key": "day", "subtype": "date"},
          {"type": "datetime", "key": "at", "subtype": "time", "timeSerializingFormat": "no_timezone"},
          {"type": "datetime", "key": "start", "subtype": "datetime", "timeSerializingFormat": "no_timezone"},
          {"type": "datetime", "key": "startUtc", "subtype": "datetime", "timeSerializingFormat": "utc_normalized"},
          {"type": "datetime", "key": "startOffset", "subtype": "datetime", "timeSerializingFormat": "utc_offset"},
          {"type": "textfield", "key": "shown", "readonly": true},
          {"type": "textfield", "key": "off", "disabled": true}
        ]}""");

    private static Map<String, Object> submit(Map<String, List<String>> values) {
        return FormValueConverter.toVariables(FORM, new FormInput(values));
    }

    private static Object submitOne(String key, String... values) {
        Map<String, List<String>> input = new HashMap<>();
        input.put(key, List.of(values));
        return submit(input).get(key);
    }

    @Test
    void numbersBecomeLongWhenWholeElseDouble() {
        assertThat(submitOne("count", "7")).isEqualTo(7L);
        assertThat(submitOne("count", "2.0")).isEqualTo(2L);
        assertThat(submitOne("count", "-3")).isEqualTo(-3L);
        assertThat(submitOne("count", "3,5")).isEqualTo(3.5d);
        assertThat(submitOne("count", "0.25")).isEqualTo(0.25d);
        assertThat(submitOne("count", "")).isNull();
        assertThat(submitOne("code", "0042.10")).as("serializeToString").isEqualTo("42.10");
    }

    @Test
    void checkboxesBecomeBooleans() {
        assertThat(submitOne("agreed", "true")).isEqualTo(Boolean.TRUE);
        assertThat(submitOne("agreed", "false")).isEqualTo(Boolean.FALSE);
        assertThat(submit(Map.of()).get("agreed")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void checklistsBecomeOneCommaSeparatedString() {
        assertThat(submitOne("topics", "a", "c")).isEqualTo("a,c");
        assertThat(submitOne("topics", "b")).isEqualTo("b");
        assertThat(submitOne("topics")).isNull();
    }

    @Test
    void textAndChoicesStayStringsAndEmptyBecomesNull() {
        assertThat(submitOne("title", "Sitzung")).isEqualTo("Sitzung");
        assertThat(submitOne("text", "Zeile 1\nZeile 2")).isEqualTo("Zeile 1\nZeile 2");
        assertThat(submitOne("priority", "low")).isEqualTo("low");
        assertThat(submitOne("district", "center")).isEqualTo("center");
        assertThat(submitOne("title", "")).isNull();
        assertThat(submit(Map.of())).containsEntry("priority", null).containsEntry("text", null);
    }

    @Test
    void datesAndTimesAreSerializedLikeFormJs() {
        assertThat(submitOne("day", "2026-12-24")).isEqualTo("2026-12-24");
        assertThat(submitOne("day", "24.12.2026")).isEqualTo("2026-12-24");
        assertThat(submitOne("at", "9:05")).isEqualTo("09:05");
        assertThat(submitOne("at", "18:30:15")).isEqualTo("18:30");
        assertThat(submitOne("start", "2026-12-24T18:30")).isEqualTo("2026-12-24T18:30");
        assertThat(submitOne("start", "24.12.2026 18:30")).isEqualTo("2026-12-24T18:30");
        assertThat(submitOne("startUtc", "2026-12-24T18:30")).isEqualTo("2026-12-24T17:30Z");
        assertThat(submitOne("startUtc", "2026-07-01T18:30")).as("summer time").isEqualTo("2026-07-01T16:30Z");
        assertThat(submitOne("startOffset", "2026-12-24T18:30")).isEqualTo("2026-12-24T18:30+01:00");
        assertThat(submitOne("startOffset", "2026-07-01T18:30")).isEqualTo("2026-07-01T18:30+02:00");
    }

    @Test
    void readonlyAndDisabledFieldsAreNeverSubmitted() {
        Map<String, List<String>> input = new HashMap<>();
        input.put("shown", List.of("manipuliert"));
        input.put("off", List.of("manipuliert"));
        assertThat(submit(input)).doesNotContainKeys("shown", "off");
    }

    @Test
    void variablesAreShownAsTheInputsWantThem() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("count", 7L);
        variables.put("code", 2.50d);
        variables.put("agreed", Boolean.TRUE);
        variables.put("topics", "a,c");
        variables.put("priority", "low");
        variables.put("day", Date.from(Instant.parse("2026-12-23T23:30:00Z")));
        variables.put("at", "17:30Z");
        variables.put("start", Date.from(Instant.parse("2026-12-24T17:30:00Z")));
        variables.put("startUtc", "2026-07-01T16:30Z");
        variables.put("startOffset", "2026-12-24T18:30+01:00");
        variables.put("shown", "AZ 12");

        FormInput input = FormValueConverter.fromVariables(FORM, variables);

        assertThat(input.value("count")).isEqualTo("7");
        assertThat(input.value("code")).isEqualTo("2.5");
        assertThat(input.value("agreed")).isEqualTo("true");
        assertThat(input.values("topics")).containsExactly("a", "c");
        assertThat(input.value("priority")).isEqualTo("low");
        assertThat(input.value("day")).as("the Berlin date of that instant").isEqualTo("2026-12-24");
        assertThat(input.value("start")).isEqualTo("2026-12-24T18:30");
        assertThat(input.value("startUtc")).isEqualTo("2026-07-01T18:30");
        assertThat(input.value("startOffset")).isEqualTo("2026-12-24T18:30");
        assertThat(input.value("at")).matches("1[89]:30");
        assertThat(input.value("shown")).isEqualTo("AZ 12");
    }

    @Test
    void defaultsFillMissingOrNullVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", null);

        FormInput input = FormValueConverter.fromVariables(FORM, variables);

        assertThat(input.value("title")).isEqualTo("Ohne Titel");
        assertThat(input.value("district")).isEqualTo("center");
        assertThat(input.value("preset")).isEqualTo("true");
        assertThat(input.value("agreed")).isEqualTo("false");
        assertThat(input.values("topics")).isEmpty();
        assertThat(input.value("text")).isEmpty();
    }

    @Test
    void checklistValuesMayAlsoBeListsOrJson() {
        assertThat(FormValueConverter.fromVariables(FORM, Map.of("topics", List.of("b", "c"))).values("topics"))
            .containsExactly("b", "c");
        assertThat(FormValueConverter.fromVariables(FORM, Map.of("topics", "[\"a\",\"b\"]")).values("topics"))
            .containsExactly("a", "b");
    }

    @Test
    void requestValuesAreTakenForEditableFieldsOnly() {
        FormInput current = FormValueConverter.fromVariables(FORM, Map.of("shown", "AZ 12"));
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("text", new String[] {"Zeile 1\r\nZeile 2"});
        parameters.put("topics", new String[] {"a", "b"});
        parameters.put("priority", new String[] {"high", "low"});
        parameters.put("shown", new String[] {"manipuliert"});
        parameters.put("_csrf", new String[] {"token"});

        FormInput input = FormValueConverter.fromRequest(FORM, parameters, current);

        assertThat(input.value("text")).isEqualTo("Zeile 1\nZeile 2");
        assertThat(input.values("topics")).containsExactly("a", "b");
        assertThat(input.values("priority")).containsExactly("high");
        assertThat(input.value("agreed")).isEqualTo("false");
        assertThat(input.value("shown")).isEqualTo("AZ 12");
        assertThat(input.asMap()).doesNotContainKey("_csrf").contains(entry("count", List.of()));
    }
}

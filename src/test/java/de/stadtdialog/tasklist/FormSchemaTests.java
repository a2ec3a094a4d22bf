package de.stadtdialog.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormSchemaTests {

    static FormSchema load(String classpathResource) {
        try (InputStream in = FormSchemaTests.class.getClassLoader().getResourceAsStream(classpathResource)) {
            assertThat(in).as(classpathResource).isNotNull();
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheDraftAgendaFormOfTheSessionCycle() {
        FormSchema form = load("forms/sessioncycle/session-draft-agenda.form");

        assertThat(form.id()).isEqualTo("session-draft-agenda");
        assertThat(form.components()).extracting(FormComponent::type)
            .containsExactly("text", "select", "textfield", "textarea");
        assertThat(form.fields()).extracting(FormComponent::key).containsExactly("sessionFormat", "location", "agenda");

        FormComponent format = form.field("sessionFormat").orElseThrow();
        assertThat(format.options()).containsExactly(new FormOption("in-person", "Präsenzsitzung"),
            new FormOption("online", "Online-Sitzung"), new FormOption("hybrid", "Hybride Sitzung"));
        assertThat(format.isRequired()).isTrue();

        FormComponent location = form.field("location").orElseThrow();
        assertThat(location.label()).isEqualTo("Ort oder Link zum Online-Raum");
        assertThat(location.description()).isEqualTo("z. B. Rathaus, Großer Ratssaal, Willy-Brandt-Platz 1");
        assertThat(location.validation()).isEqualTo(new FormValidation(true, 3, 200, null, null, null, null));
        assertThat(location.htmlId()).isEqualTo("field-Field_Location");
        assertThat(location.isEditable()).isTrue();

        assertThat(form.components().get(0).paragraphs()).hasSize(1);
        assertThat(form.unsupported()).isEmpty();
    }

    @Test
    void readsEveryFormOfTheSessionCycle() {
        assertThat(load("forms/sessioncycle/session-record-minutes.form").fields())
            .extracting(FormComponent::key, FormComponent::type, FormComponent::readonly)
            .containsExactly(tuple("reviewComment", "textarea", true), tuple("attendeeCount", "number", false),
                tuple("quorate", "checkbox", false), tuple("attendance", "textarea", false),
                tuple("minutes", "textarea", false));
        FormComponent count = load("forms/sessioncycle/session-record-minutes.form").field("attendeeCount")
            .orElseThrow();
        assertThat(count.validation().min()).isEqualByComparingTo("0");
        assertThat(count.validation().max()).isEqualByComparingTo("500");

        FormSchema approve = load("forms/sessioncycle/session-approve-minutes.form");
        assertThat(approve.fields()).filteredOn(FormComponent::isEditable).extracting(FormComponent::key)
            .containsExactly("minutesDecision", "reviewComment");

        FormComponent start = load("forms/sessioncycle/session-reschedule.form").field("sessionStart").orElseThrow();
        assertThat(start.dateTimeSubtype()).isEqualTo("datetime");
        assertThat(start.dateTimeInputType()).isEqualTo("datetime-local");
        assertThat(start.timeSerializingFormat()).isEqualTo("no_timezone");
        assertThat(start.displayLabel()).as("label from dateLabel and timeLabel").isEqualTo("Neues Sitzungsdatum, Beginn");
    }

    @Test
    void readsTheFixtureWithEveryComponentType() {
        FormSchema form = load("forms-test/tasklist-form-fixture.form");

        assertThat(form.fields()).extracting(FormComponent::key).containsExactly("title", "notes", "count", "amount",
            "confirmed", "topics", "priority", "district", "meetingDate", "meetingTime", "meetingStart", "email",
            "reference", "locked");
        assertThat(form.components()).extracting(FormComponent::type).contains("text", "group", "button",
            "filepicker");
        assertThat(form.unsupported()).extracting(FormComponent::type).containsExactly("filepicker");

        FormComponent group = form.components().stream().filter(c -> c.type().equals("group")).findFirst()
            .orElseThrow();
        assertThat(group.label()).isEqualTo("Kontakt");
        assertThat(group.components()).extracting(FormComponent::key).containsExactly("email");
        assertThat(form.field("email").orElseThrow().validation().validationType()).isEqualTo("email");

        assertThat(form.field("district").orElseThrow().defaultValue()).isEqualTo("center");
        assertThat(form.field("count").orElseThrow().decimalDigits()).isZero();
        assertThat(form.field("reference").orElseThrow().isEditable()).isFalse();
        assertThat(form.field("locked").orElseThrow().disabled()).isTrue();
        assertThat(form.field("locked").orElseThrow().isEditable()).isFalse();
        assertThat(form.field("meetingDate").orElseThrow().displayLabel()).isEqualTo("Termin");
        assertThat(form.field("meetingTime").orElseThrow().displayLabel()).isEqualTo("Uhrzeit");
        assertThat(form.field("meetingTime").orElseThrow().dateTimeInputType()).isEqualTo("time");
        assertThat(form.field("meetingDate").orElseThrow().dateTimeInputType()).isEqualTo("date");
    }

    @Test
    void textComponentsBecomeParagraphsOfPlainLines() {
        FormSchema form = FormSchema.parse("""
            {"components": [{"type": "text", "text": "Erste Zeile\\r\\nzweite Zeile  \\n\\n\\n<b>Zweiter</b> Absatz\\n"}]}
            """);

        assertThat(form.components().get(0).paragraphs())
            .containsExactly(List.of("Erste Zeile", "zweite Zeile"), List.of("<b>Zweiter</b> Absatz"));
    }

    @Test
    void patternsKeepTheirFormJsMeaningInTheBrowserAndNumbersGetASensibleStep() {
        FormSchema form = FormSchema.parse("""
            {"components": [
              {"type": "textfield", "key": "code", "validate": {"pattern": "[0-9]{3}"}},
              {"type": "number", "key": "euros", "decimalDigits": 2},
              {"type": "number", "key": "people", "increment": "5"},
              {"type": "number", "key": "any"}
            ]}""");

        assertThat(form.field("code").orElseThrow().htmlPattern()).isEqualTo(".*(?:[0-9]{3}).*");
        assertThat(form.field("euros").orElseThrow().numberStep()).isEqualTo("0.01");
        assertThat(form.field("people").orElseThrow().numberStep()).isEqualTo("5");
        assertThat(form.field("any").orElseThrow().numberStep()).isEqualTo("any");
        assertThat(form.field("any").orElseThrow().htmlPattern()).isNull();
    }

    @Test
    void flagsWrittenAsExpressionsCountAsNotSetAndLabelsLoseTheirMarker() {
        FormComponent field = FormSchema.parse("""
            {"components": [{"type": "textfield", "key": "a", "label": "=Name", "readonly": "=isLocked",
              "validate": {"required": "true", "min": "2"}}]}""").fields().get(0);

        assertThat(field.readonly()).isFalse();
        assertThat(field.isRequired()).isTrue();
        assertThat(field.validation().min()).isEqualTo(new BigDecimal("2"));
        assertThat(field.displayLabel()).isEqualTo("Name");
    }

    @Test
    void optionsFromAVariableNamedByValuesKey() {
        FormSchema form = FormSchema.parse("""
            {"components": [
              {"type": "select", "key": "room", "valuesKey": "rooms"},
              {"type": "group", "components": [{"type": "checklist", "key": "tags", "valuesKey": "tagOptions"}]}
            ]}""");

        FormSchema resolved = form.withOptionsFrom(Map.of(
            "rooms", "[{\"label\": \"Ratssaal\", \"value\": \"hall\"}, {\"value\": \"r2\"}]",
            "tagOptions", List.of("x", "y")));

        assertThat(resolved.field("room").orElseThrow().options())
            .containsExactly(new FormOption("hall", "Ratssaal"), new FormOption("r2", "r2"));
        assertThat(resolved.field("tags").orElseThrow().options())
            .containsExactly(new FormOption("x", "x"), new FormOption("y", "y"));
        assertThat(form.withOptionsFrom(Map.of()).field("room").orElseThrow().options()).isEmpty();
    }

    @Test
    void refusesFormsItCannotUse() {
        assertThatThrownBy(() -> FormSchema.parse("{not json")).isInstanceOf(FormSchemaException.class);
        assertThatThrownBy(() -> FormSchema.parse("[]")).isInstanceOf(FormSchemaException.class);
        assertThatThrownBy(() -> FormSchema.parse("{\"components\": [{\"type\": \"textfield\", \"id\": \"F\"}]}"))
            .isInstanceOf(FormSchemaException.class).hasMessageContaining("F").hasMessageContaining("no key");
        assertThatThrownBy(() -> FormSchema.parse("{\"components\": [{\"key\": \"x\"}]}"))
            .isInstanceOf(FormSchemaException.class).hasMessageContaining("no type");
        assertThatThrownBy(() -> FormSchema.parse("""
            {"components": [{"type": "checklist", "key": "c", "values": [{"label": "A", "value": "a,b"}]}]}"""))
            .isInstanceOf(FormSchemaException.class).hasMessageContaining("comma");
    }

    @Test
    void anEmptyFormHasNoFields() {
        assertThat(FormSchema.empty().fields()).isEmpty();
        assertThat(FormSchema.parse("{}").components()).isEmpty();
    }
}

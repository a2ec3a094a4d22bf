package de.stadtdialog.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class CamundaFormTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static final FormSchema SCHEMA = FormSchema.parse("""
        {"components": [
          {"id": "Field_Name", "type": "textfield", "key": "name", "label": "Name", "description": "Vor- und Nachname",
           "validate": {"required": true}},
          {"id": "Field_Count", "type": "number", "key": "count", "label": "Anzahl", "validate": {"min": 1}},
          {"id": "Field_Choice", "type": "radio", "key": "choice", "label": "Wahl",
           "values": [{"value": "x"}, {"value": "y"}], "validate": {"required": true}},
          {"id": "Field_Shown", "type": "textarea", "key": "shown", "label": "Protokoll", "readonly": true}
        ]}""");

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/tasklist");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void invalidSubmissionKeepsValuesAndExplainsEachFieldInGerman() {
        CamundaForm form = CamundaForm.submitted(SCHEMA,
            Map.of("name", new String[] {""}, "count", new String[] {"3,5x"}, "shown", new String[] {"anders"}),
            Map.of("shown", "Originalprotokoll"));

        assertThat(form.validate(TODAY, messages(), Locale.GERMAN)).isFalse();

        assertThat(form.fieldErrors()).containsOnlyKeys("name", "count", "choice");
        assertThat(form.error("name")).isEqualTo("Bitte füllen Sie dieses Feld aus.");
        assertThat(form.error("count")).isEqualTo("Bitte geben Sie eine Zahl ein, z. B. 12 oder 3,5.");
        assertThat(form.error("choice")).isEqualTo("Bitte wählen Sie eine Option aus.");
        assertThat(form.value("count")).isEqualTo("3,5x");
        assertThat(form.inputType(SCHEMA.field("count").orElseThrow()))
            .as("a native number input would show this value empty").isEqualTo("text");
        assertThat(form.value("shown")).isEqualTo("Originalprotokoll");
        assertThat(form.describedBy(SCHEMA.field("name").orElseThrow()))
            .isEqualTo("field-Field_Name-hint field-Field_Name-error");
        assertThat(form.describedBy(SCHEMA.field("shown").orElseThrow())).isNull();
        assertThat(form.errorSummary()).extracting(CamundaForm.ErrorLink::target)
            .containsExactly("field-Field_Name", "field-Field_Count", "field-Field_Choice-0");
        assertThat(form.errorSummary().get(0).label()).isEqualTo("Name");
        assertThatThrownBy(form::variables).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void validSubmissionGivesTypedVariablesWithoutReadonlyFields() {
        CamundaForm form = CamundaForm.submitted(SCHEMA,
            Map.of("name", new String[] {"Petra Schneider"}, "count", new String[] {"4"},
                "choice", new String[] {"y"}, "shown", new String[] {"anders"}),
            Map.of("shown", "Originalprotokoll"));

        assertThat(form.validate(TODAY, messages(), Locale.GERMAN)).isTrue();
        assertThat(form.variables()).containsEntry("name", "Petra Schneider").containsEntry("count", 4L)
            .containsEntry("choice", "y").doesNotContainKey("shown");
        assertThat(form.inputType(SCHEMA.field("count").orElseThrow())).isEqualTo("number");
    }

    @Test
    void rejectionsFromElsewhereGoNextToTheirFieldOrToTheTop() {
        CamundaForm form = CamundaForm.prefilled(SCHEMA, Map.of("name", "Petra"));

        form.reject("choice", "Vier-Augen-Prinzip");
        form.reject("shown", "Nicht änderbar");
        form.reject(null, "Allgemein");
        form.reject("unknown", "Unbekannt");

        assertThat(form.error("choice")).isEqualTo("Vier-Augen-Prinzip");
        assertThat(form.hasError("shown")).isFalse();
        assertThat(form.formErrors()).containsExactly("Nicht änderbar", "Allgemein", "Unbekannt");
        assertThat(form.errorSummary()).extracting(CamundaForm.ErrorLink::message)
            .containsExactly("Nicht änderbar", "Allgemein", "Unbekannt", "Vier-Augen-Prinzip");
        assertThat(form.value("name")).isEqualTo("Petra");
    }
}

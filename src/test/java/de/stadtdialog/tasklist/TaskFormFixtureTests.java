package de.stadtdialog.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.sessioncycle.SessionCycleService;

/**
 * The task page with the fixture form (forms-test/, deployed by the test as TasklistFormFixtureProcess): every
 * component type rendered on the server, checked on the server and converted into engine variables.
 */
@StadtdialogSpringTest
@Tag("database")
class TaskFormFixtureTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SessionCycleService sessionCycle;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Clock clock;

    TasklistTestData data;
    Task task;

    @BeforeEach
    void setUp() {
        data = new TasklistTestData(sessionCycle, repositoryService, runtimeService, taskService, clock);
        task = data.startFixture(StaffLogin.TENANT, "officer", "Formular-Test", null,
            TasklistTestData.unique("TL-Formular"), Map.of("reference", "AZ 4711", "locked", "fest"));
    }

    private String page() throws Exception {
        return mvc.perform(get("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void rendersEveryComponentTypeOnTheServer() throws Exception {
        String html = page();

        // text: paragraphs and line breaks, everything else escaped
        assertThat(html).contains("<p>Test-Formular mit allen Feldarten.<br>Zweite Zeile des ersten Absatzes.</p>",
            "Zweiter Absatz mit &lt;b&gt;Markup&lt;/b&gt;, das nicht als HTML erscheinen darf.")
            .doesNotContain("<b>Markup</b>");

        assertThat(Html.byId(html, "field-Field_Title").attributes()).containsEntry("type", "text")
            .containsEntry("name", "title").containsEntry("minlength", "3").containsEntry("maxlength", "20")
            .containsEntry("pattern", ".*(?:^[A-ZÄÖÜ]).*").containsKey("required")
            .containsEntry("aria-describedby", "field-Field_Title-hint");
        assertThat(Html.textOf(html, "field-Field_Title-hint")).isEqualTo("Beginnt mit einem Großbuchstaben.");
        assertThat(Html.byId(html, "field-Field_Notes").name()).isEqualTo("textarea");
        assertThat(Html.byId(html, "field-Field_Notes").attributes()).containsEntry("maxlength", "50")
            .doesNotContainKey("required");

        assertThat(Html.byId(html, "field-Field_Count").attributes()).containsEntry("type", "number")
            .containsEntry("min", "1").containsEntry("max", "10").containsEntry("step", "1").containsKey("required");
        assertThat(Html.byId(html, "field-Field_Amount").attributes()).containsEntry("step", "0.01");

        assertThat(Html.byId(html, "field-Field_Confirmed").attributes()).containsEntry("type", "checkbox")
            .containsEntry("value", "true").containsKey("required").doesNotContainKey("checked");
        assertThat(html).contains("<label for=\"field-Field_Confirmed\">Angaben geprüft");

        assertThat(Html.named(html, "input", "topics")).extracting(tag -> tag.attr("type"), tag -> tag.attr("value"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("checkbox", "traffic"),
                org.assertj.core.groups.Tuple.tuple("checkbox", "green"),
                org.assertj.core.groups.Tuple.tuple("checkbox", "housing"));
        assertThat(html).contains("<label for=\"field-Field_Topics-1\">Grünflächen</label>");
        assertThat(Html.named(html, "input", "priority")).extracting(tag -> tag.attr("type"))
            .containsExactly("radio", "radio");
        assertThat(Html.named(html, "input", "priority")).allMatch(tag -> tag.has("required"));
        assertThat(html).contains("<legend>Themen", "<legend>Dringlichkeit");

        assertThat(Html.tags(html, "option")).filteredOn(option -> option.has("selected"))
            .extracting(option -> option.attr("value")).as("the select's default value").containsExactly("center");

        assertThat(Html.byId(html, "field-Field_MeetingDate").attr("type")).isEqualTo("date");
        assertThat(Html.byId(html, "field-Field_MeetingTime").attr("type")).isEqualTo("time");
        assertThat(Html.byId(html, "field-Field_MeetingStart").attr("type")).isEqualTo("datetime-local");
        assertThat(html).contains("<label for=\"field-Field_MeetingDate\">Termin",
            "<label for=\"field-Field_MeetingTime\">Uhrzeit", "<label for=\"field-Field_MeetingStart\">Beginn am, um");

        assertThat(html).contains("<fieldset class=\"form-group\">", "<legend>Kontakt</legend>");
        assertThat(Html.byId(html, "field-Field_Email").attr("name")).isEqualTo("email");

        assertThat(Html.byId(html, "field-Field_Reference").attributes()).containsEntry("value", "AZ 4711")
            .containsKey("readonly").doesNotContainKey("required");
        assertThat(Html.byId(html, "field-Field_Locked").attributes()).containsEntry("value", "fest")
            .containsKey("disabled");

        assertThat(html).contains("Dieses Feld (Anlage) kann hier nicht bearbeitet werden.",
            "Einige Teile des Formulars können hier nicht angezeigt werden (Anlage).");
        assertThat(html).as("form-js buttons are not rendered; the page has its own").doesNotContain("Absenden")
            .contains("Übernehmen und abschließen</button>");
        // every input has a label
        for (Html.Tag input : Html.tags(html, "input")) {
            if (input.attr("id") != null && input.attr("id").startsWith("field-")) {
                assertThat(html).as(input.attr("id")).contains("<label for=\"" + input.attr("id") + "\"");
            }
        }
    }

    @Test
    void validInputBecomesTypedVariablesAndReadonlyFieldsAreNotSubmitted() throws Exception {
        mvc.perform(post("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("title", "Verkehrsforum").param("notes", "Zeile 1\r\nZeile 2").param("count", "3")
                .param("amount", "12,50").param("confirmed", "true").param("topics", "traffic", "housing")
                .param("priority", "high").param("district", "erfenbach").param("meetingDate", "2026-12-24")
                .param("meetingTime", "18:30").param("meetingStart", "2026-12-24T18:30")
                .param("email", "petra@example.org").param("reference", "manipuliert").param("locked", "auch"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"))
            .andExpect(flash().attribute("flashMessage", org.hamcrest.Matchers.startsWith("Erledigt: „Formular-Test“")));

        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        assertThat(variables).containsEntry("title", "Verkehrsforum").containsEntry("notes", "Zeile 1\nZeile 2")
            .containsEntry("count", 3L).containsEntry("amount", 12.5d).containsEntry("confirmed", true)
            .containsEntry("topics", "traffic,housing").containsEntry("priority", "high")
            .containsEntry("district", "erfenbach").containsEntry("meetingDate", "2026-12-24")
            .containsEntry("meetingTime", "18:30").containsEntry("meetingStart", "2026-12-24T18:30")
            .containsEntry("email", "petra@example.org").containsEntry("reference", "AZ 4711")
            .containsEntry("locked", "fest").doesNotContainKey("attachment");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count())
            .as("the fixture process ends after its task").isZero();
    }

    @Test
    void invalidInputOfEveryTypeIsExplainedNextToTheFieldAndKeptInTheForm() throws Exception {
        String html = mvc.perform(post("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("title", "abc").param("notes", "x".repeat(51)).param("count", "2.5")
                .param("amount", "1,234").param("topics", "traffic", "bogus")
                .param("district", "center").param("meetingDate", "31.02.2026").param("meetingTime", "25:61")
                .param("meetingStart", "bald").param("email", "petra@"))
            .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        Map<String, String> expected = Map.ofEntries(
            Map.entry("Field_Title", "Die Eingabe hat nicht das verlangte Format."),
            Map.entry("Field_Notes", "Bitte geben Sie höchstens 50 Zeichen ein (jetzt: 51)."),
            Map.entry("Field_Count", "Bitte geben Sie eine ganze Zahl ein."),
            Map.entry("Field_Amount", "Bitte geben Sie höchstens 2 Nachkommastellen ein."),
            Map.entry("Field_Confirmed", "Bitte bestätigen Sie dies, um fortzufahren."),
            Map.entry("Field_Topics", "Bitte wählen Sie einen der angebotenen Werte."),
            Map.entry("Field_Priority", "Bitte wählen Sie eine Option aus."),
            Map.entry("Field_MeetingDate", "Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ)."),
            Map.entry("Field_MeetingTime", "Bitte geben Sie eine gültige Uhrzeit ein (HH:MM)."),
            Map.entry("Field_MeetingStart", "Bitte geben Sie ein gültiges Datum mit Uhrzeit ein (TT.MM.JJJJ HH:MM)."),
            Map.entry("Field_Email", "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org."));
        expected.forEach((id, message) -> {
            assertThat(Html.textOf(html, "field-" + id + "-error")).as(id).isEqualTo(message);
            assertThat(html).as(id).contains("href=\"#field-" + id);
        });
        assertThat(Html.tags(html, "p")).filteredOn(p -> "field-error".equals(p.attr("class")))
            .hasSize(expected.size());
        assertThat(Html.byId(html, "field-Field_Title").attributes()).containsEntry("value", "abc")
            .containsEntry("aria-invalid", "true");
        assertThat(Html.textOf(html, "field-Field_Notes")).isEqualTo("x".repeat(51));
        assertThat(Html.byId(html, "field-Field_Count").attributes()).containsEntry("value", "2.5");
        assertThat(Html.byId(html, "field-Field_Amount").attributes()).containsEntry("value", "1,234")
            .containsEntry("type", "text");
        assertThat(Html.byId(html, "field-Field_Topics-0").attributes()).containsKey("checked");
        assertThat(Html.byId(html, "field-Field_Topics-1").attributes()).doesNotContainKey("checked");
        assertThat(Html.byId(html, "field-Field_MeetingDate").attributes()).containsEntry("value", "31.02.2026")
            .containsEntry("type", "text");
        assertThat(Html.byId(html, "field-Field_MeetingStart").attributes()).containsEntry("value", "bald");
        assertThat(Html.byId(html, "field-Field_Email").attributes()).containsEntry("value", "petra@");
        assertThat(Html.byId(html, "field-Field_Reference").attributes()).containsEntry("value", "AZ 4711");

        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
        assertThat(taskService.getVariable(task.getId(), "title")).isNull();
    }

    @Test
    void aTaskSomeoneElseWorksOnIsShownButCannotBeCompleted() throws Exception {
        taskService.claim(task.getId(), "coordination");

        String html = page();
        assertThat(html).contains("Diese Aufgabe bearbeitet Jonas Weber. Sie können sie ansehen, aber nicht abschließen.");
        assertThat(html).doesNotContain("Aufgabe abschließen</button>", "Übernehmen und abschließen</button>",
            "Übernehmen</button>");
        assertThat(Html.byId(html, "field-Field_Title").attributes()).containsKey("readonly");

        String rejected = mvc.perform(post("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("title", "Mein Titel"))
            .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(rejected).contains("Diese Aufgabe hat inzwischen Jonas Weber übernommen. Ihre Eingaben wurden nicht gespeichert.");
        assertThat(Html.byId(rejected, "field-Field_Title").attributes()).containsEntry("value", "Mein Titel");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
            .isEqualTo("coordination");
    }
}

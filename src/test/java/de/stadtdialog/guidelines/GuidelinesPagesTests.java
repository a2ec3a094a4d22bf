package de.stadtdialog.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/** Starting the guidelines procedure, its first task in our tasklist and what the procedure page shows. */
@StadtdialogSpringTest
class GuidelinesPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;

    private final String token = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void startPage_offersTheFormWithTheParametersDefaults_andIsListedUnderNewProcedure() throws Exception {
        String page = html(get("/leitlinien/neu").with(StaffLogin.as("officer")));

        assertThat(page).contains("<h1>Leitlinien-Verfahren anlegen</h1>",
            "name=\"title\" value=\"Leitlinien f&uuml;r B&uuml;rgerbeteiligung\"", "id=\"sessionNoticePeriod\" name=\"sessionNoticePeriod\" value=\"P4D\"",
            "id=\"applicantRetention\" name=\"applicantRetention\" value=\"P3M\"",
            "id=\"evaluationAfter\" name=\"evaluationAfter\" value=\"P2Y\"", "aria-describedby=\"title-hint\"",
            "name=\"_csrf\"");
        assertThat(html(get("/verfahren/neu").with(StaffLogin.as("officer"))))
            .contains("/leitlinien/neu", "Leitlinien für Bürgerbeteiligung (Gesamtverfahren)");
    }

    @Test
    void start_createsTheProcedure_whoseFirstTaskRecordsTheMandate_shownOnTheProcedurePage() throws Exception {
        MvcResult result = mvc.perform(start("Leitlinien " + token, "P4D", "P3M"))
            .andExpect(status().is3xxRedirection()).andReturn();

        Procedure procedure = procedures.findAll().stream().filter(p -> ("Leitlinien " + token).equals(p.getTitle()))
            .findFirst().orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/verfahren/" + procedure.getBusinessKey());
        assertThat(procedure.getPhase()).isEqualTo("Ratsauftrag erfassen");
        Task mandate = taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .singleResult();

        String form = html(get("/aufgaben/" + mandate.getId()).with(StaffLogin.as("officer")));
        assertThat(form).contains("Aktenzeichen oder Bezeichnung des Auftrags", "Datum des Auftrags",
            "value=\"Arbeitskreis " + token + "\"");

        String refused = mvc.perform(post("/aufgaben/" + mandate.getId()).with(StaffLogin.as("officer"))
                .with(csrf()).param("mandateReference", "Antrag <b>der</b> Fraktionen").param("mandateDate", "2099-01-01")
                .param("mandateSummary", "Leitlinien erarbeiten und vorlegen.").param("workingGroup", "AK " + token))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Das Datum des Auftrags liegt in der Zukunft.");

        taskService.claim(mandate.getId(), "officer");
        formService.submitTaskForm(mandate.getId(), Map.of("mandateReference", "Antrag <b>der</b> Fraktionen",
            "mandateDate", "2022-05-16", "mandateSummary", "Leitlinien erarbeiten und vorlegen.",
            "workingGroup", "AK " + token));

        String details = html(get("/verfahren/" + procedure.getBusinessKey()).with(StaffLogin.as("secretariat")));
        assertThat(details).contains("Antrag &lt;b&gt;der&lt;/b&gt; Fraktionen (16.05.2022)", "AK " + token,
            "Aufruf zur Mitwirkung mit Losverfahren: Aufruf bearbeiten").doesNotContain("<b>der</b>");
    }

    @Test
    void start_badParametersAreShownNextToTheFields_andNothingIsCreated() throws Exception {
        String page = mvc.perform(start("Leitlinien " + token, "vier Tage", "drei Monate")).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"sessionNoticePeriod-error\"", "ist keine gültige Ladungsfrist",
            "aria-invalid=\"true\"");
        assertThat(procedures.findAll()).noneMatch(p -> ("Leitlinien " + token).equals(p.getTitle()));
        String retention = mvc.perform(start("Leitlinien " + token, "P4D", "drei Monate")).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(retention).contains("id=\"applicantRetention-error\"", "ist keine gültige Frist");
    }

    @Test
    void onlyOfficersAndCoordinationStartIt() throws Exception {
        assertThat(mvc.perform(get("/leitlinien/neu")).andReturn().getResponse().getStatus()).as("login required")
            .isIn(302, 401);
        mvc.perform(get("/leitlinien/neu").with(StaffLogin.as("secretariat"))).andExpect(status().isForbidden());
        mvc.perform(get("/leitlinien/neu").with(StaffLogin.as("coordination"))).andExpect(status().isOk());
    }

    private MockHttpServletRequestBuilder start(String title, String noticePeriod, String retention) {
        return post("/leitlinien/neu").with(StaffLogin.as("officer")).with(csrf()).param("tenantId", "kaiserslautern")
            .param("title", title).param("workingGroup", "Arbeitskreis " + token)
            .param("sessionNoticePeriod", noticePeriod).param("applicantRetention", retention)
            .param("memberRetention", "P3M").param("evaluationAfter", "P2Y");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}

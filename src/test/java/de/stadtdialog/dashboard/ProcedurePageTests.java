package de.stadtdialog.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSessionRepository;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleScenario;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/** The procedure page: header, diagram and its BPMN, active steps, open tasks, incidents, timeline, tenants. */
@StadtdialogSpringTest
class ProcedurePageTests {

    private static final String OTHER_TENANT = "dashboard-nachbarstadt";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SessionCycleService sessionCycle;
    @Autowired
    ProcedureService procedureService;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    PublicSessionRepository sessions;
    @Autowired
    TenantRepository tenants;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TestMailGateway mailGateway;

    private final String token = "Seite" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void restore() {
        identityService.clearAuthentication();
        mailGateway.reset();
        procedures.findAll().stream().filter(p -> OTHER_TENANT.equals(p.getTenantId())).forEach(procedures::delete);
        tenants.findById(OTHER_TENANT).ifPresent(tenants::delete);
    }

    @Test
    void showsHeaderDiagramActiveStepsAndOpenTasks() throws Exception {
        Procedure procedure = plan();

        String page = page(procedure, "secretariat");

        assertThat(page).contains("<h1>" + token + " Beirat</h1>", procedure.getBusinessKey(), "Öffentliche Sitzung",
            "Kaiserslautern", "läuft", NoticePeriod.format(procedure.getNextDeadline()));
        assertThat(page).as("diagram container, viewer from the webjar, highlighted step")
            .contains("id=\"procedure-diagram\" class=\"diagram\"",
                "data-bpmn-url=\"/verfahren/" + procedure.getBusinessKey() + "/diagram.bpmn\"",
                "data-active-ids=\"" + SessionCycleProcess.TASK_DRAFT_AGENDA + "\"",
                "/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js",
                "/webjars/bpmn-js/8.0.0/dist/assets/diagram-js.css", "/js/procedure-diagram.js");
        assertThat(page).as("active steps as text").contains("<ul class=\"active-steps\">",
            "<li>Tagesordnung entwerfen</li>");
        assertThat(page).as("open task without assignee, with due date")
            .contains("<caption>Offene Aufgaben dieses Verfahrens</caption>", "noch nicht übernommen");
        assertThat(page).as("facts from the session-cycle module").contains("Gremium", "Beteiligungsbeirat",
            NoticePeriod.format(sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0).getStartsAt()));
        assertThat(page).as("no public page before the invitation is out").doesNotContain("/oeffentlich/sitzungen/");
        assertThat(page).doesNotContain("Störung:");
        assertThat(timelineEntry(page, "Sitzung geplant")).as("an event happens in a moment").doesNotContain("(bis ");
        assertThat(timelineEntry(page, "Tagesordnung entwerfen")).contains("(läuft)");
    }

    @Test
    void servesTheBpmnOfTheProceduresProcessVersionAndTheViewerFromTheWebjar() throws Exception {
        Procedure procedure = plan();

        String xml = mvc.perform(get("/verfahren/" + procedure.getBusinessKey() + "/diagram.bpmn")
                .with(StaffLogin.as("secretariat")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml).contains("<bpmn:process id=\"SessionCycleProcess\"", "bpmndi:BPMNDiagram",
            "id=\"" + SessionCycleProcess.TASK_DRAFT_AGENDA + "\"");

        mvc.perform(get("/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js"))
            .andExpect(status().isOk());
        mvc.perform(get("/webjars/bpmn-js/8.0.0/dist/assets/diagram-js.css")).andExpect(status().isOk());
        mvc.perform(get("/js/procedure-diagram.js")).andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("highlight-active")));
    }

    @Test
    void timelineShowsStepsAndWhoClaimedAndCompletedThenThePublicLink() throws Exception {
        Procedure procedure = plan();
        SessionCycleScenario scenario = new SessionCycleScenario(context);
        // the engine logs user operations only for an authenticated user; what that user may do is not tested here
        ProcessEngineConfiguration configuration = processEngine.getProcessEngineConfiguration();
        boolean authorizationEnabled = configuration.isAuthorizationEnabled();
        configuration.setAuthorizationEnabled(false);
        identityService.setAuthentication("officer", List.of("officer"), List.of("kaiserslautern"));
        try {
            scenario.submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", SessionCycleScenario.agenda());
        } finally {
            identityService.clearAuthentication();
            configuration.setAuthorizationEnabled(authorizationEnabled);
        }

        String afterAgenda = page(procedure, "coordination");
        assertThat(afterAgenda).contains("Sitzung geplant", "Tagesordnung entwerfen",
            "Aufgabe übernommen: Tagesordnung entwerfen", "an Petra Schneider (officer)",
            "Aufgabe erledigt: Tagesordnung entwerfen", "– Petra Schneider (officer)",
            "<li>Einladung versenden und bekannt machen</li>");
        assertThat(afterAgenda.indexOf("Aufgabe übernommen")).as("oldest first")
            .isLessThan(afterAgenda.indexOf("Aufgabe erledigt"));

        scenario.executeJob(procedure, SessionCycleProcess.TASK_SEND_INVITATION);

        String invited = page(procedure, "coordination");
        Long sessionId = sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0).getId();
        assertThat(invited).contains("Einladung versenden und bekannt machen", "Öffentliche Sitzungsseite",
            "href=\"/oeffentlich/sitzungen/" + sessionId + "\"", "Warten auf „Sitzungsbeginn erreicht“",
            "Keine offenen Aufgaben.");
    }

    @Test
    void showsAnOpenIncidentProminentlyWithALinkToCockpitAndItsRepairInTheTimeline() throws Exception {
        Procedure procedure = plan();
        SessionCycleScenario scenario = new SessionCycleScenario(context);
        scenario.submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", SessionCycleScenario.agenda());
        mailGateway.failWith("Mailserver " + token + " antwortet nicht");
        for (int attempt = 0; attempt < 5 && runtimeService.createIncidentQuery()
                .processInstanceId(procedure.getProcessInstanceId()).count() == 0; attempt++) {
            Job job = scenario.job(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the failing delivery is what this test is about
            }
        }

        String broken = page(procedure, "secretariat");
        assertThat(broken).contains("class=\"flash error incident\" role=\"alert\"", "Störung:",
            "Mailserver " + token + " antwortet nicht", "in Cockpit beheben",
            "href=\"/camunda/app/cockpit/default/#/process-instance/" + procedure.getProcessInstanceId()
                + "/runtime?tab=incidents-tab\"",
            "Störung im Schritt „Einladung versenden und bekannt machen“");

        mailGateway.reset();
        Job job = scenario.job(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        String repaired = page(procedure, "secretariat");
        assertThat(repaired).doesNotContain("role=\"alert\"")
            .contains("Störung im Schritt „Einladung versenden und bekannt machen“", "(behoben ");
    }

    @Test
    void aProcedureOfAnotherMunicipalityIsNotFound() throws Exception {
        tenants.save(new Tenant(OTHER_TENANT, "Nachbarstadt"));
        Procedure foreign = procedureService.create(OTHER_TENANT, token + " fremd", SessionCycleProcess.TEMPLATE_KEY,
            SessionCycleProcess.PROCESS_ID);
        Procedure own = plan();

        mvc.perform(get("/verfahren/" + foreign.getBusinessKey()).with(StaffLogin.as("secretariat")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/verfahren/" + own.getBusinessKey() + "/diagram.bpmn")
                .with(StaffLogin.as("secretariat", List.of("secretariat"), List.of(OTHER_TENANT))))
            .andExpect(status().isNotFound());
        mvc.perform(get("/verfahren/" + own.getBusinessKey())
                .with(StaffLogin.as("secretariat", List.of("secretariat"), List.of(OTHER_TENANT))))
            .andExpect(status().isNotFound());
        mvc.perform(get("/verfahren/2099-99999").with(StaffLogin.as("secretariat")))
            .andExpect(status().isNotFound());

        String foreignForItsOwnStaff = mvc.perform(get("/verfahren/" + foreign.getBusinessKey())
                .with(StaffLogin.as("secretariat", List.of("secretariat"), List.of(OTHER_TENANT))))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(foreignForItsOwnStaff).contains(token + " fremd", "Nachbarstadt", "Noch nichts geschehen.")
            .as("a procedure whose process has not started has no diagram").doesNotContain("id=\"procedure-diagram\"");
    }

    private Procedure plan() {
        return sessionCycle.plan(new PlanSession("kaiserslautern", "Beteiligungsbeirat", token + " Beirat",
            LocalDate.now(NoticePeriod.ZONE).plusDays(21).atTime(17, 0).atZone(NoticePeriod.ZONE).toInstant(),
            "Rathaus Nord", NoticePeriod.DEFAULT, "beirat-" + token + "@example.org"));
    }

    /** The timeline item whose title is {@code title}. */
    private static String timelineEntry(String page, String title) {
        int at = page.indexOf("<strong>" + title + "</strong>", page.indexOf("<ol class=\"timeline\">"));
        assertThat(at).as("timeline entry " + title).isPositive();
        return page.substring(at, page.indexOf("</li>", at));
    }

    private String page(Procedure procedure, String user) throws Exception {
        return mvc.perform(get("/verfahren/" + procedure.getBusinessKey()).with(StaffLogin.as(user)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

package de.stadtdialog.sessioncycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/** The public session pages: only announced sessions, escaped texts, minutes once published, no staff data. */
@StadtdialogSpringTest
class PublicSessionPageTests {

    private static final String AGENDA = "TOP 1: Begrüßung\n<script>alert('xss')</script>\nTOP 2: Leitlinien & Praxis";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SessionCycleService sessionCycle;
    @Autowired
    PublicSessionRepository sessions;
    @Autowired
    TenantRepository tenants;
    @Autowired
    TestMailGateway mailGateway;

    private final String token = "Oeff" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        mailGateway.reset();
        tenants.findById("oeffentlich-" + token).ifPresent(tenants::delete);
    }

    @Test
    void anAnnouncedSessionShowsItsEscapedAgendaButNoRecipientsNorMinutesYet() throws Exception {
        Procedure procedure = plan(21);
        SessionCycleScenario scenario = new SessionCycleScenario(context);
        scenario.submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer",
            Map.of("sessionFormat", "hybrid", "location", "Rathaus <b>Nord</b>", "agenda", AGENDA));
        scenario.executeJob(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
        PublicSession session = sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0);

        String page = publicPage("/oeffentlich/sitzungen/" + session.getId());

        assertThat(page).contains("<h1>Beirat " + token + "</h1>", "Beteiligungsbeirat",
            NoticePeriod.format(session.getStartsAt()), "Rathaus &lt;b&gt;Nord&lt;/b&gt;", "hybrid (vor Ort und online)",
            "<div class=\"text-block agenda\">TOP 1: Begrüßung\n&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;\n"
                + "TOP 2: Leitlinien &amp; Praxis</div>",
            "Das Protokoll wird hier veröffentlicht, sobald es genehmigt ist.");
        assertThat(page).doesNotContain("<script>alert", "mitglied-" + token, "@example.org", "officer");
        assertThat(page).as("no staff navigation for the public").doesNotContain("/verfahren", "/postausgang");

        String list = publicPage("/oeffentlich/sitzungen");
        assertThat(list).contains("Kommende Sitzungen", "href=\"/oeffentlich/sitzungen/" + session.getId() + "\"",
            "Beirat " + token);
    }

    @Test
    void aSessionNotYetAnnouncedDoesNotExistPublicly() throws Exception {
        Procedure procedure = plan(28);
        PublicSession session = sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0);

        mvc.perform(get("/oeffentlich/sitzungen/" + session.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/oeffentlich/sitzungen/keine-zahl")).andExpect(status().isNotFound());
        mvc.perform(get("/oeffentlich/sitzungen/" + Long.MAX_VALUE)).andExpect(status().isNotFound());
        assertThat(publicPage("/oeffentlich/sitzungen")).doesNotContain("Beirat " + token);
    }

    @Test
    void publishedMinutesShowAttendanceAndEscapedTextButNoStaffIdentities() throws Exception {
        Procedure procedure = plan(21);
        SessionCycleScenario scenario = new SessionCycleScenario(context);
        scenario.inviteTo(procedure);
        scenario.executeJob(procedure, SessionCycleProcess.TIMER_SESSION_BEGINS);
        scenario.submit(procedure, SessionCycleProcess.TASK_RECORD_SESSION, "officer", Map.of("attendeeCount", 7,
            "quorate", true, "attendance", "Frau Schneider, Herr Weber, 5 Mitglieder <i>" + token + "</i>",
            "minutes", "TOP 1: Begrüßung\nTOP 2: <b>Beschluss</b> angenommen"));
        PublicSession session = sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0);

        String awaitingApproval = publicPage("/oeffentlich/sitzungen/" + session.getId());
        assertThat(awaitingApproval).as("attendance is part of the minutes: not before they are published")
            .doesNotContain("Frau Schneider, Herr Weber", "Beschluss");

        scenario.submit(procedure, SessionCycleProcess.TASK_APPROVE_MINUTES, "coordination",
            SessionCycleScenario.decision(SessionCycleProcess.DECISION_APPROVE, null));
        scenario.executeJob(procedure, SessionCycleProcess.TASK_PUBLISH_MINUTES);

        String published = publicPage("/oeffentlich/sitzungen/" + session.getId());
        assertThat(published).contains("Genehmigt und veröffentlicht am",
            "<div class=\"text-block attendance\">Frau Schneider, Herr Weber, 5 Mitglieder &lt;i&gt;" + token
                + "&lt;/i&gt;</div>",
            "<div class=\"text-block minutes\">TOP 1: Begrüßung\nTOP 2: &lt;b&gt;Beschluss&lt;/b&gt; angenommen</div>",
            "<dd>7</dd>");
        assertThat(published).doesNotContain("officer", "coordination", "@example.org");
        assertThat(publicPage("/oeffentlich/sitzungen")).contains("Beirat " + token);
    }

    @Test
    void withSeveralMunicipalitiesThePublicChoosesOne() throws Exception {
        tenants.save(new Tenant("oeffentlich-" + token, "Gemeinde " + token));

        assertThat(publicPage("/oeffentlich/sitzungen")).contains("Bitte wählen Sie Ihre Stadt oder Gemeinde.",
            "href=\"/oeffentlich/sitzungen?mandant=kaiserslautern\"", "Gemeinde " + token);
        assertThat(publicPage("/oeffentlich/sitzungen?mandant=oeffentlich-" + token))
            .contains("Öffentliche Sitzungen – Gemeinde " + token, "Zurzeit sind keine Sitzungen angekündigt.");
        mvc.perform(get("/oeffentlich/sitzungen").param("mandant", "gibt-es-nicht")).andExpect(status().isNotFound());
    }

    private Procedure plan(int daysAhead) {
        return sessionCycle.plan(new PlanSession("kaiserslautern", "Beteiligungsbeirat", "Beirat " + token,
            LocalDate.now(NoticePeriod.ZONE).plusDays(daysAhead).atTime(17, 0).atZone(NoticePeriod.ZONE).toInstant(),
            "Rathaus Nord", NoticePeriod.DEFAULT, "mitglied-" + token + "@example.org"));
    }

    private String publicPage(String url) throws Exception {
        int query = url.indexOf('?');
        var request = get(query < 0 ? url : url.substring(0, query));
        if (query >= 0) {
            String[] pair = url.substring(query + 1).split("=", 2);
            request.param(pair[0], pair[1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}

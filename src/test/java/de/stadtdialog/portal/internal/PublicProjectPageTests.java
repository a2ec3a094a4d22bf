package de.stadtdialog.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleScenario;
import de.stadtdialog.shared.MunicipalTime;

/**
 * The public project list and project pages: only published entries of the chosen municipality, escaped texts,
 * the phase from the procedure's read model, the timeline with exact Berlin times, and what the phase offers.
 */
@StadtdialogSpringTest
class PublicProjectPageTests {

    private static final Locale DE = Locale.GERMAN;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TenantRepository tenants;
    @Autowired
    HistoryService historyService;
    @Autowired
    PortalDates dates;

    PortalTestData data;
    SessionCycleScenario scenario;

    @BeforeEach
    void setUp() {
        data = new PortalTestData(context);
        scenario = new SessionCycleScenario(context);
    }

    @AfterEach
    void removeTenant() {
        tenants.findById("portal-" + data.token).ifPresent(tenants::delete);
    }

    @Test
    void theListShowsPublishedEntriesWithPlaceStatusAndPhaseButNotUnpublishedOnes() throws Exception {
        Procedure procedure = scenario.plan(inDays(30), NoticePeriod.DEFAULT);
        ProjectListEntry linked = data.published(procedure, "Radweg " + data.token);
        ProjectListEntry requestable = data.entry(PortalTestData.TENANT, null, "Stiftsplatz " + data.token,
            ParticipationStatus.CAN_BE_REQUESTED, true);
        ProjectListEntry draft = data.entry(PortalTestData.TENANT, null, "Entwurf " + data.token,
            ParticipationStatus.FORMAL, false);

        String list = page(get("/oeffentlich/vorhaben"));

        assertThat(list).contains("<h1>Vorhabenliste – Kaiserslautern</h1>",
            "href=\"/oeffentlich/vorhaben/" + linked.getId() + "\" lang=\"de\">Radweg " + data.token + "</a>",
            "href=\"/oeffentlich/vorhaben/" + requestable.getId() + "\" lang=\"de\">Stiftsplatz " + data.token
                + "</a>",
            "Innenstadt " + data.token, "kann beantragt werden", "informell", "Tagesordnung entwerfen",
            "bis " + MunicipalTime.deadline(new NoticePeriod(4).invitationDeadline(scenario.session(procedure)
                .getStartsAt()), DE), ", 24:00 Uhr");
        assertThat(list).doesNotContain("Entwurf " + data.token, "?mandant=");
        assertThat(list).as("feeds linked").contains("href=\"/oeffentlich/vorhaben.atom\"",
            "href=\"/oeffentlich/termine.ics\"", "href=\"/oeffentlich/vorhaben.json\"");

        mvc.perform(get("/oeffentlich/vorhaben/" + draft.getId())).andExpect(status().isNotFound());
    }

    @Test
    void titlesAndDescriptionsAreEscaped() throws Exception {
        ProjectListEntry entry = data.published(null, "<script>alert('" + data.token + "')</script> & Co");

        String list = page(get("/oeffentlich/vorhaben"));
        String project = page(get("/oeffentlich/vorhaben/" + entry.getId()));

        for (String html : new String[] {list, project}) {
            assertThat(html).contains("&lt;script&gt;alert(&#39;" + data.token + "&#39;)&lt;/script&gt; &amp; Co");
            assertThat(html).doesNotContain("<script>alert('" + data.token);
        }
    }

    @Test
    void anEntryWithoutProcedureExplainsHowToRequestParticipation() throws Exception {
        ProjectListEntry entry = data.entry(PortalTestData.TENANT, null, "Stiftsplatz " + data.token,
            ParticipationStatus.CAN_BE_REQUESTED, true);

        String project = page(get("/oeffentlich/vorhaben/" + entry.getId()));

        assertThat(project).contains("<h1 lang=\"de\">Stiftsplatz " + data.token + "</h1>", "kann beantragt werden",
            "kann aber beantragt werden", "beteiligung@kaiserslautern.de",
            "Für dieses Vorhaben läuft noch kein Beteiligungsverfahren.", "noch kein Beteiligungsverfahren");
        assertThat(project).doesNotContain("Was Sie jetzt tun können");
    }

    @Test
    void theTimelineShowsPastStepsWithExactTimesTheCurrentPhaseAndTheNextDeadline() throws Exception {
        Procedure procedure = scenario.plan(inDays(30), NoticePeriod.DEFAULT);
        ProjectListEntry entry = data.published(procedure, "Sitzung " + data.token);
        PublicSession session = scenario.session(procedure);
        Instant invitationDeadline = new NoticePeriod(4).invitationDeadline(session.getStartsAt());

        String planned = page(get("/oeffentlich/vorhaben/" + entry.getId()));

        assertThat(planned).contains("Sitzung geplant", "erledigt am " + dates.dateTime(
            ended(procedure, "StartEvent_SessionPlanned"), DE));
        assertThat(planned).contains("<strong lang=\"de\">Tagesordnung entwerfen</strong>",
            "bis " + MunicipalTime.deadline(invitationDeadline, DE));
        assertThat(section(planned, "Als Nächstes")).as("the task's due date and its boundary timer are one date")
            .containsOnlyOnce("Tagesordnung entwerfen");
        assertThat(planned).as("nothing public before the invitation").contains(
            "In dieser Phase gibt es hier nichts zum Mitmachen.");
        assertThat(planned).doesNotContain("/oeffentlich/sitzungen/" + session.getId(), "officer", "Petra");

        scenario.inviteTo(procedure);
        String invited = page(get("/oeffentlich/vorhaben/" + entry.getId()));

        assertThat(invited).contains("Warten auf „Sitzungsbeginn erreicht“",
            "<strong lang=\"de\">Tagesordnung entwerfen</strong>",
            "erledigt am " + dates.dateTime(ended(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA), DE),
            "Einladung versenden und bekannt machen",
            "am " + NoticePeriod.format(session.getStartsAt()),
            "href=\"/oeffentlich/sitzungen/" + session.getId() + "\"", "Öffentliche Sitzungsseite");
        assertThat(invited).as("no staff names in the public timeline").doesNotContain("officer", "Petra Schneider");
    }

    @Test
    void aCompletedProcedureShowsItsEndAndTheMinutes() throws Exception {
        Procedure procedure = scenario.plan(inDays(21), NoticePeriod.DEFAULT);
        ProjectListEntry entry = data.published(procedure, "Abgeschlossen " + data.token);
        scenario.recordMinutesOf(procedure);
        scenario.submit(procedure, SessionCycleProcess.TASK_APPROVE_MINUTES, "coordination",
            SessionCycleScenario.decision(SessionCycleProcess.DECISION_APPROVE, null));
        scenario.executeJob(procedure, SessionCycleProcess.TASK_PUBLISH_MINUTES);

        String page = page(get("/oeffentlich/vorhaben/" + entry.getId()));

        assertThat(page).contains("Abgeschlossen: Protokoll veröffentlicht", "abgeschlossen am",
            "Protokoll prüfen und genehmigen", "Protokoll:");
        assertThat(page).doesNotContain("Als Nächstes", "coordination", "Jonas Weber");
    }

    @Test
    void anotherMunicipalityHasItsOwnListAndDoesNotShowThisOnesEntries() throws Exception {
        tenants.save(new Tenant("portal-" + data.token, "Gemeinde " + data.token));
        ProjectListEntry theirs = data.entry("portal-" + data.token, null, "Dorfplatz " + data.token,
            ParticipationStatus.INFORMAL, true);
        ProjectListEntry ours = data.published(null, "Rathausplatz " + data.token);

        String theirList = page(get("/oeffentlich/vorhaben").param("mandant", "portal-" + data.token));
        assertThat(theirList).contains("Vorhabenliste – Gemeinde " + data.token, "Dorfplatz " + data.token,
            "href=\"/oeffentlich/vorhaben/" + theirs.getId() + "?mandant=portal-" + data.token + "\"");
        assertThat(theirList).doesNotContain("Rathausplatz " + data.token);

        String ourList = page(get("/oeffentlich/vorhaben"));
        assertThat(ourList).contains("Rathausplatz " + data.token, "Gemeinde " + data.token);
        assertThat(ourList).doesNotContain("Dorfplatz " + data.token);

        mvc.perform(get("/oeffentlich/vorhaben/" + ours.getId()).param("mandant", "portal-" + data.token))
            .andExpect(status().isNotFound());
        mvc.perform(get("/oeffentlich/vorhaben/" + theirs.getId()).param("mandant", PortalTestData.TENANT))
            .andExpect(status().isNotFound());
        assertThat(page(get("/oeffentlich/vorhaben/" + theirs.getId()).param("mandant", "portal-" + data.token)))
            .contains("Dorfplatz " + data.token);
        mvc.perform(get("/oeffentlich/vorhaben").param("mandant", "gibt-es-nicht")).andExpect(status().isNotFound());
        mvc.perform(get("/oeffentlich/vorhaben/keine-zahl")).andExpect(status().isNotFound());
        mvc.perform(get("/oeffentlich/vorhaben/" + Long.MAX_VALUE)).andExpect(status().isNotFound());
    }

    @Test
    void theEnglishPageTranslatesLabelsAndDates() throws Exception {
        Procedure procedure = scenario.plan(inDays(30), NoticePeriod.DEFAULT);
        ProjectListEntry entry = data.entry(PortalTestData.TENANT, procedure, "Sitzung " + data.token,
            ParticipationStatus.FORMAL, true);
        Instant deadline = new NoticePeriod(4).invitationDeadline(scenario.session(procedure).getStartsAt());

        String page = page(get("/oeffentlich/vorhaben/" + entry.getId()).param("lang", "en"));

        assertThat(page).contains("<html lang=\"en\">", "Back to the project list", "Participation", "formal",
            "Course of the procedure", "until " + MunicipalTime.deadline(deadline, Locale.ENGLISH), ", 24:00", "Accessibility",
            "Easy Read");
        assertThat(page).doesNotContain("Zur Vorhabenliste", "Uhr");
        assertThat(page).as("German step names are marked as German for screen readers").contains(
            "<strong lang=\"de\">Tagesordnung entwerfen</strong>", "<h1 lang=\"de\">Sitzung " + data.token);
    }

    @Test
    void theLanguageSwitchKeepsTheMunicipality() throws Exception {
        tenants.save(new Tenant("portal-" + data.token, "Gemeinde " + data.token));

        String page = page(get("/oeffentlich/vorhaben").queryParam("mandant", "portal-" + data.token)
            .queryParam("lang", "en"));

        assertThat(page).contains("href=\"?mandant=portal-" + data.token + "&amp;lang=de\" lang=\"de\"",
            "href=\"?mandant=portal-" + data.token + "&amp;lang=en\" lang=\"en\"", "aria-current=\"true\">English");
        assertThat(page(get("/oeffentlich/vorhaben"))).contains("href=\"?lang=en\" lang=\"en\"");
    }

    @Test
    void theFollowBoxOfTheCitizenModuleIsOnProjectsWithAProcedure() throws Exception {
        boolean citizenModule = context.getResource(PublicProjectController.FOLLOW_FRAGMENT).exists();
        Procedure procedure = scenario.plan(inDays(30), NoticePeriod.DEFAULT);
        ProjectListEntry withProcedure = data.published(procedure, "Folgen " + data.token);
        ProjectListEntry withoutProcedure = data.published(null, "Ohne " + data.token);

        assertThat(page(get("/oeffentlich/vorhaben/" + withProcedure.getId())).contains("class=\"follow\""))
            .isEqualTo(citizenModule);
        assertThat(page(get("/oeffentlich/vorhaben/" + withoutProcedure.getId()))).doesNotContain("class=\"follow\"");
    }

    private Instant ended(Procedure procedure, String activityId) {
        HistoricActivityInstance activity = historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(procedure.getProcessInstanceId()).activityId(activityId).finished().list().get(0);
        return activity.getEndTime().toInstant();
    }

    /** The page from the heading with this text to the next h2 or h3. */
    private static String section(String html, String heading) {
        int start = html.indexOf(">" + heading + "</h");
        int end = html.indexOf("<h", start + heading.length() + 6);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static Instant inDays(int days) {
        return LocalDate.now(NoticePeriod.ZONE).plusDays(days).atTime(18, 0).atZone(NoticePeriod.ZONE).toInstant();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}

package de.stadtdialog.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/** The overview at /verfahren and its CSV export: content, filters, sorting, tenant separation. */
@StadtdialogSpringTest
class ProcedureListPageTests {

    private static final String OTHER_TENANT = "dashboard-teststadt";

    @Autowired
    MockMvc mvc;
    @Autowired
    SessionCycleService sessionCycle;
    @Autowired
    ProcedureService procedureService;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    TenantRepository tenants;

    /** Shared by the titles of one test, so filters by text find only this test's procedures. */
    private final String token = "Dash" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void restoreClockAndRemoveOtherTenant() {
        ClockUtil.reset();
        procedures.findAll().stream().filter(p -> OTHER_TENANT.equals(p.getTenantId())).forEach(procedures::delete);
        tenants.findById(OTHER_TENANT).ifPresent(tenants::delete);
    }

    @Test
    void listsDemoAndOwnProceduresWithPhaseDeadlineTasksAndTemplateName() throws Exception {
        Procedure planned = plan(token + " Sitzung", days(20));

        String ownPage = page("/verfahren?q=" + token, "secretariat");
        assertThat(ownPage).contains(planned.getBusinessKey(), token + " Sitzung",
            "href=\"/verfahren/" + planned.getBusinessKey() + "\"", "Öffentliche Sitzung", "Kaiserslautern",
            "Tagesordnung entwerfen", "Tagesordnung entwerfen (nicht übernommen)",
            NoticePeriod.format(planned.getNextDeadline()), "läuft", "<caption", "scope=\"col\"");
        assertThat(ownPage).doesNotContain("überfällig</span>");

        String demoPage = page("/verfahren?q=Leitlinien – 7. Sitzung", "secretariat");
        assertThat(demoPage).contains("Arbeitskreis Leitlinien – 7. Sitzung", "Anwesenheit und Protokoll erfassen",
            "class=\"badge overdue\"", "überfällig");
    }

    @Test
    void filtersByTextTemplateStatusOverdueAndDeadlineWindow() throws Exception {
        Procedure soon = plan(token + " Bald", days(10));
        Procedure later = plan(token + " Später", days(60));

        assertThat(page("/verfahren?q=" + token.toLowerCase() + " bald", "secretariat"))
            .as("text search ignores case").contains(soon.getBusinessKey()).doesNotContain(later.getBusinessKey());
        assertThat(page("/verfahren?q=" + later.getBusinessKey(), "secretariat"))
            .as("text search covers the business key").contains(token + " Später").doesNotContain(token + " Bald");
        assertThat(page("/verfahren?q=" + token + "&days=14", "secretariat"))
            .contains(soon.getBusinessKey()).doesNotContain(later.getBusinessKey());
        assertThat(page("/verfahren?q=" + token + "&template=" + SessionCycleProcess.TEMPLATE_KEY, "secretariat"))
            .contains(soon.getBusinessKey(), later.getBusinessKey());
        assertThat(page("/verfahren?q=" + token + "&template=T9_OTHER", "secretariat"))
            .doesNotContain(soon.getBusinessKey()).contains("Keine Verfahren passen zu den Filtern.");
        assertThat(page("/verfahren?q=" + token + "&status=completed", "secretariat"))
            .doesNotContain(soon.getBusinessKey());
        assertThat(page("/verfahren?q=" + token + "&status=running", "secretariat"))
            .contains(soon.getBusinessKey(), later.getBusinessKey());
        assertThat(page("/verfahren?q=" + token + "&overdue=true", "secretariat"))
            .as("nothing is overdue yet").doesNotContain(soon.getBusinessKey());

        // nine days on, the agenda of the session in ten days is past its due date; the later one is not
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(9))));
        String overdue = page("/verfahren?q=" + token + "&overdue=true", "secretariat");
        assertThat(overdue).contains(soon.getBusinessKey(), "überfällig").doesNotContain(later.getBusinessKey());
        assertThat(overdue).contains("name=\"overdue\" value=\"true\" checked");
    }

    @Test
    void sortsByColumnsBothWaysWithSortStateForScreenReaders() throws Exception {
        Procedure beta = plan(token + " Beta", days(30));
        Procedure alpha = plan(token + " Alpha", days(50));
        Procedure gamma = plan(token + " Gamma", days(10));

        assertThat(order(page("/verfahren?q=" + token + "&sort=title&dir=asc", "secretariat"), alpha, beta, gamma))
            .isTrue();
        assertThat(order(page("/verfahren?q=" + token + "&sort=title&dir=desc", "secretariat"), gamma, beta, alpha))
            .isTrue();
        assertThat(order(page("/verfahren?q=" + token + "&sort=deadline", "secretariat"), gamma, beta, alpha))
            .isTrue();
        assertThat(order(page("/verfahren?q=" + token + "&sort=businessKey&dir=desc", "secretariat"), gamma, alpha,
            beta)).isTrue();

        String sortedByTitle = page("/verfahren?q=" + token + "&sort=title&dir=asc", "secretariat");
        assertThat(sortedByTitle).contains("aria-sort=\"ascending\"")
            .as("the sorted column's link reverses the order, keeping the filter")
            .contains("href=\"/verfahren?q=" + token + "&amp;sort=title&amp;dir=desc\"")
            .contains("href=\"/verfahren?q=" + token + "&amp;sort=phase&amp;dir=asc\"");
        assertThat(page("/verfahren?q=" + token + "&sort=nonsense", "secretariat"))
            .as("an unknown column falls back to the deadline").contains(alpha.getBusinessKey());
    }

    @Test
    void exportsTheFilteredListAsExcelReadyCsvWithoutRunnableFormulas() throws Exception {
        Procedure formula = plan("=HYPERLINK(\"http://example.org\";\"" + token + "\")", days(20));
        Procedure minus = plan("-1+1 " + token, days(21));
        Procedure quoted = plan("Sitzung \"Nord\"; " + token, days(22));
        Procedure at = plan("@SUMME " + token, days(23));

        MvcResult result = mvc.perform(request("/verfahren/export.csv?q=" + token + "&sort=deadline")
                .with(StaffLogin.as("secretariat")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition",
                "attachment; filename=verfahren-" + LocalDate.now(NoticePeriod.ZONE) + ".csv"))
            .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv").containsIgnoringCase("utf-8");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("byte order mark")
            .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));

        assertThat(lines.get(0)).isEqualTo("Aktenzeichen;Titel;Vorlage;Mandant;Aktuelle Phase;Nächste Frist;"
            + "Offene Aufgaben (Bearbeitung);Überfällig;Status");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).isEqualTo(formula.getBusinessKey() + ";\"'=HYPERLINK(\"\"http://example.org\"\";\"\""
            + token + "\"\")\";Öffentliche Sitzung;Kaiserslautern;Tagesordnung entwerfen;"
            + spreadsheet(formula.getNextDeadline()) + ";Tagesordnung entwerfen (nicht übernommen);;läuft");
        assertThat(lines.get(2)).startsWith(minus.getBusinessKey() + ";'-1+1 " + token + ";");
        assertThat(lines.get(3)).startsWith(quoted.getBusinessKey() + ";\"Sitzung \"\"Nord\"\"; " + token + "\";");
        assertThat(lines.get(4)).startsWith(at.getBusinessKey() + ";'@SUMME " + token + ";");
    }

    @Test
    void showsOnlyTheUsersMunicipalitiesAndFiltersByMunicipality() throws Exception {
        Procedure own = plan(token + " Kaiserslautern", days(20));
        tenants.save(new Tenant(OTHER_TENANT, "Teststadt"));
        Procedure foreign = procedureService.create(OTHER_TENANT, token + " Teststadt",
            SessionCycleProcess.TEMPLATE_KEY, SessionCycleProcess.PROCESS_ID);

        assertThat(page("/verfahren?q=" + token, "secretariat")).contains(own.getBusinessKey())
            .doesNotContain(foreign.getBusinessKey(), "Teststadt");
        assertThat(page("/verfahren?q=" + token + "&tenant=" + OTHER_TENANT, "secretariat"))
            .as("asking for another municipality finds nothing").doesNotContain(foreign.getBusinessKey())
            .doesNotContain(own.getBusinessKey());
        assertThat(page("/verfahren/export.csv?q=" + token, "secretariat")).contains(own.getBusinessKey())
            .doesNotContain(foreign.getBusinessKey());

        RequestPostProcessor secretariatOfBoth = StaffLogin.as("secretariat", List.of("secretariat"),
            List.of("kaiserslautern", OTHER_TENANT));
        String both = page("/verfahren?q=" + token, secretariatOfBoth);
        assertThat(both).contains(own.getBusinessKey(), foreign.getBusinessKey(), "<select id=\"filter-tenant\"");
        String onlyOther = page("/verfahren?q=" + token + "&tenant=" + OTHER_TENANT, secretariatOfBoth);
        assertThat(onlyOther).contains(foreign.getBusinessKey()).doesNotContain(own.getBusinessKey());
    }

    @Test
    void pagesFiftyAtATimeKeepingFiltersAndSortAndIgnoresUnreadableParameters() throws Exception {
        tenants.save(new Tenant(OTHER_TENANT, "Teststadt"));
        for (int i = 0; i < 120; i++) {
            procedureService.create(OTHER_TENANT, token + " Nr. " + i, SessionCycleProcess.TEMPLATE_KEY,
                SessionCycleProcess.PROCESS_ID);
        }
        RequestPostProcessor secretariatOfOther = StaffLogin.as("secretariat", List.of("secretariat"),
            List.of(OTHER_TENANT));

        String first = page("/verfahren?q=" + token + "&sort=businessKey", secretariatOfOther);
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("120 Verfahren gefunden", "Seite 1 von 3",
            "href=\"/verfahren?q=" + token + "&amp;sort=businessKey&amp;dir=asc&amp;page=1\"")
            .doesNotContain("rel=\"prev\"");
        String last = page("/verfahren?q=" + token + "&sort=businessKey&page=2", secretariatOfOther);
        assertThat(rows(last)).isEqualTo(20);
        assertThat(last).contains("Seite 3 von 3", "rel=\"prev\"").doesNotContain("rel=\"next\"");

        assertThat(page("/verfahren?q=" + token + "&days=abc&page=x&overdue=vielleicht", secretariatOfOther))
            .contains("120 Verfahren gefunden");
        assertThat(page("/verfahren/export.csv?q=" + token + "&days=abc", secretariatOfOther).split("\r\n"))
            .as("the export is not paged").hasSize(121);
    }

    @Test
    void isForStaffWithOverviewRolesOnly() throws Exception {
        mvc.perform(get("/verfahren").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/verfahren").with(StaffLogin.as("designer"))).andExpect(status().isForbidden());
        mvc.perform(get("/verfahren/export.csv").with(StaffLogin.as("designer"))).andExpect(status().isForbidden());
        for (String role : List.of("secretariat", "coordination", "officer", "admin")) {
            mvc.perform(get("/verfahren").with(StaffLogin.as(role))).andExpect(status().isOk());
        }
    }

    private Procedure plan(String title, Instant startsAt) {
        return procedures.findById(sessionCycle.plan(new PlanSession("kaiserslautern", "Beteiligungsbeirat", title,
            startsAt, "Rathaus", NoticePeriod.DEFAULT, "beirat-" + token + "@example.org")).getId()).orElseThrow();
    }

    private static Instant days(int days) {
        return LocalDate.now(NoticePeriod.ZONE).plusDays(days).atTime(18, 0).atZone(NoticePeriod.ZONE).toInstant();
    }

    /** GETs "path?a=b&c=d" as the user; parameters are passed as given (a "+" stays a "+"), not URL-decoded. */
    private String page(String url, String user) throws Exception {
        return page(url, StaffLogin.as(user));
    }

    private String page(String url, RequestPostProcessor login) throws Exception {
        return mvc.perform(request(url).with(login)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequestBuilder request(String url) {
        int query = url.indexOf('?');
        MockHttpServletRequestBuilder request = get(query < 0 ? url : url.substring(0, query));
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                request.param(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return request;
    }

    private static int rows(String html) {
        return html.split("<td><span class=\"nowrap\">", -1).length - 1;
    }

    private static boolean order(String html, Procedure... expected) {
        int last = -1;
        for (Procedure procedure : expected) {
            int at = html.indexOf(">" + procedure.getBusinessKey() + "<");
            if (at <= last) {
                return false;
            }
            last = at;
        }
        return true;
    }

    private static String spreadsheet(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(NoticePeriod.ZONE)
            .format(instant);
    }
}

package de.stadtdialog.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;

/**
 * "/vorhaben/verwalten": who may maintain the project list, Bean Validation and business-rule messages next to
 * their fields with the input kept, and that staff only ever see and change their own municipality's entries.
 */
@StadtdialogSpringTest
class ProjectListStaffPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProjectListEntryRepository entries;
    @Autowired
    ProcedureService procedureService;
    @Autowired
    TenantRepository tenants;

    PortalTestData data;
    String otherTenant;

    @BeforeEach
    void setUp() {
        data = new PortalTestData(context);
        otherTenant = "staff-" + data.token;
    }

    @AfterEach
    void removeTenant() {
        tenants.findById(otherTenant).ifPresent(tenants::delete);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "coordination"})
    void officersAndCoordinationMaintainTheList(String role) throws Exception {
        assertThat(page(get("/vorhaben/verwalten").with(StaffLogin.as(role)))).contains("Vorhabenliste pflegen",
            "href=\"/vorhaben/verwalten/neu\"");
        assertThat(page(get("/vorhaben/verwalten/neu").with(StaffLogin.as(role)))).contains(
            "<label for=\"title\">Titel</label>", "<option value=\"CAN_BE_REQUESTED\">kann beantragt werden</option>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretariat", "designer", "admin"})
    void otherRolesMayNot(String role) throws Exception {
        mvc.perform(get("/vorhaben/verwalten").with(StaffLogin.as(role))).andExpect(status().isForbidden());
        mvc.perform(post("/vorhaben/verwalten/neu").with(StaffLogin.as(role)).with(csrf())
            .param("title", "Verboten " + data.token)).andExpect(status().isForbidden());
        assertThat(entries.findAll()).noneMatch(entry -> entry.getTitle().contains(data.token));
    }

    @Test
    void thePublicIsSentToTheLoginAndAFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(get("/vorhaben/verwalten").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/vorhaben/verwalten/neu").with(StaffLogin.as("officer")).param("tenantId", "kaiserslautern")
            .param("title", "Ohne Token " + data.token).param("shortDescription", "x").param("place", "y")
            .param("participationStatus", "NONE")).andExpect(status().isForbidden());
        assertThat(entries.findAll()).noneMatch(entry -> entry.getTitle().contains(data.token));
    }

    @Test
    void aValidEntryIsStoredTrimmedAndAppearsInTheList() throws Exception {
        Procedure procedure = procedureService.create("kaiserslautern", "Radweg " + data.token, "T_TEST", "NoProcess");

        mvc.perform(valid(post("/vorhaben/verwalten/neu"), "  Radweg Pfaffplatz " + data.token + "  ",
                "procedureId", procedure.getId().toString(), "cost", "  ", "published", "true"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/vorhaben/verwalten"))
            .andExpect(flash().attribute("flashMessage", "„Radweg Pfaffplatz " + data.token + "“ ist eingetragen."));

        ProjectListEntry stored = mine().get(0);
        assertThat(stored.getTitle()).isEqualTo("Radweg Pfaffplatz " + data.token);
        assertThat(stored.getTenantId()).isEqualTo("kaiserslautern");
        assertThat(stored.getProcedureId()).isEqualTo(procedure.getId());
        assertThat(stored.getParticipationStatus()).isEqualTo(ParticipationStatus.FORMAL);
        assertThat(stored.getCost()).as("blank optional text is no text").isNull();
        assertThat(stored.getSchedule()).isEqualTo("2027 bis 2028");
        assertThat(stored.isPublished()).isTrue();

        String list = page(get("/vorhaben/verwalten").with(StaffLogin.as("officer")));
        assertThat(list).contains("Radweg Pfaffplatz " + data.token, procedure.getBusinessKey(), "veröffentlicht",
            "href=\"/vorhaben/verwalten/" + stored.getId() + "\"", "href=\"/oeffentlich/vorhaben/" + stored.getId() + "\"");
    }

    @Test
    void invalidInputIsShownNextToEachFieldWithEverythingKept() throws Exception {
        String page = page(post("/vorhaben/verwalten/neu").with(StaffLogin.as("officer")).with(csrf())
            .param("tenantId", "kaiserslautern").param("title", " ")
            .param("shortDescription", "<script>alert(1)</script> " + data.token)
            .param("place", "x".repeat(201)).param("participationStatus", "")
            .param("procedureId", "keine-zahl").param("schedule", "Sommer " + data.token));

        assertThat(page).contains("role=\"alert\"", "Bitte korrigieren Sie Ihre Eingaben:",
            "<a href=\"#title\">Bitte geben Sie einen Titel an.</a>",
            "<p class=\"field-error\" id=\"title-error\">Bitte geben Sie einen Titel an.</p>",
            "<p class=\"field-error\" id=\"place-error\">Der Ort darf höchstens 200 Zeichen lang sein.</p>",
            "<p class=\"field-error\" id=\"participationStatus-error\">Bitte wählen Sie die Art der Beteiligung.</p>",
            "<p class=\"field-error\" id=\"procedureId-error\">Bitte wählen Sie ein Verfahren aus der Liste.</p>",
            "aria-invalid=\"true\" aria-describedby=\"title-hint title-error\" id=\"title\"",
            "aria-invalid=\"true\" aria-describedby=\"place-hint place-error\" id=\"place\"",
            "&lt;script&gt;alert(1)&lt;/script&gt; " + data.token + "</textarea>",
            "value=\"" + "x".repeat(201) + "\"", "value=\"Sommer " + data.token + "\"");
        assertThat(page).doesNotContain("<script>alert(1)", "shortDescription-error");
        assertThat(page.indexOf("href=\"#title\"")).as("the summary follows the order of the fields")
            .isLessThan(page.indexOf("href=\"#place\"")).isLessThan(page.indexOf("href=\"#procedureId\""));
        assertThat(mine()).isEmpty();
    }

    @Test
    void theProcedureMustBelongToTheSameMunicipalityAndMayBeListedOnlyOnce() throws Exception {
        tenants.save(new Tenant(otherTenant, "Gemeinde " + data.token));
        Procedure foreign = procedureService.create(otherTenant, "Fremd " + data.token, "T_TEST", "NoProcess");
        Procedure listed = procedureService.create("kaiserslautern", "Gelistet " + data.token, "T_TEST", "NoProcess");
        data.published(listed, "Schon da " + data.token);

        String foreignPage = page(valid(post("/vorhaben/verwalten/neu"), "Neu " + data.token,
            "procedureId", foreign.getId().toString()));
        assertThat(foreignPage).contains(
            "<p class=\"field-error\" id=\"procedureId-error\">Dieses Verfahren gibt es bei diesem Mandanten nicht.</p>",
            "value=\"Neu " + data.token + "\"");

        String duplicatePage = page(valid(post("/vorhaben/verwalten/neu"), "Doppelt " + data.token,
            "procedureId", listed.getId().toString()));
        assertThat(duplicatePage).contains("<p class=\"field-error\" id=\"procedureId-error\">Dieses Verfahren steht "
            + "schon in einem anderen Eintrag der Vorhabenliste.</p>");

        String notMine = page(valid(post("/vorhaben/verwalten/neu"), "Fremder Mandant " + data.token,
            "tenantId", otherTenant));
        assertThat(notMine).contains("<p class=\"field-error\" id=\"tenantId-error\">Für diesen Mandanten dürfen Sie "
            + "keine Vorhaben eintragen.</p>");
        assertThat(mine()).extracting(ProjectListEntry::getTitle).containsExactly("Schon da " + data.token);
    }

    @Test
    void anEntryIsEditedAndAStaleFormDoesNotOverwriteANewerVersion() throws Exception {
        ProjectListEntry entry = data.entry("kaiserslautern", null, "Alt " + data.token, ParticipationStatus.NONE,
            false);

        String form = page(get("/vorhaben/verwalten/" + entry.getId()).with(StaffLogin.as("coordination")));
        assertThat(form).contains("Vorhaben bearbeiten", "value=\"Alt " + data.token + "\"",
            "<option value=\"NONE\" selected=\"selected\">keine</option>",
            "name=\"version\" value=\"" + entry.getVersion() + "\"",
            "<input type=\"checkbox\" aria-describedby=\"published-hint\" id=\"published1\" name=\"published\"",
            "<label for=\"published1\">Öffentlich anzeigen</label>");

        mvc.perform(valid(post("/vorhaben/verwalten/" + entry.getId()), "Neu " + data.token,
                "version", Long.toString(entry.getVersion()), "participationStatus", "INFORMAL"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/vorhaben/verwalten"))
            .andExpect(flash().attribute("flashMessage", "„Neu " + data.token + "“ ist gespeichert."));
        ProjectListEntry saved = data.reload(entry);
        assertThat(saved.getTitle()).isEqualTo("Neu " + data.token);
        assertThat(saved.getParticipationStatus()).isEqualTo(ParticipationStatus.INFORMAL);
        assertThat(saved.isPublished()).as("an unticked checkbox is sent as its hidden marker only").isFalse();
        assertThat(saved.getUpdatedAt()).isAfterOrEqualTo(entry.getUpdatedAt());

        String stale = page(valid(post("/vorhaben/verwalten/" + entry.getId()), "Veraltet " + data.token,
            "version", Long.toString(entry.getVersion())));
        assertThat(stale).contains("Jemand anderes hat diesen Eintrag inzwischen gespeichert.",
            "value=\"Veraltet " + data.token + "\"");
        assertThat(data.reload(entry).getTitle()).isEqualTo("Neu " + data.token);
    }

    @Test
    void entriesOfOtherMunicipalitiesAreNotFound() throws Exception {
        tenants.save(new Tenant(otherTenant, "Gemeinde " + data.token));
        ProjectListEntry theirs = data.entry(otherTenant, null, "Dorfplatz " + data.token,
            ParticipationStatus.INFORMAL, true);

        assertThat(page(get("/vorhaben/verwalten").with(StaffLogin.as("officer"))))
            .doesNotContain("Dorfplatz " + data.token);
        mvc.perform(get("/vorhaben/verwalten/" + theirs.getId()).with(StaffLogin.as("officer")))
            .andExpect(status().isNotFound());
        mvc.perform(valid(post("/vorhaben/verwalten/" + theirs.getId()), "Übernommen " + data.token,
            "version", Long.toString(theirs.getVersion()))).andExpect(status().isNotFound());
        assertThat(data.reload(theirs).getTitle()).isEqualTo("Dorfplatz " + data.token);
        mvc.perform(get("/vorhaben/verwalten/keine-zahl").with(StaffLogin.as("officer")))
            .andExpect(status().isNotFound());

        var theirOfficer = StaffLogin.as("officer", List.of("officer"), List.of(otherTenant));
        assertThat(page(get("/vorhaben/verwalten").with(theirOfficer))).contains("Dorfplatz " + data.token);
        assertThat(page(get("/vorhaben/verwalten/" + theirs.getId()).with(theirOfficer)))
            .contains("value=\"Dorfplatz " + data.token + "\"");
    }

    /**
     * A complete, valid form for the demo tenant as the officer; {@code overrides} are name/value pairs that
     * replace single fields.
     */
    private MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, String title,
            String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tenantId", "kaiserslautern");
        fields.put("title", title);
        fields.put("shortDescription", "Ein neuer Radweg zwischen Pfaffplatz und Hauptbahnhof.");
        fields.put("place", "Pfaffplatz");
        fields.put("participationStatus", "FORMAL");
        fields.put("procedureId", "");
        fields.put("schedule", "2027 bis 2028");
        fields.put("_published", "on");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(request::param);
        return request.with(StaffLogin.as("officer")).with(csrf());
    }

    private List<ProjectListEntry> mine() {
        return entries.findAll().stream().filter(entry -> entry.getTitle().contains(data.token))
            .sorted(Comparator.comparing(ProjectListEntry::getId)).toList();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}

package de.stadtdialog.membercall;

import static de.stadtdialog.membercall.MemberCallScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;
import de.stadtdialog.lottery.LotteryService;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * The staff pages (new call, the call's page), the public pages (call, result, audit bundle) and applying as a
 * citizen, including bad input: every rejected application shows its message next to the field and stores
 * nothing.
 */
@StadtdialogSpringTest
class MemberCallPagesTests {

    private static final Instant NOW = berlin("2027-03-01T09:00");
    private static final String DEADLINE = "2027-03-31T18:00";
    private static final String TERM_ENDS = "2029-03-31T00:00";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    MemberApplicationRepository applications;
    @Autowired
    MemberCallService service;
    @Autowired
    LotteryService lottery;
    @Autowired
    List<PersonalDataContributor> personalData;

    private MemberCallScenario scenario;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario = new MemberCallScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void newCall_formErrorsNextToTheField_thenStartsTheProcedure() throws Exception {
        String form = page(get("/aufrufe/neu").with(StaffLogin.as("officer")));
        assertThat(form).contains("<label for=\"title\">Titel des Aufrufs</label>",
            "<option value=\"kaiserslautern\" selected=\"selected\">Kaiserslautern</option>",
            "id=\"applicantRetention\" name=\"applicantRetention\" value=\"P3M\"");

        String errors = mvc.perform(post("/aufrufe/neu").with(StaffLogin.as("officer")).with(csrf())
                .param("tenantId", "kaiserslautern").param("title", " ").param("workingGroup", "AK " + scenario.token)
                .param("applicantRetention", "drei Monate").param("memberRetention", "P3M"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors).contains("id=\"title-error\"", "Bitte geben Sie einen Titel an.", "aria-invalid=\"true\"");
        assertThat(procedures.findAll()).noneMatch(p -> p.getTitle().contains(scenario.token));

        String badPeriod = mvc.perform(post("/aufrufe/neu").with(StaffLogin.as("officer")).with(csrf())
                .param("tenantId", "kaiserslautern").param("title", scenario.title())
                .param("workingGroup", "AK " + scenario.token).param("applicantRetention", "drei Monate")
                .param("memberRetention", "P3M"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlUtils.htmlUnescape(badPeriod)).contains("id=\"applicantRetention-error\"",
            "„drei Monate“ ist keine gültige Frist");

        mvc.perform(post("/aufrufe/neu").with(StaffLogin.as("officer")).with(csrf())
                .param("tenantId", "kaiserslautern").param("title", scenario.title())
                .param("workingGroup", "AK " + scenario.token).param("applicantRetention", "P6M")
                .param("memberRetention", "P1M"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/verfahren/*"));
        Procedure created = procedures.findAll().stream().filter(p -> p.getTitle().equals(scenario.title()))
            .findFirst().orElseThrow();
        assertThat(created.getTemplateKey()).isEqualTo(MemberCallProcess.TEMPLATE_KEY);
        assertThat(created.getBusinessKey()).isNotNull();
        assertThat(scenario.task(created, MemberCallProcess.TASK_EDIT_CALL)).isNotNull();
        assertThat(scenario.call(created).getEditedBy()).isEqualTo("officer");

        mvc.perform(get("/aufrufe/neu").with(StaffLogin.as("secretariat"))).andExpect(status().isForbidden());
        assertThat(page(get("/aufrufe").with(StaffLogin.as("coordination")))).contains(scenario.title(),
            "href=\"/aufrufe/" + scenario.call(created).getId() + "\"", "in Vorbereitung");
        String procedurePage = page(get("/verfahren/" + created.getBusinessKey()).with(StaffLogin.as("officer")));
        assertThat(procedurePage).contains("/aufrufe/" + scenario.call(created).getId());
    }

    @Test
    void theCallIsDescribedAndApprovedInOurTasklist_withBusinessRulesShownOnTheForm() throws Exception {
        Procedure procedure = scenario.create();
        String edit = "/aufgaben/" + scenario.task(procedure, MemberCallProcess.TASK_EDIT_CALL).getId();
        assertThat(page(get(edit).with(StaffLogin.as("officer")))).contains("id=\"field-Field_MinimumAge\"",
            "value=\"14\"", "id=\"field-Field_Deadline\"", "id=\"field-Field_Quotas\"");

        String refused = mvc.perform(editForm(edit, "2027-02-01T18:00"))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlUtils.htmlUnescape(refused)).contains("Die Bewerbungsfrist muss in der Zukunft liegen.");
        assertThat(scenario.task(procedure, MemberCallProcess.TASK_EDIT_CALL)).isNotNull();

        mvc.perform(editForm(edit, DEADLINE)).andExpect(status().is3xxRedirection());
        MemberCall described = scenario.call(procedure);
        assertThat(described.getDeadline()).isEqualTo(berlin(DEADLINE));
        assertThat(described.getTermEndsAt()).isEqualTo(berlin(TERM_ENDS));
        assertThat(described.getCitizenSeats()).isEqualTo(5);
        assertThat(described.quotaList()).hasSize(2);

        String approve = "/aufgaben/" + scenario.task(procedure, MemberCallProcess.TASK_APPROVE_CALL).getId();
        String ownApproval = HtmlUtils.htmlUnescape(mvc.perform(post(approve).with(StaffLogin.as("officer",
                List.of("officer", "coordination"), List.of("kaiserslautern"))).with(csrf())
                .param("approvalDecision", "approve"))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(ownApproval).contains("Vier-Augen-Prinzip");
        mvc.perform(post(approve).with(StaffLogin.as("coordination")).with(csrf()).param("approvalDecision",
            "approve")).andExpect(status().is3xxRedirection());
        assertThat(scenario.call(procedure).getApprovedBy()).isEqualTo("coordination");
        assertThat(scenario.job(procedure, MemberCallProcess.TASK_PUBLISH_CALL)).isNotNull();
    }

    private MockHttpServletRequestBuilder editForm(String url, String deadline) {
        return post(url).with(StaffLogin.as("officer")).with(csrf()).param("title", scenario.title())
            .param("workingGroup", "Arbeitskreis " + scenario.token).param("citizenSeats", "5")
            .param("nominatedSeats", "Verwaltung: 1").param("residence", "Kaiserslautern").param("minimumAge", "16")
            .param("term", "2 Jahre").param("termEndsAt", TERM_ENDS.substring(0, 16))
            .param("meetingFrequency", "monatlich").param("deadline", deadline)
            .param("quotas", "Alter; 16–29; 1; 3\r\nAlter; 30+; 2; 4")
            .param("plainSummary", "Wir suchen Menschen, die mitmachen.");
    }

    @Test
    void publicCallPage_onlyOncePublished_withSummaryDeadlineAndExtensionLog() throws Exception {
        Procedure draft = scenario.create();
        mvc.perform(get("/oeffentlich/aufrufe/" + scenario.call(draft).getId())).andExpect(status().isNotFound());

        MemberCallScenario other = new MemberCallScenario(context);
        Procedure procedure = other.publish(3, "Alter; 14–29; 1; 3\nAlter; 30+; 0; 2", DEADLINE, TERM_ENDS);
        Long callId = other.call(procedure).getId();
        service.extendDeadline(callId, berlin("2027-04-15T18:00"), "Osterferien", "officer");

        String page = HtmlUtils.htmlUnescape(page(get("/oeffentlich/aufrufe/" + callId)));
        assertThat(page).contains(other.title(), "Die Stadt sucht Menschen, die mitreden.",
            "Wer in Kaiserslautern wohnt und im Jahr der Bewerbungsfrist mindestens 14 Jahre alt wird.",
            "15.04.2027, 18:00 Uhr", "Frist verlängert von 31.03.2027, 18:00 Uhr bis 15.04.2027, 18:00 Uhr – "
                + "Osterferien", "Sitze für Stadtratsfraktionen (benannt)", "14–29",
            "/buerger/aufrufe/" + callId + "/bewerbung");
    }

    @Test
    void applying_badInputIsShownNextToTheField_andNothingIsStored() throws Exception {
        Procedure procedure = scenario.publish(3, "Alter; 14–29; 1; 3\nAlter; 30+; 0; 2", DEADLINE, TERM_ENDS);
        Long callId = scenario.call(procedure).getId();
        CitizenUser citizen = new CitizenUser(System.nanoTime(), "bewerber" + scenario.token, "kaiserslautern");
        String url = "/buerger/aufrufe/" + callId + "/bewerbung";

        mvc.perform(get(url)).andExpect(status().is3xxRedirection());
        String form = HtmlUtils.htmlUnescape(page(get(url).with(CitizenScenario.as(citizen))));
        assertThat(form).contains("<label for=\"consent\"", "Datenschutzhinweise (Art. 13 DSGVO)",
            "<label for=\"feature0\">Alter</label>", "Mindestalter: 14 Jahre");

        String noConsent = apply(url, citizen, "1990", "30+", false);
        assertThat(noConsent).contains("id=\"consent-error\"", "aria-describedby=\"consent-error\"",
            "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben",
            "value=\"Erika " + scenario.token + "\"");
        String tooYoung = apply(url, citizen, "2015", "14–29", true);
        assertThat(tooYoung).contains("id=\"birthYear-error\"",
            "Bewerben kann sich, wer im Jahr 2027 mindestens 14 Jahre alt wird.");
        String noValue = apply(url, citizen, "1990", "", true);
        assertThat(noValue).contains("id=\"feature0-error\"", "Bitte wählen Sie bei „Alter“ einen Wert aus der Liste.");
        assertThat(applications.findByCitizenAccountIdOrderBySubmittedAtDesc(citizen.id())).isEmpty();

        MvcResult applied = mvc.perform(applyRequest(url, citizen, "1990", "30+", true))
            .andExpect(status().is3xxRedirection()).andReturn();
        MemberApplication stored = applications.findByCitizenAccountIdOrderBySubmittedAtDesc(citizen.id()).get(0);
        assertThat(applied.getResponse().getRedirectedUrl()).isEqualTo("/buerger/aufrufe/bewerbungen/"
            + stored.getId());
        assertThat(stored.featureMap()).containsEntry("Alter", "30+");
        assertThat(stored.getNoticeVersion()).isEqualTo(MemberCallService.NOTICE_VERSION);
        String confirmation = page(get(applied.getResponse().getRedirectedUrl()).with(CitizenScenario.as(citizen)));
        assertThat(confirmation).contains(stored.getCode());
        mvc.perform(get(applied.getResponse().getRedirectedUrl()).with(CitizenScenario.as(
            new CitizenUser(citizen.id() + 1, "andere", "kaiserslautern")))).andExpect(status().isNotFound());

        PersonalDataSection mine = mine(citizen).personalData(citizen);
        assertThat(mine.entries()).singleElement().satisfies(entry ->
            assertThat(entry.values()).contains(stored.getCode(), "Erika " + scenario.token));

        ClockUtil.setCurrentTime(Date.from(berlin(DEADLINE).plusSeconds(1)));
        CitizenUser late = new CitizenUser(System.nanoTime(), "spaet" + scenario.token, "kaiserslautern");
        String afterDeadline = HtmlUtils.htmlUnescape(mvc.perform(applyRequest(url, late, "1990", "30+", true))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(afterDeadline).contains("Die Bewerbungsfrist ist abgelaufen. Bewerbungen sind nicht mehr möglich.");
        assertThat(applications.findByCitizenAccountIdOrderBySubmittedAtDesc(late.id())).isEmpty();
    }

    @Test
    void staffCallPage_listsApplicationsWithFlags_andExtendsTheDeadline() throws Exception {
        Procedure procedure = scenario.publish(3, null, DEADLINE, TERM_ENDS);
        Long callId = scenario.call(procedure).getId();
        MemberApplication first = scenario.apply(procedure, "anna", 1990, Map.of());
        MemberApplication duplicate = scenario.apply(procedure, "anna", 1990, Map.of());

        String page = HtmlUtils.htmlUnescape(page(get("/aufrufe/" + callId).with(StaffLogin.as("officer"))));
        assertThat(page).contains(first.getCode(), duplicate.getCode(), "anna " + scenario.token,
            "doppelt? wie " + first.getCode(), "möglicherweise doppelt");

        mvc.perform(post("/aufrufe/" + callId + "/frist").with(StaffLogin.as("officer")).with(csrf())
                .param("newDeadline", "2027-03-20T18:00").param("reason", "zu früh"))
            .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/aufrufe/" + callId));
        assertThat(scenario.call(procedure).getDeadline()).as("earlier is no extension").isEqualTo(berlin(DEADLINE));

        mvc.perform(post("/aufrufe/" + callId + "/frist").with(StaffLogin.as("officer")).with(csrf())
                .param("newDeadline", "2027-04-30T12:00").param("reason", "Mehr Zeit für Schulen"))
            .andExpect(status().is3xxRedirection());
        assertThat(scenario.call(procedure).getDeadline()).isEqualTo(berlin("2027-04-30T12:00"));
        assertThat(scenario.job(procedure, MemberCallProcess.TIMER_APPLICATION_DEADLINE).getDuedate())
            .isEqualTo(Date.from(berlin("2027-04-30T12:00")));

        mvc.perform(get("/aufrufe/" + callId).with(StaffLogin.as("officer", List.of("officer"), List.of("andere"))))
            .andExpect(status().isNotFound());
    }

    @Test
    void resultPage_showsCodesProbabilitiesCommitmentAndSeed_andTheBundleVerifies() throws Exception {
        Procedure procedure = scenario.publish(2, "Geschlecht; weiblich; 1; 1\nGeschlecht; männlich; 1; 1", DEADLINE,
            TERM_ENDS);
        Long callId = scenario.call(procedure).getId();
        scenario.applyMany(procedure, "frau", 2, Map.of("Geschlecht", "weiblich"));
        scenario.applyMany(procedure, "mann", 3, Map.of("Geschlecht", "männlich"));
        scenario.closeAndCheck(procedure, null);
        scenario.executeJob(procedure, MemberCallProcess.TASK_COMPUTE_LOTTERY);
        mvc.perform(get("/oeffentlich/aufrufe/" + callId + "/ergebnis")).andExpect(status().isNotFound());
        scenario.executeJob(procedure, MemberCallProcess.TASK_PUBLISH_COMMITMENT);
        LotteryRun run = service.latestRun(callId).orElseThrow();
        assertThat(page(get("/oeffentlich/aufrufe/" + callId))).contains(run.getCommitmentHash());
        scenario.submit(procedure, MemberCallProcess.TASK_ENTER_CEREMONY_INPUT, "officer",
            Map.of("ceremonyInput", "6 6 1"));
        scenario.submit(procedure, MemberCallProcess.TASK_CONFIRM_RESULT, "coordination",
            Map.of(MemberCallProcess.VAR_RESULT_DECISION, MemberCallProcess.DECISION_CONFIRM));
        run = service.latestRun(callId).orElseThrow();

        String result = HtmlUtils.htmlUnescape(page(get("/oeffentlich/aufrufe/" + callId + "/ergebnis")));
        assertThat(result).contains(run.getCommitmentHash(), run.getSeed(), "6 6 1", "50,00 %", "33,33 %",
            "java -jar target/stadtdialog-*.jar verify bundle.zip");
        for (MemberApplication a : scenario.applications(procedure)) {
            assertThat(result).contains(a.getCode()).doesNotContain(a.getName()).doesNotContain(a.getEmail());
        }
        byte[] zip = mvc.perform(get("/oeffentlich/aufrufe/" + callId + "/losung-1.zip"))
            .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip"))
            .andReturn().getResponse().getContentAsByteArray();
        assertThat(lottery.verify(zip).ok()).isTrue();
        mvc.perform(get("/oeffentlich/aufrufe/" + callId + "/losung-2.zip")).andExpect(status().isNotFound());
    }

    @Test
    void withdrawingOnTheConfirmationPage_andDeletingTheAccount() throws Exception {
        Procedure procedure = scenario.publish(3, null, DEADLINE, TERM_ENDS);
        Long callId = scenario.call(procedure).getId();
        CitizenUser citizen = new CitizenUser(System.nanoTime(), "rueck" + scenario.token, "kaiserslautern");
        MemberApplication withdrawn = service.apply(callId, new MemberCallService.Apply("Rück " + scenario.token,
            scenario.email("rueck"), citizen.id(), 1980, true, Map.of(), true));

        mvc.perform(post("/buerger/aufrufe/bewerbungen/" + withdrawn.getId() + "/zurueckziehen")
                .with(CitizenScenario.as(new CitizenUser(citizen.id() + 1, "fremd", "kaiserslautern"))).with(csrf()))
            .andExpect(status().isNotFound());
        mvc.perform(post("/buerger/aufrufe/bewerbungen/" + withdrawn.getId() + "/zurueckziehen")
                .with(CitizenScenario.as(citizen)).with(csrf()))
            .andExpect(status().is3xxRedirection());
        assertThat(applications.findById(withdrawn.getId()).orElseThrow().getStatus())
            .isEqualTo(ApplicationStatus.WITHDRAWN);

        // a new application after withdrawing is allowed; deleting the account removes undecided ones
        MemberApplication again = service.apply(callId, new MemberCallService.Apply("Rück " + scenario.token,
            scenario.email("rueck2"), citizen.id(), 1980, true, Map.of(), true));
        mine(citizen).accountDeleted(citizen);
        assertThat(applications.findById(again.getId())).isEmpty();
        assertThat(applications.findById(withdrawn.getId())).isEmpty();
    }

    @Test
    void demoData_oneCallOpenForApplications_andOneWithAConfirmedLotteryResult() throws Exception {
        ClockUtil.reset();
        List<MemberCall> demo = context.getBean(MemberCallRepository.class).findAll().stream()
            .filter(c -> c.getTitle().startsWith("Aufruf: ")).toList();
        MemberCall open = demo.stream().filter(c -> c.getTitle().contains("Beteiligungsbeirat")).findFirst()
            .orElseThrow();
        MemberCall drawn = demo.stream().filter(c -> c.getTitle().contains("Leitlinien")).findFirst().orElseThrow();

        assertThat(page(get("/oeffentlich/aufrufe/" + open.getId()))).contains("/buerger/aufrufe/" + open.getId()
            + "/bewerbung");
        assertThat(drawn.getResultMethod()).isEqualTo("lottery");
        String result = page(get("/oeffentlich/aufrufe/" + drawn.getId() + "/ergebnis"));
        assertThat(result).contains(service.latestRun(drawn.getId()).orElseThrow().getCommitmentHash());
        byte[] zip = mvc.perform(get("/oeffentlich/aufrufe/" + drawn.getId() + "/losung-1.zip"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(lottery.verify(zip).ok()).isTrue();
    }

    /** This module's "Meine Daten" contributor (the others have their own tests). */
    private PersonalDataContributor mine(CitizenUser citizen) {
        return personalData.stream().filter(c -> {
            PersonalDataSection section = c.personalData(citizen);
            return section != null && "applications".equals(section.key());
        }).findFirst().orElseThrow();
    }

    private String apply(String url, CitizenUser citizen, String birthYear, String age, boolean consent)
            throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(applyRequest(url, citizen, birthYear, age, consent))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder applyRequest(String url, CitizenUser citizen, String birthYear,
            String age, boolean consent) {
        MockHttpServletRequestBuilder request = post(url).with(CitizenScenario.as(citizen)).with(csrf())
            .param("name", "Erika " + scenario.token).param("email", "erika-" + scenario.token + "@example.org")
            .param("birthYear", birthYear).param("features[Alter]", age).param("residenceConfirmed", "true");
        return consent ? request.param("consent", "true") : request;
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}

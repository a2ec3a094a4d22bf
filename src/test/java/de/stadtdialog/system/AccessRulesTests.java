package de.stadtdialog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.shared.Roles;

/**
 * Who reaches what: our pages per role (MockMvc through the real security filter chain), and everything only a
 * running server shows (error pages, {@code /engine-rest} and the Camunda webapps API, which MockMvc does not
 * run) over real HTTP with real logins. The real logins use users of this class, so that locked-out users
 * (the engine locks an account for a few seconds after a wrong password) cannot disturb other tests.
 */
@StadtdialogSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTests {

    private static final String TENANT = "kaiserslautern";
    private static final String PASSWORD = "Zugriff-" + UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> createdUsers = new ArrayList<>();

    @BeforeAll
    void createUsers() {
        for (String role : Roles.ALL) {
            createUser(userFor(role), role);
        }
        createUser(userFor("mistyped"), Roles.OFFICER);
        createUser(userFor("several"), Roles.OFFICER);
        identityService.createMembership(userFor("several"), Roles.COORDINATION);
        identityService.createMembership(userFor("several"), Roles.SECRETARIAT);
        User several = identityService.createUserQuery().userId(userFor("several")).singleResult();
        several.setFirstName("Maximiliane Hildegard Wilhelmine");
        several.setLastName("von und zu Ober-Untersteinbach");
        identityService.saveUser(several);
    }

    @AfterAll
    void deleteUsers() {
        createdUsers.forEach(identityService::deleteUser);
    }

    /** Other tests expect the start-up deployment to be the only one. */
    @AfterEach
    void removeProbeDeployments() {
        repositoryService.createDeploymentQuery().deploymentName("AccessRulesDeployProbe").list().stream()
            .map(Deployment::getId).forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    // ---- our pages, per role ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(textBlock = """
        officer,      /aufgaben,              reaches
        officer,      /verfahren,             reaches
        officer,      /sitzungsreihen/neu,    reaches
        officer,      /postausgang,           reaches
        officer,      /start,                 reaches
        officer,      /oeffentlich/sitzungen, reaches
        coordination, /aufgaben,              reaches
        coordination, /verfahren,             reaches
        coordination, /sitzungsreihen/neu,    reaches
        coordination, /postausgang,           reaches
        coordination, /start,                 reaches
        coordination, /oeffentlich/sitzungen, reaches
        secretariat,  /aufgaben,              reaches
        secretariat,  /verfahren,             reaches
        secretariat,  /sitzungsreihen/neu,    forbidden
        secretariat,  /postausgang,           reaches
        secretariat,  /start,                 reaches
        secretariat,  /oeffentlich/sitzungen, reaches
        designer,     /aufgaben,              forbidden
        designer,     /verfahren,             forbidden
        designer,     /sitzungsreihen/neu,    forbidden
        designer,     /postausgang,           forbidden
        designer,     /start,                 reaches
        designer,     /oeffentlich/sitzungen, reaches
        admin,        /aufgaben,              forbidden
        admin,        /verfahren,             reaches
        admin,        /sitzungsreihen/neu,    forbidden
        admin,        /postausgang,           reaches
        admin,        /start,                 reaches
        admin,        /oeffentlich/sitzungen, reaches
        anonymous,    /aufgaben,              login
        anonymous,    /verfahren,             login
        anonymous,    /sitzungsreihen/neu,    login
        anonymous,    /postausgang,           login
        anonymous,    /start,                 login
        anonymous,    /oeffentlich/sitzungen, reaches
        """)
    void pagesPerRole(String role, String url, String expected) throws Exception {
        var request = get(url).accept(MediaType.TEXT_HTML);
        if (!"anonymous".equals(role)) {
            request.with(StaffLogin.as(role));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getRedirectedUrl();

        switch (expected) {
            case "reaches" -> {
                assertThat(status).as("%s on %s", role, url).isIn(200, 302);
                assertThat(location == null ? "" : location).as("not sent to the login").doesNotContain("/login");
            }
            case "forbidden" -> assertThat(status).as("%s on %s", role, url).isEqualTo(403);
            case "login" -> {
                assertThat(status).as("%s on %s", role, url).isEqualTo(302);
                assertThat(location).endsWith("/login");
            }
            default -> throw new IllegalArgumentException(expected);
        }
    }

    @Test
    void forbiddenPageExplainsInGerman() throws Exception {
        Browser designer = loggedIn(Roles.DESIGNER);

        HttpResponse<String> tasks = designer.get("/aufgaben");

        assertThat(tasks.statusCode()).isEqualTo(403);
        assertThat(tasks.body()).contains("Zugriff verweigert", "Ihre Rolle erlaubt diese Seite nicht");

        HttpResponse<String> planning = loggedIn(Roles.ADMIN).get("/sitzungsreihen/neu");

        assertThat(planning.statusCode()).isEqualTo(403);
        assertThat(planning.body()).contains("Zugriff verweigert");
    }

    @Test
    void unknownPageIsAGerman404ForStaff() throws Exception {
        HttpResponse<String> missing = loggedIn(Roles.OFFICER).get("/gibt-es-nicht");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Seite nicht gefunden", "Diese Seite gibt es nicht");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginEvenForUnknownPages() throws Exception {
        mvc.perform(get("/gibt-es-nicht").accept(MediaType.TEXT_HTML))
            .andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void scriptsAndNonBrowserClientsGet401InsteadOfTheLoginPage() throws Exception {
        mvc.perform(get("/verfahren").header("X-Requested-With", "XMLHttpRequest"))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/verfahren").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }

    // ---- login, logout, CSRF ------------------------------------------------------------------------------

    @Test
    void wrongPasswordReturnsToTheLoginWithAGermanMessage() throws Exception {
        mvc.perform(formLogin("/login").user(userFor("mistyped")).password("falsch"))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/login?error"));

        mvc.perform(get("/login").param("error", ""))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Benutzername oder Passwort ist falsch.")));
    }

    @Test
    void rightPasswordLogsInAndLeadsToTheStartPage() throws Exception {
        mvc.perform(formLogin("/login").user(userFor(Roles.SECRETARIAT)).password(PASSWORD))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/start"));
    }

    @Test
    void staffWithSeveralRolesAndLongNamesCanLogIn() throws Exception {
        // the session table keeps the principal's name; it must be the short user id
        Browser browser = loggedIn("several");

        HttpResponse<String> start = browser.get("/start");

        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("Willkommen, Maximiliane Hildegard Wilhelmine von und zu Ober-Untersteinbach");
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/logout").with(StaffLogin.as(Roles.OFFICER))).andExpect(status().isForbidden());
        mvc.perform(post("/sitzungsreihen/neu").with(StaffLogin.as(Roles.OFFICER)).param("title", "Ohne Token"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/aufgaben/unbekannt/uebernehmen").with(StaffLogin.as(Roles.OFFICER)))
            .andExpect(status().isForbidden());

        mvc.perform(post("/logout").with(StaffLogin.as(Roles.OFFICER)).with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/login?logout"));
    }

    // ---- /engine-rest (HTTP basic; what a user may do is decided by the engine's authorizations) ----------

    @Test
    void engineRestWantsBasicCredentials() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(url("/engine-rest/process-definition")));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
            challenge -> assertThat(challenge).startsWith("Basic").contains("Stadtdialog"));

        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(url("/engine-rest/process-definition"))
            .header("Authorization", basic(userFor("mistyped"), "falsch")));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestIgnoresTheBrowserSession() throws Exception {
        // no session cookie counts there, so a foreign page cannot make a logged-in browser call it (no CSRF)
        HttpResponse<String> withSession = loggedIn(Roles.ADMIN).get("/engine-rest/process-definition");

        assertThat(withSession.statusCode()).isEqualTo(401);
    }

    @Test
    void officerReadsDefinitionsButMayNotDeploy() throws Exception {
        HttpResponse<String> definitions = send(HttpRequest.newBuilder(url("/engine-rest/process-definition"))
            .header("Authorization", basic(userFor(Roles.OFFICER), PASSWORD)));

        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"SessionCycleProcess\"");

        HttpResponse<String> deploy = deploy(userFor(Roles.OFFICER), probeProcess());

        assertThat(deploy.statusCode()).isEqualTo(403);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("AccessRulesDeployProbe")
            .count()).isZero();
    }

    @Test
    void designerDeploysAValidModelAndGetsTheParseErrorForABrokenOne() throws Exception {
        HttpResponse<String> deployed = deploy(userFor(Roles.DESIGNER), probeProcess());

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        assertThat(json.readTree(deployed.body()).path("deployedProcessDefinitions").toString())
            .contains("AccessRulesDeployProbe");
        assertThat(repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey("AccessRulesDeployProbe").count()).isEqualTo(1);
        removeProbeDeployments();

        String broken = probeProcess().replace("<bpmn:endEvent id=\"End\" />", "");
        HttpResponse<String> refused = deploy(userFor(Roles.DESIGNER), broken);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ENGINE-09005").contains("End");
        assertThat(repositoryService.createDeploymentQuery().deploymentName("AccessRulesDeployProbe").count())
            .isZero();
    }

    // ---- Camunda webapps: one login, apps by role ---------------------------------------------------------

    @Test
    void camundaWebappsOpenTheAppsOfTheRole() throws Exception {
        assertThat(authorizedApps(Roles.OFFICER)).containsExactly("tasklist");
        assertThat(authorizedApps(Roles.DESIGNER)).containsExactly("cockpit");
        assertThat(authorizedApps(Roles.ADMIN)).containsExactlyInAnyOrder("admin", "cockpit", "tasklist");
    }

    private List<String> authorizedApps(String role) throws Exception {
        Browser browser = loggedIn(role);
        // like a browser, first open a webapp page: that hands our login over to the webapps
        HttpResponse<String> welcome = browser.get("/camunda/app/welcome/default/");
        assertThat(welcome.statusCode()).as("%s opens the welcome app", role).isEqualTo(200);
        HttpResponse<String> response = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(response.statusCode()).as("%s: %s", role, response.body()).isEqualTo(200);
        JsonNode user = json.readTree(response.body());
        assertThat(user.path("userId").asText()).isEqualTo(userFor(role));
        List<String> apps = new ArrayList<>();
        // "welcome" is the landing page every user has
        user.path("authorizedApps").forEach(app -> {
            if (!"welcome".equals(app.asText())) {
                apps.add(app.asText());
            }
        });
        return apps;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private String userFor(String role) {
        // the engine accepts letters and digits only as user ids
        return "zugriff" + role + suffix;
    }

    private void createUser(String id, String group) {
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName(group);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        createdUsers.add(id);
        identityService.createMembership(id, group);
        identityService.createTenantUserMembership(TENANT, id);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> deploy(String user, String bpmn) throws IOException, InterruptedException {
        String boundary = "----stadtdialog" + UUID.randomUUID();
        String body = part(boundary, "deployment-name", null, "AccessRulesDeployProbe")
            + part(boundary, "deployment-source", null, "AccessRulesTests")
            + part(boundary, "data", "access-rules-probe.bpmn", bpmn)
            + "--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(url("/engine-rest/deployment/create"))
            .header("Authorization", basic(user, PASSWORD))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
            + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
            + "\r\n\r\n" + value + "\r\n";
    }

    private static String probeProcess() {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="Definitions_AccessRulesDeployProbe" targetNamespace="https://stadtdialog.de/test">
              <bpmn:process id="AccessRulesDeployProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow" sourceRef="Start" targetRef="End" />
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;
    }

    /** A real browser session: form login with the CSRF token of the login page, cookies kept. */
    private Browser loggedIn(String role) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.get("/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        HttpResponse<String> login = browser.postForm("/login", Map.of("username", userFor(role),
            "password", PASSWORD, "_csrf", token.group(1)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
            location -> assertThat(location).endsWith("/start"));
        return browser;
    }

    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html,application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

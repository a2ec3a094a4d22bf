package de.stadtdialog.council.internal;

import static de.stadtdialog.council.CouncilDecisionProcess.*;
import static de.stadtdialog.council.CouncilScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import com.sun.net.httpserver.HttpServer;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.CouncilScenario;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.Motion;
import de.stadtdialog.procedure.Procedure;

/**
 * The poller against a council information system stubbed in the test: a local HTTP server serving OParl 1.1
 * JSON (System → body list → paginated paper list → consultations with meeting and agenda item as links).
 */
@StadtdialogSpringTest
class RisPollerTests {

    private static final Instant NOW = berlin("2027-02-01T09:00");

    @Autowired
    ApplicationContext context;
    @Autowired
    RisPoller poller;
    @Autowired
    RisPollStateRepository states;
    @Autowired
    CouncilService council;
    @Autowired
    TaskService taskService;
    @Autowired
    MockMvc mvc;

    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());
    private HttpServer ris;
    private String base;
    private CouncilScenario scenario;
    /** Each test its own municipality's poll state (the lease and "modified since" are per municipality). */
    private String tenant;

    @BeforeEach
    void setUp() throws IOException {
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario = new CouncilScenario(context);
        ris = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ris.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            requested.add(path);
            String body = pages.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        ris.start();
        base = "http://127.0.0.1:" + ris.getAddress().getPort();
        tenant = CouncilScenario.TENANT;
        states.deleteAll();
    }

    @AfterEach
    void tearDown() {
        ris.stop(0);
        states.deleteAll(); // other tests' calendar pages would show this test's RIS status
        ClockUtil.reset();
    }

    @Test
    void paperWithOurReference_schedulesTheMotion_thenTakesTheResult_andAPollTwiceChangesNothing() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, "Stadtrat");
        Motion motion = scenario.motion(procedure);
        serveRis(motion.getReference(), "2027-03-04T17:00:00+01:00", null, null);

        RisPoller.Outcome first = poller.poll(tenant, URI.create(base + "/oparl"));

        assertThat(first.failed()).as(first.message()).isFalse();
        assertThat(first.scheduled()).isEqualTo(1);
        assertThat(requested).as("the paper list was followed to its second page")
            .anyMatch(path -> path.startsWith("/oparl/paper2?page=2"));
        assertThat(taskService.createTaskQuery().processVariableValueEquals(VAR_MOTION_ID, motion.getId())
            .count()).as("scheduled: the process waits for the meeting").isZero();
        assertThat(council.meetingOf(council.currentConsultations(scenario.motion(procedure)).get(0)))
            .hasValueSatisfying(meeting -> {
                assertThat(meeting.getStartsAt()).isEqualTo(berlin("2027-03-04T17:00"));
                assertThat(meeting.getLocation()).isEqualTo("Rathaus, Großer Ratssaal");
            });
        assertThat(states.findById(tenant)).hasValueSatisfying(state -> {
            assertThat(state.isLastRunFailed()).isFalse();
            assertThat(state.getLastMessage()).startsWith("1 Beratung(en) terminiert");
        });

        requested.clear();
        RisPoller.Outcome again = poller.poll(tenant, URI.create(base + "/oparl"));
        assertThat(again.scheduled()).isZero();
        assertThat(again.results()).isZero();
        assertThat(requested).as("the second poll asks only for what changed since the first")
            .anyMatch(path -> path.startsWith("/oparl/paper?modified_since="));

        ClockUtil.setCurrentTime(Date.from(berlin("2027-03-04T20:00")));
        scenario.executeJob(procedure, TIMER_MEETING_BEGINS);
        serveRis(motion.getReference(), "2027-03-04T17:00:00+01:00", "mit Änderungen beschlossen",
            "Abschnitt 4 wird um Beispiele ergänzt.");
        states.deleteAll(); // the stub's papers carry no modification date: ask for everything again

        RisPoller.Outcome result = poller.poll(tenant, URI.create(base + "/oparl"));

        assertThat(result.results()).as(result.message()).isEqualTo(1);
        Motion decided = scenario.motion(procedure);
        assertThat(decided.getDecision()).isEqualTo(ConsultationResult.ADOPTED_WITH_CHANGES);
        assertThat(scenario.job(procedure, TASK_PUBLISH_DECISION)).as("on to the publication").isNotNull();
        assertThat(poller.poll(tenant, URI.create(base + "/oparl")).results()).as("taken over once").isZero();
    }

    @Test
    void risDown_theFailureIsShownToTheSecretariat_andNothingChanges() throws Exception {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, "Stadtrat");
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }

        RisPoller.Outcome outcome = poller.poll(tenant, URI.create("http://127.0.0.1:" + closedPort + "/oparl"));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.message()).startsWith("Abfrage fehlgeschlagen");
        assertThat(states.findById(tenant)).hasValueSatisfying(state -> {
            assertThat(state.isLastRunFailed()).isTrue();
            assertThat(state.getLastSuccessAt()).isNull();
        });
        assertThat(scenario.task(procedure, TASK_SCHEDULE_CONSULTATION)).as("still for the secretariat").isNotNull();

        String calendar = mvc.perform(get("/rat/kalender").with(StaffLogin.as("secretariat")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(calendar).select(".ris-status.error").text())
            .startsWith("Ratsinformationssystem (OParl): Abfrage fehlgeschlagen")
            .contains("bitte von Hand erfassen");
    }

    @Test
    void aMeetingTooSoonForTheNoticePeriod_isRefusedLikeManualEntry_andReported() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, "Stadtrat");
        Motion motion = scenario.motion(procedure);
        serveRis(motion.getReference(), "2027-02-03T17:00:00+01:00", null, null);

        RisPoller.Outcome outcome = poller.poll(tenant, URI.create(base + "/oparl"));

        assertThat(outcome.scheduled()).isZero();
        assertThat(outcome.refused()).singleElement().asString().startsWith(motion.getReference());
        assertThat(scenario.task(procedure, TASK_SCHEDULE_CONSULTATION)).isNotNull();
    }

    @Test
    void aPaperWhoseMeetingLinkIsBroken_isReported_andThePollStillSucceeds() {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, "Stadtrat");
        Motion motion = scenario.motion(procedure);
        serveRis(motion.getReference(), "2027-03-04T17:00:00+01:00", null, null);
        pages.remove("/oparl/meeting/1");

        RisPoller.Outcome outcome = poller.poll(tenant, URI.create(base + "/oparl"));

        assertThat(outcome.failed()).as(outcome.message()).isFalse();
        assertThat(outcome.refused()).singleElement().asString()
            .startsWith(motion.getReference() + ": nicht lesbar");
        assertThat(scenario.task(procedure, TASK_SCHEDULE_CONSULTATION)).isNotNull();
    }

    @Test
    void germanResultWordingsOfCouncilSystems() {
        assertThat(RisPoller.result("beschlossen")).isEqualTo(ConsultationResult.ADOPTED);
        assertThat(RisPoller.result("Einstimmig beschlossen")).isEqualTo(ConsultationResult.ADOPTED);
        assertThat(RisPoller.result("mit Änderungen beschlossen")).isEqualTo(ConsultationResult.ADOPTED_WITH_CHANGES);
        assertThat(RisPoller.result("geändert beschlossen")).isEqualTo(ConsultationResult.ADOPTED_WITH_CHANGES);
        assertThat(RisPoller.result("abgelehnt")).isEqualTo(ConsultationResult.REJECTED);
        assertThat(RisPoller.result("vertagt")).isEqualTo(ConsultationResult.DEFERRED);
        assertThat(RisPoller.result("zurückverwiesen")).isEqualTo(ConsultationResult.REFERRED_BACK);
        assertThat(RisPoller.result("zur Kenntnis genommen")).isNull();
        assertThat(RisPoller.result(null)).isNull();
    }

    /** System → bodies → papers on two pages (ours on the second) → consultation → meeting, agenda item. */
    private void serveRis(String reference, String meetingStart, String result, String resolutionText) {
        pages.put("/oparl", """
            {"id": "%1$s/oparl", "type": "https://schema.oparl.org/1.1/System", "oparlVersion":
             "https://schema.oparl.org/1.1/", "body": "%1$s/oparl/body"}""".formatted(base));
        pages.put("/oparl/body", """
            {"data": [{"id": "%1$s/oparl/body/1", "type": "https://schema.oparl.org/1.1/Body", "name": "Stadt",
             "paper": "%1$s/oparl/paper"}], "links": {}}""".formatted(base));
        // the paper list has two pages, ours on the second
        pages.put("/oparl/paper", """
            {"data": [{"id": "%1$s/oparl/paper/1", "type": "https://schema.oparl.org/1.1/Paper",
             "reference": "BV/1999/0001", "consultation": []}],
             "links": {"next": "%1$s/oparl/paper2?page=2"}}""".formatted(base));
        pages.put("/oparl/paper2", """
            {"data": [{"id": "%1$s/oparl/paper/2", "type": "https://schema.oparl.org/1.1/Paper",
             "reference": "%2$s", "consultation": [{"id": "%1$s/oparl/consultation/1",
             "meeting": "%1$s/oparl/meeting/1", "agendaItem": "%1$s/oparl/agendaitem/1"}]}],
             "links": {}}""".formatted(base, reference));
        pages.put("/oparl/meeting/1", """
            {"id": "%1$s/oparl/meeting/1", "type": "https://schema.oparl.org/1.1/Meeting", "start": "%2$s",
             "location": {"id": "%1$s/oparl/location/1", "description": "Rathaus, Großer Ratssaal"}}"""
            .formatted(base, meetingStart));
        pages.put("/oparl/agendaitem/1", result == null ? """
            {"id": "%1$s/oparl/agendaitem/1", "type": "https://schema.oparl.org/1.1/AgendaItem", "number": "Ö 5"}"""
            .formatted(base) : """
            {"id": "%1$s/oparl/agendaitem/1", "type": "https://schema.oparl.org/1.1/AgendaItem", "number": "Ö 5",
             "result": "%2$s", "resolutionText": "%3$s"}""".formatted(base, result, resolutionText));
    }
}

package de.stadtdialog.council;

import static de.stadtdialog.council.CouncilDecisionProcess.*;
import static de.stadtdialog.council.CouncilScenario.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.portal.PublicDate;
import de.stadtdialog.portal.PublicDates;
import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;

/** The public council pages and what the council module gives the portal (offers, dates), without login. */
@StadtdialogSpringTest
class CouncilPublicPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    List<PublicPhaseOffer> offers;
    @Autowired
    List<PublicDates> dates;

    private CouncilScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CouncilScenario(context);
    }

    @Test
    void aDraftIsNotPublic_aScheduledMotionShowsItsNextMeeting_theDecisionOnceItIsPublished() throws Exception {
        Procedure procedure = scenario.start();
        Motion draft = scenario.motion(procedure);
        mvc.perform(get("/oeffentlich/rat/vorlagen/" + draft.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/oeffentlich/rat/vorlagen/keine-zahl")).andExpect(status().isNotFound());
        assertThat(offersFor(procedure)).isEmpty();

        Map<String, Object> values = new java.util.HashMap<>(scenario.draft(true, "Abschnitt 3 <b>weicht</b> ab."));
        values.put("participationResults", "142 Kommentare <script>alert(1)</script>");
        scenario.submit(procedure, TASK_DRAFT_MOTION, "officer", values);
        scenario.submit(procedure, TASK_APPROVE_MOTION, "coordination",
            Map.of(VAR_MOTION_DECISION, MOTION_APPROVE, "reviewComment", "Interne Anmerkung der Amtsleitung"));
        scenario.submit(procedure, TASK_SET_CONSULTATION_SEQUENCE, "secretariat",
            CouncilScenario.sequence(null, null, "Stadtrat"));
        LocalDateTime meetingAt = LocalDate.now(CouncilDates.ZONE).plusDays(14).atTime(17, 0);
        scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat",
            CouncilScenario.meeting(meetingAt.toString()));
        String meetingText = CouncilDates.dateTime(CouncilDates.berlin(meetingAt));

        String scheduled = page("/oeffentlich/rat/vorlagen/" + draft.getId());
        assertThat(scheduled).contains(scenario.subject(), draft.getReference(), "Der Rat hat über diese Vorlage noch "
            + "nicht entschieden.", meetingText, "142 Kommentare &lt;script&gt;alert(1)&lt;/script&gt;",
            "href=\"https://www.kaiserslautern.de/leitlinien/ergebnisbericht.pdf\"", "<caption>Beratungsfolge");
        assertThat(scheduled).doesNotContain("<script>alert(1)", "Interne Anmerkung", "coordination");
        assertThat(offersFor(procedure)).singleElement().satisfies(offer -> {
            assertThat(offer.labelKey()).isEqualTo("council.public.nextMeeting");
            assertThat(offer.text()).isEqualTo("Stadtrat – " + meetingText);
            assertThat(offer.href()).isEqualTo("/oeffentlich/rat/vorlagen/" + draft.getId());
        });

        scenario.executeJob(procedure, TIMER_MEETING_BEGINS);
        scenario.submit(procedure, TASK_RECORD_RESULT, "secretariat", result(ConsultationResult.ADOPTED_WITH_CHANGES,
            "Abschnitt 6 nennt Jugendliche ausdrücklich.", null));
        assertThat(page("/oeffentlich/rat/vorlagen/" + draft.getId())).as("not before publication")
            .contains("noch nicht entschieden");
        scenario.executeJob(procedure, TASK_PUBLISH_DECISION);

        String decided = page("/oeffentlich/rat/vorlagen/" + draft.getId());
        assertThat(decided).contains("<h2>Ratsbeschluss</h2>", "mit Änderungen beschlossen",
            "Stadtrat am " + CouncilDates.date(CouncilDates.berlin(meetingAt)),
            "Änderungen: Abschnitt 6 nennt Jugendliche ausdrücklich.",
            "Abschnitt 3 &lt;b&gt;weicht&lt;/b&gt; ab.");
        assertThat(offersFor(procedure)).singleElement().satisfies(offer -> {
            assertThat(offer.labelKey()).isEqualTo("council.public.decision");
            assertThat(offer.text()).startsWith("mit Änderungen beschlossen – Stadtrat, ");
        });
    }

    @Test
    void meetingPageAndPublicCalendar_showOnlyPublicFacts() throws Exception {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, "Stadtrat");
        LocalDateTime meetingAt = LocalDate.now(CouncilDates.ZONE).plusDays(21).atTime(16, 30);
        scenario.submit(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat",
            CouncilScenario.meeting(meetingAt.toString()));
        Motion motion = scenario.motion(procedure);
        CouncilService council = context.getBean(CouncilService.class);
        Meeting meeting = council.meetingOf(council.currentConsultations(motion).get(0)).orElseThrow();

        String page = page("/oeffentlich/rat/sitzungen/" + meeting.getId());
        assertThat(page).contains("<h1>Stadtrat</h1>", CouncilDates.dateTime(CouncilDates.berlin(meetingAt)),
            "Rathaus, Großer Ratssaal", "href=\"/oeffentlich/rat/vorlagen/" + motion.getId() + "\"",
            motion.getReference());
        assertThat(page).doesNotContain("/verfahren/");

        String ics = mvc.perform(get("/oeffentlich/rat/kalender.ics").param("mandant", "kaiserslautern"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).contains("UID:council-meeting-" + meeting.getId() + "@stadtdialog\r\n",
            "SUMMARY:Stadtrat – Sitzung\r\n");
        assertThat(ics.replace("\r\n ", "")).contains(motion.getReference() + " " + scenario.subject());
        mvc.perform(get("/oeffentlich/rat/kalender.ics").param("mandant", "nirgendwo")).andExpect(status().isNotFound());

        List<PublicDate> portalDates = dates.stream().flatMap(d -> d.datesOf("kaiserslautern").stream())
            .filter(d -> d.key().equals("ratssitzung-" + meeting.getId())).toList();
        assertThat(portalDates).singleElement().satisfies(date -> {
            assertThat(date.startsAt()).isEqualTo(CouncilDates.berlin(meetingAt));
            assertThat(date.path()).isEqualTo("/oeffentlich/rat/sitzungen/" + meeting.getId());
            assertThat(date.description()).contains(motion.getReference());
        });
    }

    private List<PublicOffer> offersFor(Procedure procedure) {
        Procedure current = scenario.reload(procedure);
        return offers.stream().flatMap(o -> o.offersFor(current).stream())
            .filter(o -> o.labelKey().startsWith("council.")).toList();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}

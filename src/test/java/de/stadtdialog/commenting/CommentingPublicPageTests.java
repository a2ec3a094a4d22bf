package de.stadtdialog.commenting;

import static de.stadtdialog.commenting.CommentingScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;
import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;

/** The public draft page and the citizens' comment form, including every kind of bad input. */
@StadtdialogSpringTest
class CommentingPublicPageTests {

    private static final Instant NOW = berlin("2027-06-01T09:00");
    private static final Instant OPENS = berlin("2027-06-02T09:00");
    private static final Instant CLOSES = berlin("2027-06-23T09:00");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    CommentingService commenting;
    @Autowired
    CommentRepository comments;
    @Autowired
    List<PublicPhaseOffer> offers;
    @Autowired
    List<PersonalDataContributor> personalData;

    private CommentingScenario scenario;
    private Procedure procedure;
    private Draft draft;
    private CitizenUser dora;
    private CitizenUser emil;
    private List<DraftParagraph> paragraphs;

    @BeforeEach
    void prepare() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario = new CommentingScenario(context);
        CitizenScenario citizens = new CitizenScenario(context);
        procedure = scenario.openForComment(OPENS, "P21D");
        draft = scenario.draft(procedure);
        paragraphs = scenario.paragraphs(procedure);
        dora = CitizenScenario.user(citizens.confirmed("dora"));
        emil = CitizenScenario.user(citizens.confirmed("emil"));
        ClockUtil.setCurrentTime(Date.from(OPENS.plus(Duration.ofDays(1))));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void draftPage_paragraphAnchorsCountsThreads_ownPendingMarked_othersPendingHidden() throws Exception {
        Comment approved = commenting.submit(dora, draft.getId(), paragraphs.get(0).getId(), null, "Sehr gut formuliert.");
        scenario.approve(approved);
        Comment reply = commenting.submit(emil, draft.getId(), null, approved.getId(), "Finde ich nicht.");
        scenario.approve(reply);
        commenting.submit(emil, draft.getId(), paragraphs.get(0).getId(), null, "Emils offener Kommentar");
        commenting.submit(dora, draft.getId(), null, null, "Doras offener Kommentar");

        String anonymous = page("");
        assertThat(anonymous).contains("id=\"absatz-1\"", "id=\"absatz-3\"", "2 Kommentare", "keine Kommentare",
            "Sehr gut formuliert.", "Finde ich nicht.", "id=\"kommentar-" + reply.getId() + "\"",
            "Kurz und einfach erklärt", "Anmelden, um zu kommentieren", "Kommentieren Sie bis 23.06.2027, 09:00 Uhr")
            .doesNotContain("Emils offener Kommentar", "Doras offener Kommentar", "wartet auf Freigabe");

        String asDora = mvc.perform(get("/oeffentlich/entwuerfe/" + draft.getId()).with(CitizenScenario.as(dora)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asDora).contains("Doras offener Kommentar", "wartet auf Freigabe", "name=\"text\"",
            "maxlength=\"2000\"", "noch 2000 Zeichen").doesNotContain("Emils offener Kommentar");
    }

    @Test
    void sortByMostDiscussed_putsTheThreadWithMoreRepliesFirst() throws Exception {
        Comment quiet = commenting.submit(dora, draft.getId(), null, null, "Ruhiger Kommentar");
        Comment busy = commenting.submit(dora, draft.getId(), null, null, "Umstrittener Kommentar");
        scenario.approve(busy);
        scenario.approve(quiet);
        Comment answer = commenting.submit(emil, draft.getId(), null, busy.getId(), "Widerspruch");
        scenario.approve(answer);
        ClockUtil.setCurrentTime(Date.from(OPENS.plus(Duration.ofDays(2))));
        Comment newest = commenting.submit(emil, draft.getId(), null, null, "Neuester Kommentar");
        scenario.approve(newest);

        String newestFirst = page("?sortierung=neueste");
        assertThat(newestFirst.indexOf("Neuester Kommentar")).isLessThan(newestFirst.indexOf("Umstrittener Kommentar"));
        String discussed = page("?sortierung=meistdiskutiert");
        assertThat(discussed.indexOf("Umstrittener Kommentar")).isLessThan(discussed.indexOf("Neuester Kommentar"));
    }

    @Test
    void manyComments_tenThreadsPerParagraphUntilTheReaderAsksForAll() throws Exception {
        Long paragraphId = paragraphs.get(0).getId();
        for (int i = 1; i <= 12; i++) {
            ClockUtil.setCurrentTime(Date.from(OPENS.plus(Duration.ofHours(i))));
            commenting.addWorkshopInput(draft.getId(), paragraphId, "Werkstatt", "Werkstatt-Beitrag Nr. " + i + ".",
                "officer");
        }

        String capped = page("");
        assertThat(capped).contains("12 Kommentare", "Werkstatt-Beitrag Nr. 12.", "Werkstatt-Beitrag Nr. 3.",
            "2 weitere Kommentare zu Absatz 1 anzeigen", "alle=" + paragraphId)
            .doesNotContain("Werkstatt-Beitrag Nr. 2.", "Werkstatt-Beitrag Nr. 1.");
        String all = page("?alle=" + paragraphId);
        assertThat(all).contains("Werkstatt-Beitrag Nr. 1.", "Werkstatt-Beitrag Nr. 12.")
            .doesNotContain("weitere Kommentare zu Absatz 1");
    }

    @Test
    void comment_isStoredPending_andRedirectsToIt() throws Exception {
        mvc.perform(post("/buerger/kommentare/" + draft.getId()).with(csrf()).with(CitizenScenario.as(dora))
                .param("paragraphId", paragraphs.get(1).getId().toString()).param("text", "Mein Vorschlag: mehr Zeit.")
                .param("aktion", "absenden"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/oeffentlich/entwuerfe/" + draft.getId() + "#kommentar-*"));

        assertThat(commentsOf(dora)).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(CommentStatus.PENDING);
            assertThat(c.getParagraphId()).isEqualTo(paragraphs.get(1).getId());
            assertThat(scenario.moderation(c)).isNotNull();
        });
    }

    @Test
    void preview_showsTheTextEscaped_andStoresNothing() throws Exception {
        String html = mvc.perform(post("/buerger/kommentare/" + draft.getId()).with(csrf()).with(CitizenScenario.as(dora))
                .param("text", "<b>fett</b> & <script>alert('x')</script>").param("aktion", "vorschau"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Vorschau", "&lt;b&gt;fett&lt;/b&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
            .doesNotContain("<script>alert");
        assertThat(commentsOf(dora)).isEmpty();
    }

    @Test
    void scriptInAnApprovedComment_isRenderedInert() throws Exception {
        Comment comment = commenting.submit(dora, draft.getId(), paragraphs.get(0).getId(), null,
            "<script>alert(1)</script><img src=x onerror=alert(2)>");
        scenario.approve(comment);

        String html = page("");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
            .doesNotContain("<script>alert(1)", "<img src=x");
    }

    @Test
    void emptyComment_isRefusedNextToTheField() throws Exception {
        String html = postComment(dora, null, "   \n  ").andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();

        assertThat(html).contains("Ihr Kommentar wurde nicht gespeichert", "Bitte schreiben Sie Ihren Kommentar.",
            "aria-invalid=\"true\"", "text-error");
        assertThat(commentsOf(dora)).isEmpty();
    }

    @Test
    void overLongComment_isRefused_andTheTextKept() throws Exception {
        String text = "x".repeat(Comment.MAX_LENGTH + 1);
        String html = postComment(dora, null, text).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();

        assertThat(html).contains("2001 Zeichen lang; erlaubt sind höchstens 2000 Zeichen", text);
        assertThat(commentsOf(dora)).isEmpty();
    }

    @Test
    void exactlyTheLimit_isAccepted_withWindowsLineEndsCountedOnce() throws Exception {
        String text = "a\r\n" + "b".repeat(Comment.MAX_LENGTH - 2);
        postComment(dora, null, text).andExpect(status().is3xxRedirection());
        assertThat(commentsOf(dora)).singleElement().extracting(Comment::getText).asString().hasSize(Comment.MAX_LENGTH);
    }

    @Test
    void commentAfterTheDeadline_isRefusedWithTheDate_andNothingStored() throws Exception {
        ClockUtil.setCurrentTime(Date.from(CLOSES.plus(Duration.ofMinutes(1))));

        String html = postComment(dora, paragraphs.get(0).getId(), "Noch schnell ein Kommentar")
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Die Kommentierungsfrist ist am 23.06.2027, 09:00 Uhr abgelaufen. Ihr Kommentar "
            + "wurde nicht gespeichert.");
        assertThat(commentsOf(dora)).isEmpty();
        assertThat(scenario.instance(procedure)).isNotNull();
    }

    @Test
    void commentOnAParagraphOfAnotherDraft_is404_andNothingStored() throws Exception {
        Procedure other = new CommentingScenario(context).openForComment(OPENS.plus(Duration.ofDays(1)), "P21D");
        ClockUtil.setCurrentTime(Date.from(OPENS.plus(Duration.ofDays(2))));
        Long foreignParagraph = scenario.paragraphs(other).get(0).getId();

        postComment(dora, foreignParagraph, "Falscher Bezug").andExpect(status().isNotFound());
        mvc.perform(post("/buerger/kommentare/" + draft.getId()).with(csrf()).with(CitizenScenario.as(dora))
                .param("parentId", "999999999").param("text", "Antwort ins Leere"))
            .andExpect(status().isNotFound());

        assertThat(commentsOf(dora)).isEmpty();
    }

    @Test
    void notLoggedIn_isSentToTheCitizenLogin_andUnpublishedDraftsAre404() throws Exception {
        mvc.perform(post("/buerger/kommentare/" + draft.getId()).with(csrf()).param("text", "Hallo"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/buerger/anmelden"));

        Procedure unpublished = new CommentingScenario(context).start();
        Draft hidden = scenario.draft(unpublished);
        mvc.perform(get("/oeffentlich/entwuerfe/" + hidden.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/oeffentlich/entwuerfe/987654321")).andExpect(status().isNotFound());
    }

    @Test
    void projectPageOffer_linksToTheDraftWhileOpen() {
        List<PublicOffer> shown = offers.stream().flatMap(o -> o.offersFor(scenario.reload(procedure)).stream()).toList();
        assertThat(shown).singleElement().satisfies(offer -> {
            assertThat(offer.labelKey()).isEqualTo("commenting.offer.comment");
            assertThat(offer.href()).isEqualTo("/oeffentlich/entwuerfe/" + draft.getId());
            assertThat(offer.text()).endsWith("bis 23.06.2027, 09:00 Uhr");
        });
    }

    @Test
    void myData_listsComments_andDeletionKeepsThemWithoutAuthor() {
        Comment comment = commenting.submit(dora, draft.getId(), null, null, "Für Meine Daten");
        scenario.approve(comment);

        PersonalDataSection section = personalData.stream().map(c -> c.personalData(dora))
            .filter(s -> s != null && "comments".equals(s.key())).findFirst().orElseThrow();
        assertThat(section.entries()).singleElement().satisfies(entry -> assertThat(entry)
            .containsEntry("Text", "Für Meine Daten").containsEntry("Status", "veröffentlicht")
            .containsEntry("Entwurf", draft.getTitle()));

        personalData.forEach(c -> {
            if (c.getClass().getSimpleName().startsWith("CommentsPersonalData")) {
                c.accountDeleted(dora);
            }
        });

        Comment kept = scenario.comment(comment.getId());
        assertThat(kept.getAuthorCitizenId()).isNull();
        assertThat(kept.isAuthorPseudonymised()).isTrue();
        assertThat(kept.getText()).isEqualTo("Für Meine Daten");
    }

    private String page(String query) throws Exception {
        return mvc.perform(get("/oeffentlich/entwuerfe/" + draft.getId() + query)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    }

    private org.springframework.test.web.servlet.ResultActions postComment(CitizenUser citizen, Long paragraphId,
            String text) throws Exception {
        var request = post("/buerger/kommentare/" + draft.getId()).with(csrf()).with(CitizenScenario.as(citizen))
            .param("text", text).param("aktion", "absenden");
        if (paragraphId != null) {
            request.param("paragraphId", paragraphId.toString());
        }
        return mvc.perform(request);
    }

    private List<Comment> commentsOf(CitizenUser citizen) {
        return comments.findByAuthorCitizenIdOrderByCreatedAtAsc(citizen.id());
    }
}

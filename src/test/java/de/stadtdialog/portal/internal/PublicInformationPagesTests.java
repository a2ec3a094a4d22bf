package de.stadtdialog.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;

/**
 * The start page, the pages the footer links to (accessibility statement, Leichte Sprache, privacy and imprint),
 * and the layout every page shares: skip link, landmarks, one h1, the footer links, German and English.
 */
@StadtdialogSpringTest
class PublicInformationPagesTests {

    private static final Pattern H1 = Pattern.compile("<h1[ >]");

    @Autowired
    MockMvc mvc;

    @Test
    void theStartPageLeadsToProjectsSessionsCitizenAccountsAndTheStaffLogin() throws Exception {
        String index = page(get("/"));

        assertThat(index).contains("<title>Stadtdialog – Bürgerbeteiligung</title>",
            "href=\"/oeffentlich/vorhaben\"", "href=\"/oeffentlich/sitzungen\"", "href=\"/buerger/registrieren\"",
            "href=\"/buerger/anmelden\"", "href=\"/login\"", "href=\"/oeffentlich/leichte-sprache\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/oeffentlich/vorhaben", "/oeffentlich/sitzungen",
        "/oeffentlich/barrierefreiheit", "/oeffentlich/leichte-sprache", "/oeffentlich/datenschutz"})
    void everyPublicPageHasTheSharedLandmarksAndFooterLinks(String url) throws Exception {
        assertLayout(page(get(url)));
    }

    @ParameterizedTest
    @CsvSource({"officer, /aufgaben", "secretariat, /verfahren", "officer, /vorhaben/verwalten",
        "coordination, /sitzungsreihen/neu", "admin, /postausgang", "designer, /start"})
    void staffPagesHaveThemToo(String role, String url) throws Exception {
        String page = page(get(url).with(StaffLogin.as(role)));
        assertLayout(page);
    }

    @Test
    void theAccessibilityStatementNamesStatusLimitsFeedbackAndTheArbitrationBoard() throws Exception {
        String statement = page(get("/oeffentlich/barrierefreiheit"));

        assertThat(statement).contains("<h1>Erklärung zur Barrierefreiheit</h1>", "BITV 2.0",
            "Stand der Vereinbarkeit mit den Anforderungen", "teilweise mit den Anforderungen vereinbar",
            "Camunda-Webanwendungen (Cockpit, Tasklist, Admin) sind nicht barrierefrei",
            "href=\"mailto:beteiligung@kaiserslautern.de\"", "Barrieren melden", "Schlichtungsverfahren",
            "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz", "axe-core");

        String english = page(get("/oeffentlich/barrierefreiheit").param("lang", "en"));
        assertThat(english).contains("<h1>Accessibility statement</h1>", "partially compliant",
            "Enforcement procedure", "not accessible");
    }

    @Test
    void leichteSpracheHasOneSentencePerParagraph() throws Exception {
        String easy = page(get("/oeffentlich/leichte-sprache"));

        assertThat(easy).contains("<h1>Stadtdialog in Leichter Sprache</h1>",
            "<p>Stadtdialog ist eine Internet-Seite.</p>", "<p>Die Seite ist von der Stadt-Verwaltung.</p>",
            "<p>Diese Treffen heißen Sitzungen.</p>", "href=\"/oeffentlich/vorhaben\"",
            "href=\"mailto:beteiligung@kaiserslautern.de\"");
        Matcher paragraphs = Pattern.compile("<p>([^<]*)</p>").matcher(easy);
        int sentences = 0;
        while (paragraphs.find()) {
            String text = paragraphs.group(1);
            assertThat(text).doesNotContain("|");
            assertThat(text.replaceAll("[.?!:]$", "")).as("one sentence: %s", text).doesNotContainPattern("[.!?] ");
            sentences++;
        }
        assertThat(sentences).isGreaterThan(20);

        assertThat(page(get("/oeffentlich/leichte-sprache").param("lang", "en")))
            .contains("<h1>Stadtdialog in Easy Read</h1>", "<p>Stadtdialog is a website.</p>");
    }

    @Test
    void thePrivacyPageHasTheImprintAndTheArticle13Information() throws Exception {
        String privacy = page(get("/oeffentlich/datenschutz"));

        assertThat(privacy).contains("<h1>Datenschutz und Impressum</h1>", "Impressum", "Stadtverwaltung Kaiserslautern",
            "Datenschutzhinweise nach Art. 13 DSGVO", "Verantwortliche Stelle", "Datenschutzbeauftragte",
            "Rechtsgrundlage", "Speicherdauer", "Empfänger", "Art. 15 DSGVO", "Art. 17", "Art. 20", "Art. 21",
            "Art. 7 Abs. 3", "Beschwerderecht", "Datenschutz und die Informationsfreiheit Rheinland-Pfalz",
            "gelöschte:r Nutzer:in", "Art. 22 DSGVO");

        assertThat(page(get("/oeffentlich/datenschutz").param("lang", "en")))
            .contains("<h1>Privacy and imprint</h1>", "Privacy notice under Art. 13 GDPR", "Right to lodge a complaint");
    }

    private static void assertLayout(String page) {
        assertThat(page).contains("<a class=\"skip-link\" href=\"#main\">", "<main id=\"main\"", "<header",
            "<footer", "href=\"/oeffentlich/barrierefreiheit\">Barrierefreiheit</a>",
            "href=\"/oeffentlich/leichte-sprache\">Leichte Sprache</a>",
            "href=\"/oeffentlich/datenschutz\">Datenschutz und Impressum</a>", "aria-label=\"Service und Rechtliches\"",
            "aria-label=\"Sprache wählen\"", "hreflang=\"en\"");
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"de\"");
        assertThat(H1.matcher(page).results().count()).as("exactly one h1").isEqualTo(1);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}

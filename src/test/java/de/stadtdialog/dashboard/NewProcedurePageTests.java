package de.stadtdialog.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;

/** "Neues Verfahren": each module's kinds of procedure, only those the member's role may start. */
@StadtdialogSpringTest
class NewProcedurePageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void officersSeeEveryKindTheyMayStartWithItsStartPage() throws Exception {
        String page = page("officer");

        assertThat(page).contains("<h1>Neues Verfahren</h1>",
            "<a href=\"/sitzungsreihen/neu\">Öffentliche Sitzung</a>", "Tagesordnung, Einladung mit Ladungsfrist",
            "<a href=\"/aufrufe/neu\">Aufruf zur Mitwirkung</a>",
            "<a href=\"/kommentierung/neu\">Online-Kommentierung</a>",
            "<a href=\"/abstimmungen/neu\">Abstimmung</a>", "<a href=\"/rat/neu\">Ratsbefassung</a>")
            .doesNotContain("Ihre Rolle beginnt keine Verfahren.");
    }

    @Test
    void theSecretariatStartsCouncilDecisionsOnly() throws Exception {
        String page = page("secretariat");

        assertThat(page).contains("<a href=\"/rat/neu\">Ratsbefassung</a>").doesNotContain("/aufrufe/neu\">",
            "/sitzungsreihen/neu\">");
    }

    @Test
    void aRoleThatStartsNothingIsToldSo() throws Exception {
        String page = page("admin");

        assertThat(page).contains("Ihre Rolle beginnt keine Verfahren.").doesNotContain("/sitzungsreihen/neu\">");
    }

    @Test
    void theNavigationLeadsThere() throws Exception {
        assertThat(page("officer")).contains("<a href=\"/verfahren/neu\">Neues Verfahren</a>",
            "<a href=\"/rat/kalender\">Ratskalender</a>");
    }

    private String page(String user) throws Exception {
        return mvc.perform(get("/verfahren/neu").with(StaffLogin.as(user)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

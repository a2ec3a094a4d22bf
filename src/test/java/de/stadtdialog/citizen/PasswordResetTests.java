package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenProcesses;
import de.stadtdialog.notification.OutgoingMail;

/**
 * "Passwort vergessen": the same answer for every address, a one-hour single-use link, the new-password form with
 * its field messages, old sessions ended, and the limits per address and client.
 */
@StadtdialogSpringTest
class PasswordResetTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CitizenScenario(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private MockHttpServletRequestBuilder requestReset(String email) {
        return post("/buerger/passwort-vergessen").with(csrf()).with(scenario.fromHere()).param("email", email);
    }

    private String resetLinkFor(Citizen citizen) throws Exception {
        mvc.perform(requestReset(citizen.getEmail())).andExpect(redirectedUrl("/buerger/passwort-vergessen?gesendet"));
        scenario.sendAccountMails(citizen.getId());
        List<OutgoingMail> mails = scenario.mailsTo(citizen.getEmail());
        OutgoingMail mail = mails.get(mails.size() - 1);
        assertThat(mail.subject()).isEqualTo("Neues Passwort für Stadtdialog");
        return CitizenScenario.linkIn(mail.body(), "/buerger/passwort-neu");
    }

    private MockHttpServletRequestBuilder setPassword(String token, String password, String repeat) {
        return post("/buerger/passwort-neu").with(csrf()).param("token", token).param("password", password)
            .param("passwordRepeat", repeat);
    }

    @Test
    void resetLinkLeadsToANewPasswordThatWorksWhileTheOldOneNoLongerDoes() throws Exception {
        Citizen citizen = scenario.confirmed("vergessen");

        String link = resetLinkFor(citizen);
        String mail = scenario.mailsTo(citizen.getEmail()).get(scenario.mailsTo(citizen.getEmail()).size() - 1)
            .body();
        assertThat(mail).contains("Der Link gilt bis", "nur einmal", citizen.getUsername());
        String token = CitizenScenario.tokenIn(mail);

        String form = mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(form);
        assertThat(page.select("input[name=token]").val()).isEqualTo(token);
        assertThat(page.select("label[for=password]").text()).isEqualTo("Neues Passwort");

        String mismatch = mvc.perform(setPassword(token, "Ganz neues Passwort 2", "Ganz anderes Passwort"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(mismatch).select("#passwordRepeat-error").text()).contains("stimmen nicht überein");
        assertThat(Jsoup.parse(mismatch).select("input[name=token]").val()).as("the link stays usable")
            .isEqualTo(token);

        mvc.perform(setPassword(token, "Ganz neues Passwort 2", "Ganz neues Passwort 2"))
            .andExpect(redirectedUrl("/buerger/anmelden?passwortGeaendert"));

        mvc.perform(post("/buerger/anmelden").with(csrf()).with(scenario.fromHere())
                .param("username", citizen.getUsername()).param("password", "Ganz neues Passwort 2"))
            .andExpect(redirectedUrl("/buerger/meine-daten"));
        mvc.perform(post("/buerger/anmelden").with(csrf()).with(scenario.fromHere())
                .param("username", citizen.getUsername()).param("password", CitizenScenario.PASSWORD))
            .andExpect(status().isOk());
    }

    @Test
    void theLinkWorksOnce() throws Exception {
        Citizen citizen = scenario.confirmed("einmal");
        String token = CitizenScenario.tokenIn(resetLinkFor(citizen));
        mvc.perform(setPassword(token, "Ganz neues Passwort 3", "Ganz neues Passwort 3"))
            .andExpect(redirectedUrl("/buerger/anmelden?passwortGeaendert"));

        String html = mvc.perform(get("/buerger/passwort-neu").param("token", token))
            .andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Link schon verwendet");
        assertThat(Jsoup.parse(html).select("a[href=/buerger/passwort-vergessen]")).isNotEmpty();
        mvc.perform(setPassword(token, "Noch ein Passwort 44", "Noch ein Passwort 44"))
            .andExpect(status().isGone());
    }

    @Test
    void aNewerLinkUsedMakesOlderOnesUseless() throws Exception {
        Citizen citizen = scenario.confirmed("zweilinks");
        String first = CitizenScenario.tokenIn(resetLinkFor(citizen));
        String second = CitizenScenario.tokenIn(resetLinkFor(citizen));

        mvc.perform(setPassword(second, "Ganz neues Passwort 5", "Ganz neues Passwort 5"))
            .andExpect(redirectedUrl("/buerger/anmelden?passwortGeaendert"));

        mvc.perform(get("/buerger/passwort-neu").param("token", first)).andExpect(status().isGone());
    }

    @Test
    void theLinkExpiresAfterAnHour() throws Exception {
        Citizen citizen = scenario.confirmed("stunde");
        String token = CitizenScenario.tokenIn(resetLinkFor(citizen));

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(59))));
        mvc.perform(get("/buerger/passwort-neu").param("token", token)).andExpect(status().isOk());
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(61))));

        String html = mvc.perform(get("/buerger/passwort-neu").param("token", token))
            .andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Link abgelaufen");
        mvc.perform(setPassword(token, "Zu spätes Passwort 6", "Zu spätes Passwort 6")).andExpect(status().isGone());
    }

    @Test
    void unknownLinkIsA404() throws Exception {
        mvc.perform(get("/buerger/passwort-neu").param("token", "ausgedacht")).andExpect(status().isNotFound());
        mvc.perform(get("/buerger/passwort-neu")).andExpect(status().isNotFound());
    }

    @Test
    void unknownAndUnconfirmedAddressesGetTheSameAnswerButNoResetLink() throws Exception {
        Citizen pending = scenario.registered("nichtbestaetigt");

        String unknown = mvc.perform(requestReset(scenario.email("unbekannt")))
            .andExpect(redirectedUrl("/buerger/passwort-vergessen?gesendet")).andReturn().getResponse()
            .getRedirectedUrl();
        String known = mvc.perform(requestReset(pending.getEmail()))
            .andExpect(redirectedUrl("/buerger/passwort-vergessen?gesendet")).andReturn().getResponse()
            .getRedirectedUrl();
        assertThat(known).isEqualTo(unknown);
        scenario.sendAccountMails(pending.getId());

        assertThat(scenario.mailsTo(scenario.email("unbekannt"))).isEmpty();
        assertThat(scenario.mailsTo(pending.getEmail())).extracting(OutgoingMail::subject)
            .as("the opt-in link once more, no reset link").containsOnly("Bitte bestätigen Sie Ihre Registrierung");
        String page = mvc.perform(get("/buerger/passwort-vergessen?gesendet")).andReturn().getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(page).select("#reset-sent").text())
            .contains("Wenn zu dieser Adresse ein Konto besteht", "1 Stunde");
    }

    @Test
    void invalidAddressGetsItsMessageAtTheField() throws Exception {
        String html = mvc.perform(requestReset("ohne-at")).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();

        assertThat(Jsoup.parse(html).select("#email-error").text()).contains("gültige E-Mail-Adresse");
        assertThat(Jsoup.parse(html).select("#email").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void tooManyRequestsForOneAddressAnswer429() throws Exception {
        Citizen citizen = scenario.confirmed("zuoft");
        for (int i = 0; i < 5; i++) {
            mvc.perform(requestReset(citizen.getEmail()).with(CitizenScenario.from(scenario.otherClient(i))))
                .andExpect(redirectedUrl("/buerger/passwort-vergessen?gesendet"));
        }

        String html = mvc.perform(requestReset(citizen.getEmail())).andExpect(status().isTooManyRequests())
            .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(html).select("#rate-limit").text()).contains("Zu viele Versuche", "Uhr erneut");
        assertThat(scenario.instances(CitizenProcesses.ACCOUNT_MAIL, citizen.getId())).hasSize(5);
    }

    @Test
    void newPasswordEndsEverySessionOfTheAccount() throws Exception {
        Citizen citizen = scenario.confirmed("sitzung");
        HttpBrowser elsewhere = new HttpBrowser(port);
        elsewhere.login(citizen.getUsername(), CitizenScenario.PASSWORD);
        assertThat(elsewhere.get("/buerger/meine-daten").statusCode()).isEqualTo(200);
        String token = CitizenScenario.tokenIn(resetLinkFor(citizen));

        HttpResponse<String> reset = new HttpBrowser(port).submit("/buerger/passwort-neu?token=" + token,
            "/buerger/passwort-neu", Map.of("token", token, "password", "Ganz neues Passwort 7",
                "passwordRepeat", "Ganz neues Passwort 7"));
        assertThat(reset.statusCode()).as("our pages redirect after a POST with 303").isEqualTo(303);

        HttpResponse<String> after = elsewhere.get("/buerger/meine-daten");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
            .endsWith("/buerger/anmelden"));
    }
}

package de.stadtdialog.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.TestMailGateway;

/** The outbox page /postausgang: sent mails of the user's municipality, body expandable and escaped. */
@StadtdialogSpringTest
class OutboxPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MailService mailService;
    @Autowired
    TestMailGateway mailGateway;

    private final String token = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetGateway() {
        mailGateway.reset();
    }

    @Test
    void listsSentMailsWithRecipientSubjectAndEscapedExpandableBody() throws Exception {
        mailService.send(new OutgoingMail("kaiserslautern", "outbox-page-" + token, "ak-" + token + "@example.org",
            "Einladung " + token, "Guten Tag,\n<script>alert('" + token + "')</script>\nTOP 1: Begrüßung"));
        mailService.send(new OutgoingMail("nachbarstadt", "outbox-page-other-" + token,
            "fremd-" + token + "@example.org", "Fremde Einladung " + token, "nicht für Kaiserslautern"));

        String page = mvc.perform(get("/postausgang").with(StaffLogin.as("secretariat")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("<h1>Postausgang</h1>", "<caption>", "scope=\"col\"", "ak-" + token + "@example.org",
            "<summary>Einladung " + token + "</summary>", "<pre class=\"mail\">Guten Tag,\n&lt;script&gt;alert(&#39;"
                + token + "&#39;)&lt;/script&gt;\nTOP 1: Begrüßung</pre>", " Uhr</time>");
        assertThat(page).doesNotContain("<script>alert(");
        assertThat(page).as("mails of another municipality").doesNotContain("fremd-" + token);
    }

    @Test
    void pagesThroughOlderMailsFiftyAtATime() throws Exception {
        String tenant = "outbox-" + token;
        for (int i = 1; i <= 51; i++) {
            mailService.send(new OutgoingMail(tenant, "outbox-paging-" + token + "-" + i, "m" + i + "@example.org",
                "Mail " + i + " " + token, "Text " + i));
        }
        var staffOfTenant = StaffLogin.as("officer", java.util.List.of("officer"), java.util.List.of(tenant));

        String first = mvc.perform(get("/postausgang").with(staffOfTenant))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("Versendete E-Mails (51 insgesamt)", "Seite 1 von 2",
            "href=\"/postausgang?page=1\"").doesNotContain("rel=\"prev\"");
        assertThat(first.split("<details>", -1)).hasSize(51);

        String second = mvc.perform(get("/postausgang").param("page", "1").with(staffOfTenant))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("Seite 2 von 2", "href=\"/postausgang?page=0\"");
        assertThat(second.split("<details>", -1)).hasSize(2);
    }

    @Test
    void isForStaffWhoSendMailsOnly() throws Exception {
        mvc.perform(get("/postausgang").with(StaffLogin.as("designer"))).andExpect(status().isForbidden());
        mvc.perform(get("/postausgang").with(StaffLogin.as("admin"))).andExpect(status().isOk());
    }
}

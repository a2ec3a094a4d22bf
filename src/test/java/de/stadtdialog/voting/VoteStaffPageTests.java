package de.stadtdialog.voting;

import static de.stadtdialog.voting.VotingScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/** The staff pages: setting up a vote (with an uploaded image), entering paper ballots, extending. */
@StadtdialogSpringTest
class VoteStaffPageTests {

    private static final Instant NOW = berlin("2027-06-01T09:00");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mockMvc;
    @Autowired
    VoteRepository votes;
    @Autowired
    ProcedureRepository procedures;

    private VotingScenario scenario;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario = new VotingScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void setUpPage_createsTheVoteWithAStoredImage_andStartsItsProcedure() throws Exception {
        String page = new String(mockMvc.perform(get("/abstimmungen/neu").with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(page).contains("Abstimmung anlegen", "enctype=\"multipart/form-data\"", "options[4].title");
        String title = "Brunnen am Stiftsplatz " + UUID.randomUUID().toString().substring(0, 6);

        MvcResult result = mockMvc.perform(multipart("/abstimmungen/neu")
                .file(new MockMultipartFile("options[0].image", "a.png", "image/png", PNG))
                .with(StaffLogin.as("officer")).with(csrf())
                .param("tenantId", "kaiserslautern").param("title", title)
                .param("question", "Welcher Brunnen?").param("method", "RANKED_CHOICE")
                .param("opensAt", "2027-06-10T08:00").param("closesAt", "2027-06-24T18:00")
                .param("unlinkDelay", "P14D").param("minimumAge", "16")
                .param("options[0].title", "Wasserwand").param("options[0].imageAlt", "Skizze einer Wasserwand")
                .param("options[1].title", "Trinkbrunnen").param("options[1].imageUrl", "/img/voting/entwurf-b.svg"))
            .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/verfahren/");
        Vote vote = votes.findAll().stream().filter(v -> title.equals(v.getTitle())).findFirst().orElseThrow();
        assertThat(vote.getMethod()).isEqualTo(VotingMethod.RANKED_CHOICE);
        assertThat(vote.getOpensAt()).isEqualTo(berlin("2027-06-10T08:00"));
        assertThat(vote.getUnlinkDelay()).isEqualTo("P14D");
        assertThat(vote.getMinimumAge()).isEqualTo(16);
        assertThat(vote.getSetUpBy()).isEqualTo("officer");
        Procedure procedure = procedures.findById(vote.getProcedureId()).orElseThrow();
        assertThat(procedure.getPhase()).isEqualTo("Abstimmung vorbereiten");
        List<Long> options = scenario.optionIds(procedure);
        assertThat(options).hasSize(2);

        mockMvc.perform(get("/oeffentlich/abstimmungen/" + vote.getId() + "/optionen/" + options.get(0) + "/bild"))
            .andExpect(status().isNotFound());
        scenario.approveAndOpen(procedure);
        byte[] image = mockMvc.perform(get("/oeffentlich/abstimmungen/" + vote.getId() + "/optionen/" + options.get(0)
            + "/bild")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(image).isEqualTo(PNG);
    }

    @Test
    void setUpPage_showsErrorsNextToTheFields() throws Exception {
        String page = new String(mockMvc.perform(post("/abstimmungen/neu").with(StaffLogin.as("officer")).with(csrf())
                .param("tenantId", "kaiserslautern").param("title", "").param("question", "Frage?")
                .param("method", "SINGLE_CHOICE").param("opensAt", "2027-06-10T08:00")
                .param("closesAt", "2027-06-01T18:00").param("unlinkDelay", "P30D")
                .param("options[0].title", "Nur eine"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(page).contains("error-summary", "id=\"title-error\"");
        mockMvc.perform(get("/abstimmungen/neu").with(StaffLogin.as("secretariat"))).andExpect(status().isForbidden());
    }

    @Test
    void paperBallotsAndExtension_throughTheVotePage() throws Exception {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null,
            berlin("2027-06-01T08:00"), berlin("2027-06-14T18:00")));
        scenario.approveAndOpen(procedure);
        Long voteId = scenario.vote(procedure).getId();
        Long option = scenario.optionIds(procedure).get(2);

        String page = new String(mockMvc.perform(get("/abstimmungen/" + voteId).with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(page).contains("Papierstimmzettel erfassen", "Abstimmung verlängern");

        MvcResult entered = mockMvc.perform(post("/abstimmungen/" + voteId + "/papier").with(StaffLogin.as("officer"))
            .with(csrf()).param("paperNumber", "V-1").param("choice", String.valueOf(option)))
            .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(entered.getFlashMap().get("flashMessage")).asString().contains("V-1");
        MvcResult duplicate = mockMvc.perform(post("/abstimmungen/" + voteId + "/papier")
            .with(StaffLogin.as("officer")).with(csrf()).param("paperNumber", "V-1")
            .param("choice", String.valueOf(option))).andReturn();
        assertThat(duplicate.getFlashMap().get("flashError")).asString().contains("bereits erfasst");

        MvcResult extended = mockMvc.perform(post("/abstimmungen/" + voteId + "/verlaengern")
            .with(StaffLogin.as("officer")).with(csrf()).param("closesAt", "2027-06-21T18:00")
            .param("reason", "Pfingstferien"))
            .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(extended.getFlashMap().get("flashMessage")).asString().contains("21.06.2027, 18:00 Uhr");
        assertThat(scenario.vote(procedure).getClosesAt()).isEqualTo(berlin("2027-06-21T18:00"));
        assertThat(new String(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId)).andReturn().getResponse()
            .getContentAsByteArray(), StandardCharsets.UTF_8)).contains("Pfingstferien", "21.06.2027, 18:00 Uhr");
    }
}

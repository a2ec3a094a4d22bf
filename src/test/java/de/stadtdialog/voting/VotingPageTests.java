package de.stadtdialog.voting;

import static de.stadtdialog.citizen.CitizenScenario.as;
import static de.stadtdialog.voting.VotingScenario.berlin;
import static de.stadtdialog.voting.VotingScenario.voter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.voting.BallotRejectedException.Reason;

/**
 * Integrity of ballots through the citizens' pages and the service: one ballot per voter (also under concurrent
 * submissions), no ballot after the close, from the ineligible or with tampered fields; the receipt and its
 * public check; the public page before and after the count with its open data.
 */
@StadtdialogSpringTest
class VotingPageTests {

    private static final Instant NOW = berlin("2027-05-03T09:00");
    private static final Instant OPENS = berlin("2027-05-03T08:00");
    private static final Instant CLOSES = berlin("2027-05-17T18:00");
    private static final AtomicLong VOTER_IDS = new AtomicLong(7_200_000);

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mockMvc;
    @Autowired
    VotingService voting;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<PersonalDataContributor> contributors;

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

    private Procedure openVote(VotingMethod method, boolean changeAllowed, Integer minimumAge) {
        VotingService.SetUpVote plain = scenario.command(method, false, null, OPENS, CLOSES);
        Procedure procedure = scenario.setUp(new VotingService.SetUpVote(plain.tenantId(), plain.title(),
            plain.question(), plain.description(), method, false, changeAllowed, minimumAge, null, OPENS, CLOSES,
            "P30D", plain.options(), "officer"));
        scenario.approveAndOpen(procedure);
        return procedure;
    }

    private MockHttpServletRequestBuilder ballot(Procedure procedure, CitizenUser citizen) {
        return post("/buerger/abstimmungen/" + scenario.vote(procedure).getId()).with(as(citizen)).with(csrf());
    }

    private int ballots(Procedure procedure) {
        return jdbc.queryForObject("select count(*) from ballot where vote_id = ?", Integer.class,
            scenario.vote(procedure).getId());
    }

    private static String html(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void citizenVotes_getsTheReceiptOnce_andASecondBallotIsRefused() throws Exception {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, false, null);
        CitizenUser citizen = voter(VOTER_IDS.incrementAndGet());
        Long voteId = scenario.vote(procedure).getId();
        Long optionB = scenario.optionIds(procedure).get(1);

        String form = html(mockMvc.perform(get("/buerger/abstimmungen/" + voteId).with(as(citizen)))
            .andExpect(status().isOk()).andReturn());
        assertThat(form).contains("Entwurf B: Wasserspiel", "name=\"choice\"", "Empfehlung an die Verwaltung");

        MvcResult cast = mockMvc.perform(ballot(procedure, citizen).param("choice", String.valueOf(optionB)))
            .andExpect(status().isSeeOther()).andReturn();
        assertThat(cast.getResponse().getRedirectedUrl()).isEqualTo("/buerger/abstimmungen/" + voteId + "/quittung");
        String code = (String) cast.getFlashMap().get("receiptCode");
        assertThat(code).matches("[0-9A-Z]{5}(-[0-9A-Z]{5}){3}");
        MvcResult shown = mockMvc.perform(get(cast.getResponse().getRedirectedUrl()).with(as(citizen))
            .with(CitizenScenario.sessionOf(cast))).andReturn();
        assertThat(shown.getResponse().getStatus()).as("redirect to %s", shown.getResponse().getRedirectedUrl())
            .isEqualTo(200);
        String receipt = html(shown);
        assertThat(receipt).contains(code, "nur dieses eine Mal");
        mockMvc.perform(get(cast.getResponse().getRedirectedUrl()).with(as(citizen))
            .with(CitizenScenario.sessionOf(cast))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select ranking from ballot where vote_id = ? and voter_ref = ?",
            String.class, voteId, citizen.id())).isEqualTo(String.valueOf(optionB));

        String again = html(mockMvc.perform(ballot(procedure, citizen).param("choice",
            String.valueOf(scenario.optionIds(procedure).get(0)))).andExpect(status().isUnprocessableEntity())
            .andReturn());
        assertThat(again).contains("bereits gespeichert");
        assertThat(ballots(procedure)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select ranking from ballot where vote_id = ?", String.class, voteId))
            .as("the first ballot stays").isEqualTo(String.valueOf(optionB));
        assertThat(html(mockMvc.perform(get("/buerger/abstimmungen/" + voteId).with(as(citizen))).andReturn()))
            .contains("Sie haben bereits abgestimmt").doesNotContain("name=\"choice\"");
    }

    @Test
    void concurrentSubmissionsFromOneAccount_giveExactlyOneBallot() throws Exception {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, false, null);
        Long voteId = scenario.vote(procedure).getId();
        List<Long> options = scenario.optionIds(procedure);
        for (int round = 0; round < 5; round++) {
            CitizenUser citizen = voter(VOTER_IDS.incrementAndGet());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                Long option = options.get(thread);
                Callable<Object> submit = () -> {
                    start.await();
                    try {
                        return voting.cast(citizen, voteId, List.of(option), null);
                    } catch (BallotRejectedException rejected) {
                        return rejected.reason();
                    }
                };
                outcomes.add(pool.submit(submit));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();

            assertThat(results).filteredOn(r -> r instanceof VotingService.Receipt).hasSize(1);
            assertThat(results).filteredOn(r -> r == Reason.ALREADY_VOTED).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from ballot where vote_id = ? and voter_ref = ?",
                Integer.class, voteId, citizen.id())).isEqualTo(1);
        }
    }

    @Test
    void changeOfVote_whereAllowed_replacesTheBallotAndItsReceipt() throws Exception {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, true, null);
        CitizenUser citizen = voter(VOTER_IDS.incrementAndGet());
        Long voteId = scenario.vote(procedure).getId();
        List<Long> options = scenario.optionIds(procedure);
        VotingService.Receipt first = voting.cast(citizen, voteId, List.of(options.get(0)), null);

        MvcResult change = mockMvc.perform(ballot(procedure, citizen).param("choice", String.valueOf(options.get(2))))
            .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(change.getFlashMap().get("receiptReplaced")).isEqualTo(true);
        assertThat(ballots(procedure)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select ranking from ballot where vote_id = ?", String.class, voteId))
            .isEqualTo(String.valueOf(options.get(2)));
        assertThat(voting.receiptCounted(voteId, first.code())).as("the old receipt is void").isFalse();
        assertThat(voting.receiptCounted(voteId, (String) change.getFlashMap().get("receiptCode"))).isTrue();
    }

    @Test
    void voteAfterClose_isRefusedWithAClearMessage() throws Exception {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, false, null);
        ClockUtil.setCurrentTime(Date.from(CLOSES.plusSeconds(1)));

        String page = html(mockMvc.perform(ballot(procedure, voter(VOTER_IDS.incrementAndGet()))
            .param("choice", String.valueOf(scenario.optionIds(procedure).get(0))))
            .andExpect(status().isUnprocessableEntity()).andReturn());

        assertThat(page).contains("Die Abstimmung ist beendet");
        assertThat(ballots(procedure)).isZero();
    }

    @Test
    void optionOfAnotherVote_unknownOption_andTamperedFields_storeNothing() throws Exception {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, false, null);
        Procedure other = openVote(VotingMethod.SINGLE_CHOICE, false, null);
        CitizenUser citizen = voter(VOTER_IDS.incrementAndGet());
        Long foreign = scenario.optionIds(other).get(0);

        assertThat(html(mockMvc.perform(ballot(procedure, citizen).param("choice", String.valueOf(foreign)))
            .andExpect(status().isUnprocessableEntity()).andReturn()))
            .contains("gehört nicht zu dieser Abstimmung", "aria-invalid=\"true\"", "id=\"choice-error\"");
        mockMvc.perform(ballot(procedure, citizen).param("choice", "999999999"))
            .andExpect(status().isUnprocessableEntity());
        mockMvc.perform(ballot(procedure, citizen).param("choice", "<script>"))
            .andExpect(status().isUnprocessableEntity());
        assertThat(html(mockMvc.perform(ballot(procedure, citizen).param("choice",
            String.valueOf(scenario.optionIds(procedure).get(0)), String.valueOf(scenario.optionIds(procedure).get(1))))
            .andExpect(status().isUnprocessableEntity()).andReturn())).contains("genau eine Option");
        mockMvc.perform(ballot(procedure, citizen)).andExpect(status().isUnprocessableEntity());

        assertThat(ballots(procedure)).isZero();
        assertThat(ballots(other)).isZero();
    }

    @Test
    void rankedBallot_duplicateRanksGapsAndForeignOptionsAreRefused_aValidRankingIsStoredInOrder() throws Exception {
        Procedure procedure = openVote(VotingMethod.RANKED_CHOICE, false, null);
        CitizenUser citizen = voter(VOTER_IDS.incrementAndGet());
        List<Long> o = scenario.optionIds(procedure);
        Long foreign = scenario.optionIds(openVote(VotingMethod.RANKED_CHOICE, false, null)).get(0);

        assertThat(html(mockMvc.perform(ballot(procedure, citizen).param("rank_" + o.get(0), "1")
            .param("rank_" + o.get(1), "1")).andExpect(status().isUnprocessableEntity()).andReturn()))
            .contains("Jeder Rang darf nur einmal vorkommen");
        assertThat(html(mockMvc.perform(ballot(procedure, citizen).param("rank_" + o.get(0), "1")
            .param("rank_" + o.get(1), "3")).andExpect(status().isUnprocessableEntity()).andReturn()))
            .contains("lückenlos");
        mockMvc.perform(ballot(procedure, citizen).param("rank_" + foreign, "1"))
            .andExpect(status().isUnprocessableEntity());
        mockMvc.perform(ballot(procedure, citizen).param("rank_" + o.get(0), "eins"))
            .andExpect(status().isUnprocessableEntity());
        assertThat(ballots(procedure)).isZero();

        mockMvc.perform(ballot(procedure, citizen).param("rank_" + o.get(2), "1").param("rank_" + o.get(0), "2")
            .param("rank_" + o.get(1), "")).andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("select ranking from ballot where vote_id = ?", String.class,
            scenario.vote(procedure).getId())).isEqualTo(o.get(2) + "," + o.get(0));
    }

    @Test
    void ineligibleVoters_otherMunicipalityAndUnderMinimumAge_areRefused() throws Exception {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, false, 16);
        String option = String.valueOf(scenario.optionIds(procedure).get(0));

        assertThat(html(mockMvc.perform(ballot(procedure, new CitizenUser(VOTER_IDS.incrementAndGet(), "gast",
            "anderswo")).param("choice", option)).andExpect(status().isUnprocessableEntity()).andReturn()))
            .contains("nur registrierte Bürgerinnen und Bürger dieser Stadt");
        CitizenUser young = voter(VOTER_IDS.incrementAndGet());
        assertThat(html(mockMvc.perform(ballot(procedure, young).param("choice", option))
            .andExpect(status().isUnprocessableEntity()).andReturn())).contains("Geburtsjahr", "id=\"birthYear-error\"");
        mockMvc.perform(ballot(procedure, young).param("choice", option).param("birthYear", "2012"))
            .andExpect(status().isUnprocessableEntity());
        assertThat(ballots(procedure)).isZero();

        mockMvc.perform(ballot(procedure, young).param("choice", option).param("birthYear", "2011"))
            .andExpect(status().is3xxRedirection());
        assertThat(ballots(procedure)).isEqualTo(1);
        assertThat(jdbc.queryForList("select * from ballot where vote_id = ?", scenario.vote(procedure).getId())
            .get(0).toString()).as("the year of birth is not stored").doesNotContain("2011");
    }

    @Test
    void paperBallots_numberUniquePerVote_andDuplicateCheckAgainstOnlineVoters() {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, false, null);
        Long voteId = scenario.vote(procedure).getId();
        List<Long> o = scenario.optionIds(procedure);
        de.stadtdialog.citizen.CitizenScenario citizens = new de.stadtdialog.citizen.CitizenScenario(context);
        var online = citizens.confirmed("online");
        var offline = citizens.confirmed("offline");
        voting.cast(de.stadtdialog.citizen.CitizenScenario.user(online), voteId, List.of(o.get(0)), null);

        voting.enterPaperBallot(voteId, "17", List.of(o.get(1)), null, "officer");
        assertThat(rejection(() -> voting.enterPaperBallot(voteId, "17", List.of(o.get(1)), null, "officer")))
            .isEqualTo(Reason.PAPER_NUMBER_TAKEN);
        assertThat(rejection(() -> voting.enterPaperBallot(voteId, "18", List.of(o.get(1)), online.getUsername(),
            "officer"))).isEqualTo(Reason.VOTED_ALREADY_ONLINE);
        assertThat(rejection(() -> voting.enterPaperBallot(voteId, "19", List.of(o.get(1)), "niemand-xyz",
            "officer"))).isEqualTo(Reason.UNKNOWN_CITIZEN);
        voting.enterPaperBallot(voteId, "20", List.of(o.get(2)), offline.getUsername(), "officer");
        assertThat(rejection(() -> voting.cast(de.stadtdialog.citizen.CitizenScenario.user(offline), voteId,
            List.of(o.get(0)), null))).as("voted on paper already").isEqualTo(Reason.ALREADY_VOTED);

        assertThat(ballots(procedure)).isEqualTo(3);
    }

    @Test
    void publicPage_statesTheRulesBeforeOpening_showsTheResultAfterTheCount_andReceiptLookup() throws Exception {
        Procedure procedure = openVote(VotingMethod.RANKED_CHOICE, false, null);
        Long voteId = scenario.vote(procedure).getId();
        List<Long> o = scenario.optionIds(procedure);
        String open = html(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId)).andExpect(status().isOk())
            .andReturn());
        assertThat(open).contains("Empfehlung an die Verwaltung", "Entwurf A: Baumhain", "Entwurf C: Bühne",
            "/img/voting/entwurf-a.svg", "Jetzt abstimmen").doesNotContain("Quittungscode");

        VotingService.Receipt mine = voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(1), o.get(0)),
            null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(1)), null);
        voting.cast(voter(VOTER_IDS.incrementAndGet()), voteId, List.of(o.get(0)), null);
        mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId + "/ergebnis.json")).andExpect(status().isNotFound());
        mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId + "/quittungen.csv")).andExpect(status().isNotFound());
        ClockUtil.setCurrentTime(Date.from(CLOSES.plusSeconds(60)));
        scenario.finishPaperAndClose(procedure);

        String counted = html(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId)).andReturn());
        assertThat(counted).contains("Ergebnis: Entwurf B: Wasserspiel", "Abgegebene Stimmen: 3", "class=\"vote-chart\"", "chart-bar winner",
            "<caption>Stimmen je Option</caption>", "scope=\"row\"", "Wurde meine Stimme gezählt?")
            .doesNotContain("Jetzt abstimmen");
        assertThat(html(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId + "/quittung")
            .param("code", mine.code().toLowerCase().replace("-", " "))).andReturn())).contains("wurde gezählt");
        assertThat(html(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId + "/quittung")
            .param("code", "00000-00000-00000-00000")).andReturn())).contains("keinen Stimmzettel");
        String receipts = html(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId + "/quittungen.csv"))
            .andExpect(status().isOk()).andReturn());
        assertThat(receipts).contains(mine.code()).doesNotContain("Entwurf").doesNotContain(String.valueOf(o.get(1)));
        assertThat(receipts.lines().skip(1).toList()).isSorted();

        scenario.submit(procedure, VoteProcess.TASK_ADOPT_RESULT, "officer", Map.of("decisionReason",
            "Entwurf B wird Grundlage der Planung."));
        scenario.executeJob(procedure, VoteProcess.TASK_SEND_FEEDBACK);
        scenario.executeJob(procedure, VoteProcess.TASK_PUBLISH_OPEN_DATA);

        String json = html(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId + "/ergebnis.json"))
            .andExpect(status().isOk()).andReturn());
        assertThat(json).contains("\"method\" : \"RANKED_CHOICE\"", "\"ballots\" : 3", "\"license\" : \"dl-de/by-2-0\"",
            "Entwurf B wird Grundlage", "\"publishedAt\"").doesNotContain(mine.code());
        String csv = html(mockMvc.perform(get("/oeffentlich/abstimmungen/" + voteId + "/ergebnis.csv"))
            .andExpect(status().isOk()).andReturn());
        assertThat(csv).startsWith("vote_id,round,option_position,option_title,votes,eliminated")
            .contains(voteId + ",1,2,\"Entwurf B: Wasserspiel\",2,false");
    }

    @Test
    void myData_saysThatTheCitizenVotedButNotHow_andDeletingTheAccountUnlinksTheBallot() {
        Procedure procedure = openVote(VotingMethod.SINGLE_CHOICE, false, null);
        Long voteId = scenario.vote(procedure).getId();
        CitizenUser citizen = voter(VOTER_IDS.incrementAndGet());
        Long option = scenario.optionIds(procedure).get(2);
        voting.cast(citizen, voteId, List.of(option), null);
        PersonalDataContributor votingData = contributors.stream()
            .filter(c -> c.personalData(citizen) != null && "votes".equals(c.personalData(citizen).key()))
            .findFirst().orElseThrow();

        PersonalDataSection section = votingData.personalData(citizen);
        assertThat(section.entries()).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("Abstimmung", scenario.title());
            assertThat(entry.toString()).doesNotContain("Entwurf", String.valueOf(option));
        });

        votingData.accountDeleted(citizen);

        assertThat(votingData.personalData(citizen).entries()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from ballot where vote_id = ? and voter_ref is null "
            + "and ranking = ?", Integer.class, voteId, String.valueOf(option))).as("the ballot stays counted")
            .isEqualTo(1);
    }

    @Test
    void votesNotYetApprovedAreNotPublic() throws Exception {
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null, OPENS, CLOSES));
        mockMvc.perform(get("/oeffentlich/abstimmungen/" + scenario.vote(procedure).getId()))
            .andExpect(status().isNotFound());
        mockMvc.perform(post("/buerger/abstimmungen/" + scenario.vote(procedure).getId())
            .with(as(voter(VOTER_IDS.incrementAndGet()))).with(csrf()).param("choice", "1"))
            .andExpect(status().isNotFound());
    }

    private static Reason rejection(Runnable action) {
        try {
            action.run();
            return null;
        } catch (BallotRejectedException rejected) {
            return rejected.reason();
        }
    }
}

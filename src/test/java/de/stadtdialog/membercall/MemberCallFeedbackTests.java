package de.stadtdialog.membercall;

import static de.stadtdialog.membercall.MemberCallScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.ParticipationHistory;
import de.stadtdialog.citizen.ParticipationHistory.OwnContribution;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.council.OpenParticipationFormats;
import de.stadtdialog.council.ParticipantFeedback;
import de.stadtdialog.council.ParticipantFeedback.FeedbackRecipient;
import de.stadtdialog.membercall.MemberCallService.Apply;
import de.stadtdialog.procedure.Procedure;

/**
 * The call for members as the council sees it: its open application period for the guard, its applicants with
 * their outcome for the feedback, and an applicant's own contributions for the feedback page. Unlinked and deleted
 * applications are nobody's any more.
 */
@StadtdialogSpringTest
class MemberCallFeedbackTests {

    private static final Instant NOW = berlin("2027-02-01T09:00");
    private static final String DEADLINE = "2027-03-31T18:00";

    @Autowired
    ApplicationContext context;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    MemberCallService service;
    @Autowired
    MemberApplicationRepository applications;
    @Autowired
    List<ParticipantFeedback> feedback;
    @Autowired
    List<OpenParticipationFormats> openFormats;
    @Autowired
    List<ParticipationHistory> histories;

    private MemberCallScenario scenario;
    private CitizenScenario citizens;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        mailGateway.reset();
        scenario = new MemberCallScenario(context);
        citizens = new CitizenScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
    }

    @Test
    void openUntilTheDeadline_thenApplicantsHearWhetherTheyWereSelectedOrWhyNotEligible() {
        Procedure inPreparation = scenario.create();
        assertThat(open(inPreparation)).containsExactly("Aufruf zur Mitwirkung „" + scenario.title()
            + "“: in Vorbereitung");

        Procedure procedure = scenario.publish(3, null, DEADLINE, "2029-03-31T18:00");
        assertThat(open(procedure)).containsExactly("Aufruf zur Mitwirkung „" + scenario.title()
            + "“: Bewerbungsfrist bis 31.03.2027, 18:00 Uhr");

        Citizen anna = citizens.confirmed("anna");
        Citizen dora = citizens.confirmed("dora");
        MemberApplication annas = apply(procedure, "Anna", anna);
        MemberApplication doras = apply(procedure, "Dora", dora);
        MemberApplication withoutAccount = scenario.apply(procedure, "carl", 1985, Map.of());

        ClockUtil.setCurrentTime(Date.from(berlin(DEADLINE).plusSeconds(60)));
        assertThat(open(procedure)).as("the application period is over").isEmpty();
        scenario.closeAndCheck(procedure, doras.getCode() + ": Wohnsitz nicht in Kaiserslautern");

        List<FeedbackRecipient> recipients = participants(procedure);
        assertThat(recipients).extracting(FeedbackRecipient::mailAddress)
            .as("the application without an account is not reachable through it")
            .containsExactlyInAnyOrder(anna.getEmail(), dora.getEmail());
        assertThat(recipient(recipients, anna.getEmail())).satisfies(r -> {
            assertThat(r.contribution()).isEqualTo("Ihre Bewerbung zum Aufruf „" + scenario.title() + "“ (Code "
                + annas.getCode() + ")");
            assertThat(r.outcome()).isEqualTo("ausgewählt: Sie sind Mitglied in „Arbeitskreis Leitlinien "
                + scenario.token + "“.");
            assertThat(r.personalPageUrl()).startsWith("http").endsWith("/buerger/rueckmeldungen#verfahren-"
                + procedure.getId());
        });
        assertThat(recipient(recipients, dora.getEmail()).outcome())
            .isEqualTo("nicht teilnahmeberechtigt: Wohnsitz nicht in Kaiserslautern");
        assertThat(withoutAccount.getCitizenAccountId()).isNull();

        List<OwnContribution> annasOwn = own(anna);
        assertThat(annasOwn).singleElement().satisfies(c -> {
            assertThat(c.procedureId()).isEqualTo(procedure.getId());
            assertThat(c.outcome()).startsWith("ausgewählt");
            assertThat(c.link()).isEqualTo("/buerger/aufrufe/bewerbungen/" + annas.getId());
        });

        MemberApplication unlinked = applications.findById(annas.getId()).orElseThrow();
        unlinked.unlinkAccount();
        applications.save(unlinked);
        assertThat(participants(procedure)).extracting(FeedbackRecipient::mailAddress)
            .as("after unlinking Anna is nobody's").containsExactly(dora.getEmail());
        assertThat(own(anna)).isEmpty();

        scenario.executeJob(procedure, MemberCallProcess.TASK_NOTIFY_APPLICANTS);
        scenario.executeJob(procedure, MemberCallProcess.TIMER_APPLICANT_RETENTION_ENDS);
        assertThat(participants(procedure)).as("Dora's application is deleted with its retention").isEmpty();
        assertThat(own(dora)).isEmpty();
    }

    private MemberApplication apply(Procedure procedure, String name, Citizen citizen) {
        return service.apply(scenario.call(procedure).getId(), new Apply(name + " " + scenario.token,
            citizen.getEmail(), citizen.getId(), 1990, true, new HashMap<>(), true));
    }

    private List<String> open(Procedure procedure) {
        return openFormats.stream().flatMap(source -> source.openFormatsOf(procedure.getId()).stream()).toList();
    }

    private List<FeedbackRecipient> participants(Procedure procedure) {
        return feedback.stream().flatMap(source -> source.participantsOf(procedure.getId()).stream()).toList();
    }

    private static FeedbackRecipient recipient(List<FeedbackRecipient> recipients, String address) {
        return recipients.stream().filter(r -> r.mailAddress().equals(address)).findFirst().orElseThrow();
    }

    private List<OwnContribution> own(Citizen citizen) {
        CitizenUser user = CitizenScenario.user(citizen);
        return histories.stream().flatMap(history -> history.contributionsOf(user).stream()).toList();
    }
}

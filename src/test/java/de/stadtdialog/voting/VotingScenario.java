package de.stadtdialog.voting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import de.stadtdialog.ProcedureScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.voting.VotingService.NewOption;
import de.stadtdialog.voting.VotingService.SetUpVote;

/**
 * Drives one vote through the vote process the way staff, citizens and the job executor would. Every scenario
 * has its own title, so tests sharing the database can tell their votes apart. Not a bean.
 */
public final class VotingScenario extends ProcedureScenario {

    public static final String TENANT = "kaiserslautern";

    private final VotingService voting;
    private final VoteRepository votes;
    private final VoteOptionRepository options;
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    public VotingScenario(ApplicationContext context) {
        super(context);
        this.voting = context.getBean(VotingService.class);
        this.votes = context.getBean(VoteRepository.class);
        this.options = context.getBean(VoteOptionRepository.class);
    }

    public static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VoteTexts.ZONE).toInstant();
    }

    public String title() {
        return "Gestaltung Theaterplatz – Test " + token;
    }

    public SetUpVote command(VotingMethod method, boolean binding, Integer minimumTurnout, Instant opensAt,
            Instant closesAt) {
        return new SetUpVote(TENANT, title(), "Welcher Entwurf soll Grundlage der Planung werden?",
            "Drei Entwürfe für den Platz vor dem Pfalztheater.", method, binding, false, null, minimumTurnout,
            opensAt, closesAt, "P30D", List.of(
                new NewOption("Entwurf A: Baumhain", "Viele Bäume, Sitzstufen.", "/img/voting/entwurf-a.svg",
                    "Skizze: Platz mit Bäumen", null, null),
                new NewOption("Entwurf B: Wasserspiel", "Bodenfontänen, offene Fläche.",
                    "/img/voting/entwurf-b.svg", "Skizze: Platz mit Fontänen", null, null),
                new NewOption("Entwurf C: Bühne", "Freilichtbühne für Theater im Sommer.",
                    "/img/voting/entwurf-c.svg", "Skizze: Platz mit Bühne", null, null)),
            "officer");
    }

    public Procedure setUp(SetUpVote command) {
        return voting.setUp(command);
    }

    public Vote vote(Procedure procedure) {
        return votes.findByProcedureId(procedure.getId()).orElseThrow();
    }

    public List<Long> optionIds(Procedure procedure) {
        return options.findByVoteIdOrderByPosition(vote(procedure).getId()).stream().map(VoteOption::getId).toList();
    }

    /** Set up as given (times unchanged), approved by coordination, and the opening timer fired. */
    public void approveAndOpen(Procedure procedure) {
        Vote vote = vote(procedure);
        submit(procedure, VoteProcess.TASK_SET_UP_VOTE, "officer", Map.of(
            "opensAtInput", local(vote.getOpensAt()), "closesAtInput", local(vote.getClosesAt()),
            "bindingInput", vote.isBindingForCouncil(), "changeAllowedInput", vote.isChangeAllowed(),
            "minimumTurnoutInput", vote.getMinimumTurnout() == null ? "" : vote.getMinimumTurnout(),
            "minimumAgeInput", vote.getMinimumAge() == null ? "" : vote.getMinimumAge()));
        submit(procedure, VoteProcess.TASK_APPROVE_VOTE, "coordination",
            Map.of(VoteProcess.VAR_APPROVAL_DECISION, VoteProcess.DECISION_APPROVE));
        executeJob(procedure, VoteProcess.TIMER_VOTE_OPENS);
    }

    /** Paper entry confirmed complete and the closing timer fired: the tally has run. */
    public void finishPaperAndClose(Procedure procedure) {
        submit(procedure, VoteProcess.TASK_ENTER_PAPER_BALLOTS, "officer", Map.of("paperBallotsComplete", true));
        executeJob(procedure, VoteProcess.TIMER_VOTE_CLOSES);
    }

    /** Citizens that exist only as ids (no account, so no mail): enough for counting. */
    public static CitizenUser voter(long id) {
        return new CitizenUser(id, "waehler" + id, TENANT);
    }

    private static String local(Instant instant) {
        return instant.atZone(VoteTexts.ZONE).toLocalDateTime().toString();
    }
}

package de.stadtdialog.voting.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.voting.ReceiptCode;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOption;
import de.stadtdialog.voting.VoteProcess;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VotingMethod;
import de.stadtdialog.voting.VotingService;
import de.stadtdialog.voting.VotingService.NewOption;
import de.stadtdialog.voting.VotingService.SetUpVote;

/**
 * Demo profile only: the Theaterplatz vote (three designs, 642 ballots, closed and counted, waiting for the
 * officer to adopt the result) and a ranked-choice vote open now, in which the demo citizen {@code buerger} can
 * vote. After the staff and citizen demo data; adds nothing on a restart.
 */
@Component
@Order(120)
@ConditionalOnProperty(name = "stadtdialog.demo.enabled", havingValue = "true")
class VotingDemoData implements ApplicationRunner {

    static final String TENANT = "kaiserslautern";
    static final String THEATERPLATZ = "Gestaltung des Theaterplatzes";
    static final String PLAYGROUND = "Neue Spielgeräte für den Volkspark";

    private static final Logger log = LoggerFactory.getLogger(VotingDemoData.class);

    private final VotingService voting;
    private final VoteRepository votes;
    private final VoteSteps steps;
    private final ProcedureService procedures;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    VotingDemoData(VotingService voting, VoteRepository votes, VoteSteps steps, ProcedureService procedures,
            JdbcTemplate jdbc, Clock clock) {
        this.voting = voting;
        this.votes = votes;
        this.steps = steps;
        this.procedures = procedures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (votes.findAll().stream().anyMatch(v -> THEATERPLATZ.equals(v.getTitle()))) {
            return;
        }
        Instant now = clock.instant();
        theaterplatz(now);
        playground(now);
        log.info("Demo votes created: '{}' (counted) and '{}' (open)", THEATERPLATZ, PLAYGROUND);
    }

    private void theaterplatz(Instant now) {
        Instant opensAt = now.minus(Duration.ofDays(45));
        Instant closesAt = now.minus(Duration.ofDays(15));
        Procedure procedure = voting.setUpWithoutProcess(new SetUpVote(TENANT, THEATERPLATZ,
            "Welcher Entwurf soll Grundlage für die Planung des Platzes vor dem Pfalztheater werden?",
            "Drei Büros haben Entwürfe für den Theaterplatz vorgelegt. Der Entwurf mit den meisten Stimmen wird "
                + "Grundlage der weiteren Planung.",
            VotingMethod.SINGLE_CHOICE, false, false, null, 300, opensAt, closesAt, "P30D", List.of(
                new NewOption("Entwurf A: Baumhain", "Ein schattiger Hain aus 24 Bäumen mit Sitzstufen zur "
                    + "Straße hin. Der Platz wird kühler und ruhiger.", "/img/voting/entwurf-a.svg",
                    "Skizze: Platz mit Bäumen und Sitzstufen", null, null),
                new NewOption("Entwurf B: Wasserspiel", "Eine offene, ebene Fläche mit Bodenfontänen, die im Winter "
                    + "für Märkte frei bleibt.", "/img/voting/entwurf-b.svg",
                    "Skizze: offener Platz mit Bodenfontänen", null, null),
                new NewOption("Entwurf C: Bühne", "Eine Freilichtbühne mit Rängen für Theater und Konzerte im "
                    + "Sommer.", "/img/voting/entwurf-c.svg", "Skizze: Platz mit Bühne und Rängen", null, null)),
            "officer"));
        Vote vote = voting.vote(procedure);
        vote.recordReview("coordination", null, true, opensAt.minus(Duration.ofDays(7)));
        vote.markOpened(opensAt);
        vote.markClosed(closesAt);
        vote.finishPaperEntry(closesAt.plus(Duration.ofDays(2)));
        List<VoteOption> options = steps.options(vote.getId());
        int[] online = {182, 291, 129};
        int[] paper = {10, 22, 8};
        List<Object[]> rows = new ArrayList<>();
        int paperNumber = 0;
        for (int option = 0; option < options.size(); option++) {
            String ranking = String.valueOf(options.get(option).getId());
            for (int i = 0; i < online[option]; i++) {
                Instant castAt = opensAt.plusSeconds((long) (rows.size() * 3913L) % Duration.ofDays(30).toSeconds());
                rows.add(new Object[] {TENANT, vote.getId(), ranking, ReceiptCode.random(), "ONLINE", null,
                    Timestamp.from(castAt)});
            }
            for (int i = 0; i < paper[option]; i++) {
                rows.add(new Object[] {TENANT, vote.getId(), ranking, null, "PAPER", "T-" + (++paperNumber),
                    Timestamp.from(closesAt)});
            }
        }
        jdbc.batchUpdate("insert into ballot (tenant_id, vote_id, ranking, receipt_code, channel, paper_number, "
            + "cast_at) values (?, ?, ?, ?, ?, ?, ?)", rows);
        steps.tally(vote.getId());
        Map<String, Object> variables = new HashMap<>(VotingService.variables(vote));
        variables.put(VoteProcess.VAR_TIE, vote.isTie());
        variables.put(VoteProcess.VAR_TURNOUT_REACHED, Boolean.TRUE.equals(vote.getTurnoutReached()));
        procedures.startProcessAt(procedure, variables, VoteProcess.TASK_ADOPT_RESULT);
    }

    private void playground(Instant now) {
        Instant opensAt = now.minus(Duration.ofDays(2));
        Instant closesAt = now.plus(Duration.ofDays(14));
        Procedure procedure = voting.setUpWithoutProcess(new SetUpVote(TENANT, PLAYGROUND,
            "Welche Spielgeräte wünschen Sie sich für den Spielplatz im Volkspark?",
            "Das Budget reicht für eines der Geräte. Ordnen Sie die Vorschläge nach Ihrer Vorliebe.",
            VotingMethod.RANKED_CHOICE, false, true, null, null, opensAt, closesAt, "P30D", List.of(
                new NewOption("Kletterturm", "Ein Turm mit Netz und Rutsche für Kinder ab 6 Jahren.", null, null,
                    null, null),
                new NewOption("Wasserspielplatz", "Pumpe, Rinnen und Stauwehre, im Sommer in Betrieb.", null, null,
                    null, null),
                new NewOption("Inklusives Karussell", "Ein ebenerdiges Karussell, auch mit Rollstuhl nutzbar.",
                    null, null, null, null),
                new NewOption("Seilbahn", "Eine 25 Meter lange Seilbahn über die Wiese.", null, null, null, null)),
            "officer"));
        Vote vote = voting.vote(procedure);
        vote.recordReview("coordination", null, true, opensAt.minus(Duration.ofDays(3)));
        procedures.startProcessAt(procedure, VotingService.variables(vote), VoteProcess.TASK_OPEN_VOTE);
    }
}

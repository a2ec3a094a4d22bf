package de.stadtdialog.voting;

import static de.stadtdialog.voting.BallotRejectedException.Reason.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Sets up votes and runs them through the vote process; takes ballots (online and paper) and extends votes.
 * Every rejected ballot is a {@link BallotRejectedException} and leaves nothing behind.
 */
@Service
public class VotingService {

    public static final int MAX_OPTIONS = 12;

    private final VoteRepository votes;
    private final VoteOptionRepository options;
    private final VoteExtensionRepository extensions;
    private final BallotStore ballots;
    private final ProcedureService procedures;
    private final ProcedureRepository procedureRows;
    private final RuntimeService runtimeService;
    private final CitizenDirectory citizens;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public VotingService(VoteRepository votes, VoteOptionRepository options, VoteExtensionRepository extensions,
            BallotStore ballots, ProcedureService procedures, ProcedureRepository procedureRows,
            RuntimeService runtimeService, CitizenDirectory citizens, PlatformTransactionManager transactions,
            Clock clock) {
        this.votes = votes;
        this.options = options;
        this.extensions = extensions;
        this.ballots = ballots;
        this.procedures = procedures;
        this.procedureRows = procedureRows;
        this.runtimeService = runtimeService;
        this.citizens = citizens;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** An option as staff enter it; an image is either stored ({@code imageData}) or linked ({@code imageUrl}). */
    public record NewOption(String title, String description, String imageUrl, String imageAlt, byte[] imageData,
            String imageContentType) {
    }

    public record SetUpVote(String tenantId, String title, String question, String description, VotingMethod method,
            boolean bindingForCouncil, boolean changeAllowed, Integer minimumAge, Integer minimumTurnout,
            Instant opensAt, Instant closesAt, String unlinkDelay, List<NewOption> options, String setUpBy) {
    }

    /** What the voter is shown once: the receipt code, and whether an earlier ballot was replaced. */
    public record Receipt(Long voteId, String code, boolean replaced, Instant castAt) {
    }

    /** Stores the vote and its options, creates the procedure and starts the vote process at its set-up task. */
    @Transactional
    public Procedure setUp(SetUpVote command) {
        checkTimes(command.opensAt(), command.closesAt(), "closesAt");
        String unlinkDelay = command.unlinkDelay() == null || command.unlinkDelay().isBlank()
            ? VoteProcess.DEFAULT_UNLINK_DELAY : checkedDuration(command.unlinkDelay().trim());
        List<NewOption> given = command.options().stream().filter(o -> o.title() != null && !o.title().isBlank())
            .toList();
        if (given.size() < 2) {
            throw new InputRejectedException("options", "Bitte geben Sie mindestens zwei Optionen an.");
        }
        if (given.size() > MAX_OPTIONS) {
            throw new InputRejectedException("options", "Höchstens " + MAX_OPTIONS + " Optionen sind möglich.");
        }
        Vote vote = votes.save(new Vote(command.tenantId(), command.title().trim(), command.question().trim(),
            blankToNull(command.description()), command.method(), command.bindingForCouncil(),
            command.changeAllowed(), command.minimumAge(), command.minimumTurnout(), command.opensAt(),
            command.closesAt(), unlinkDelay, command.setUpBy()));
        int position = 0;
        for (NewOption option : given) {
            boolean stored = option.imageData() != null && option.imageData().length > 0;
            options.save(new VoteOption(command.tenantId(), vote.getId(), ++position, option.title().trim(),
                blankToNull(option.description()), stored ? null : blankToNull(option.imageUrl()),
                blankToNull(option.imageAlt()), stored ? option.imageData() : null,
                stored ? option.imageContentType() : null));
        }
        Procedure procedure = procedures.create(command.tenantId(), vote.getTitle(), VoteProcess.TEMPLATE_KEY,
            VoteProcess.PROCESS_ID);
        vote.linkProcedure(procedure.getId());
        return procedures.startProcess(procedure, variables(vote));
    }

    /**
     * The vote row and procedure only, for imports (votes moved here, demo data) that add ballots and results
     * before starting the process where the vote stands.
     */
    @Transactional
    public Procedure setUpWithoutProcess(SetUpVote command) {
        Vote vote = votes.save(new Vote(command.tenantId(), command.title().trim(), command.question().trim(),
            blankToNull(command.description()), command.method(), command.bindingForCouncil(),
            command.changeAllowed(), command.minimumAge(), command.minimumTurnout(), command.opensAt(),
            command.closesAt(), command.unlinkDelay() == null ? VoteProcess.DEFAULT_UNLINK_DELAY
                : command.unlinkDelay(), command.setUpBy()));
        int position = 0;
        for (NewOption option : command.options()) {
            options.save(new VoteOption(command.tenantId(), vote.getId(), ++position, option.title(),
                option.description(), option.imageUrl(), option.imageAlt(), option.imageData(),
                option.imageContentType()));
        }
        Procedure procedure = procedures.create(command.tenantId(), vote.getTitle(), VoteProcess.TEMPLATE_KEY,
            VoteProcess.PROCESS_ID);
        vote.linkProcedure(procedure.getId());
        return procedure;
    }

    public Vote vote(Procedure procedure) {
        return votes.findByProcedureId(procedure.getId()).orElseThrow();
    }

    public static Map<String, Object> variables(Vote vote) {
        return Map.of(VoteProcess.VAR_VOTE_ID, vote.getId(),
            VoteProcess.VAR_OPENS_AT, Date.from(vote.getOpensAt()),
            VoteProcess.VAR_CLOSES_AT, Date.from(vote.getClosesAt()),
            VoteProcess.VAR_UNLINK_DELAY, vote.getUnlinkDelay(),
            VoteProcess.VAR_BINDING_FOR_COUNCIL, vote.isBindingForCouncil());
    }

    /**
     * Casts (or, where the vote allows it, replaces) the citizen's ballot. {@code choice} holds option ids in
     * order of preference (one for single choice). Two requests at once from one account end in one ballot: the
     * database refuses the second, which is reported as {@code ALREADY_VOTED}.
     */
    public Receipt cast(CitizenUser voter, Long voteId, List<Long> choice, Integer birthYear) {
        Vote vote = votes.findByIdAndApprovedAtIsNotNull(voteId).orElseThrow(() -> rejected(UNKNOWN_VOTE, null,
            "Diese Abstimmung gibt es nicht."));
        return cast(voter, vote, choice, birthYear);
    }

    /**
     * As {@link #cast(CitizenUser, Long, List, Integer)} for a vote the caller has just read (the ballot page has):
     * at a thousand ballots a second every statement counts. Whether the vote still takes ballots is checked again
     * inside the insert, so a vote read a moment before the close cannot let a late ballot in.
     */
    public Receipt cast(CitizenUser voter, Vote vote, List<Long> choice, Integer birthYear) {
        Long voteId = vote.getId();
        Instant now = clock.instant();
        checkEligible(vote, voter, birthYear, now);
        checkOpen(vote, now);
        String ranking = checkedRanking(vote, choice);
        String code = ReceiptCode.random();
        try {
            Boolean replaced = transaction.execute(status -> {
                // without changes allowed, the unique constraint answers "already voted" (below); no lookup first
                if (vote.isChangeAllowed() && ballots.ballotOf(voteId, voter.id()).isPresent()) {
                    if (!ballots.replaceOnline(voteId, voter.id(), ranking, code, now)) {
                        throw closed(vote);
                    }
                    return true;
                }
                if (!ballots.insertOnline(vote.getTenantId(), voteId, voter.id(), ranking, code, now)) {
                    throw closed(vote);
                }
                return false;
            });
            return new Receipt(voteId, code, Boolean.TRUE.equals(replaced), now);
        } catch (DataIntegrityViolationException duplicate) {
            if (ballots.isUniqueViolation(duplicate, BallotStore.UNIQUE_VOTER)) {
                throw alreadyVoted();
            }
            throw duplicate;
        }
    }

    /**
     * A paper ballot entered by staff. If the voter is known by username, their online ballot (if any) makes this
     * one a duplicate, and their later online vote is refused; the paper number is unique within the vote.
     */
    public void enterPaperBallot(Long voteId, String paperNumber, List<Long> choice, String voterUsername,
            String enteredBy) {
        Vote vote = votes.findById(voteId).orElseThrow(() -> rejected(UNKNOWN_VOTE, null,
            "Diese Abstimmung gibt es nicht."));
        if (!vote.acceptsPaperBallots()) {
            throw rejected(PAPER_ENTRY_CLOSED, null, "Für diese Abstimmung werden keine Papierstimmzettel "
                + "(mehr) angenommen.");
        }
        String number = paperNumber == null ? "" : paperNumber.trim();
        if (number.isEmpty() || number.length() > 32) {
            throw rejected(PAPER_NUMBER_MISSING, "paperNumber", "Bitte geben Sie die Nummer des Stimmzettels an "
                + "(höchstens 32 Zeichen).");
        }
        String ranking = checkedRanking(vote, choice);
        Long voterRef = null;
        if (voterUsername != null && !voterUsername.isBlank()) {
            voterRef = citizens.idOfUsername(vote.getTenantId(), voterUsername).orElseThrow(() -> rejected(
                UNKNOWN_CITIZEN, "voterUsername", "Ein Bürgerkonto „" + voterUsername.trim() + "“ gibt es hier nicht."));
            if (ballots.ballotOf(voteId, voterRef).isPresent()) {
                throw rejected(VOTED_ALREADY_ONLINE, "voterUsername", "Diese Person hat bereits abgestimmt: "
                    + "Der Papierstimmzettel wird nicht gezählt.");
            }
        }
        Long ref = voterRef;
        try {
            transaction.executeWithoutResult(status -> ballots.insertPaper(vote.getTenantId(), voteId, ref, ranking,
                number, enteredBy, clock.instant()));
        } catch (DataIntegrityViolationException duplicate) {
            if (ballots.isUniqueViolation(duplicate, BallotStore.UNIQUE_PAPER_NUMBER)) {
                throw rejected(PAPER_NUMBER_TAKEN, "paperNumber", "Der Stimmzettel Nr. " + number
                    + " ist bereits erfasst.");
            }
            if (ballots.isUniqueViolation(duplicate, BallotStore.UNIQUE_VOTER)) {
                throw rejected(VOTED_ALREADY_ONLINE, "voterUsername", "Diese Person hat bereits abgestimmt: "
                    + "Der Papierstimmzettel wird nicht gezählt.");
            }
            throw duplicate;
        }
    }

    /**
     * Moves the end of an open (or approved, not yet closed) vote later; logged and shown publicly. The process's
     * closing timer follows: the message {@value VoteProcess#MESSAGE_VOTE_EXTENDED} makes it start over with the
     * new date; before the vote opens, the date variable is simply changed.
     */
    @Transactional
    public VoteExtension extend(Long voteId, Instant newClosesAt, String reason, String by) {
        Vote vote = votes.findById(voteId).orElseThrow();
        Instant now = clock.instant();
        if (vote.getClosedAt() != null || !vote.getClosesAt().isAfter(now)) {
            throw new InputRejectedException("closesAt", "Die Abstimmung ist bereits beendet und kann nicht mehr "
                + "verlängert werden.");
        }
        if (newClosesAt == null || !newClosesAt.isAfter(vote.getClosesAt())) {
            throw new InputRejectedException("closesAt", "Das neue Ende muss nach dem bisherigen Ende ("
                + VoteTexts.dateTime(vote.getClosesAt()) + ") liegen.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputRejectedException("reason", "Bitte begründen Sie die Verlängerung; sie wird veröffentlicht.");
        }
        VoteExtension extension = extensions.save(new VoteExtension(vote, newClosesAt, reason.trim(), by, now));
        vote.extendTo(newClosesAt);
        Procedure procedure = procedureRows.findById(vote.getProcedureId()).orElseThrow();
        boolean waiting = runtimeService.createEventSubscriptionQuery()
            .processInstanceId(procedure.getProcessInstanceId()).eventName(VoteProcess.MESSAGE_VOTE_EXTENDED)
            .count() > 0;
        if (waiting) {
            runtimeService.createMessageCorrelation(VoteProcess.MESSAGE_VOTE_EXTENDED)
                .processInstanceBusinessKey(procedure.getBusinessKey())
                .setVariable(VoteProcess.VAR_CLOSES_AT, Date.from(newClosesAt)).correlate();
        } else {
            runtimeService.setVariable(procedure.getProcessInstanceId(), VoteProcess.VAR_CLOSES_AT,
                Date.from(newClosesAt));
        }
        return extension;
    }

    public boolean receiptCounted(Long voteId, String typedCode) {
        return ReceiptCode.normalise(typedCode).map(code -> ballots.receiptExists(voteId, code)).orElse(false);
    }

    private void checkEligible(Vote vote, CitizenUser voter, Integer birthYear, Instant now) {
        if (voter == null || voter.id() == null || !vote.getTenantId().equals(voter.tenantId())) {
            throw rejected(NOT_ELIGIBLE, null, "Abstimmen können nur registrierte Bürgerinnen und Bürger dieser "
                + "Stadt.");
        }
        if (vote.getMinimumAge() != null && vote.getMinimumAge() > 0) {
            if (birthYear == null) {
                throw rejected(BIRTH_YEAR_MISSING, "birthYear", "Bitte geben Sie Ihr Geburtsjahr an.");
            }
            int closingYear = vote.getClosesAt().atZone(VoteTexts.ZONE).getYear();
            if (birthYear < 1900 || closingYear - birthYear < vote.getMinimumAge()) {
                throw rejected(TOO_YOUNG, "birthYear", "Abstimmen können Personen, die im Jahr des "
                    + "Abstimmungsendes mindestens " + vote.getMinimumAge() + " Jahre alt werden.");
            }
        }
    }

    private static void checkOpen(Vote vote, Instant now) {
        if (vote.getOpenedAt() == null) {
            throw rejected(NOT_YET_OPEN, null, "Die Abstimmung beginnt am " + VoteTexts.dateTime(vote.getOpensAt())
                + ".");
        }
        if (!vote.acceptsBallots(now)) {
            throw closed(vote);
        }
    }

    /** The choice as stored: known options of this vote, each once; exactly one for single choice. */
    private String checkedRanking(Vote vote, List<Long> choice) {
        if (choice == null || choice.isEmpty()) {
            throw rejected(EMPTY, "choice", vote.getMethod() == VotingMethod.SINGLE_CHOICE
                ? "Bitte wählen Sie eine Option." : "Bitte geben Sie mindestens einer Option den Rang 1.");
        }
        Set<Long> known = new HashSet<>(options.idsOfVote(vote.getId()));
        Set<Long> seen = new HashSet<>();
        for (Long id : choice) {
            if (id == null || !known.contains(id)) {
                throw rejected(UNKNOWN_OPTION, "choice", "Diese Option gehört nicht zu dieser Abstimmung.");
            }
            if (!seen.add(id)) {
                throw rejected(DUPLICATE_OPTION, "choice", "Jede Option kann nur einmal gewählt werden.");
            }
        }
        if (vote.getMethod() == VotingMethod.SINGLE_CHOICE && choice.size() != 1) {
            throw rejected(ONE_CHOICE_ONLY, "choice", "Bitte wählen Sie genau eine Option.");
        }
        return BallotCount.formatRanking(choice);
    }

    private static void checkTimes(Instant opensAt, Instant closesAt, String field) {
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw new InputRejectedException(field, "Das Ende muss nach dem Beginn der Abstimmung liegen.");
        }
    }

    static String checkedDuration(String iso) {
        try {
            if (iso.contains("T")) {
                Duration.parse(iso);
            } else {
                Period.parse(iso);
            }
            return iso;
        } catch (DateTimeParseException e) {
            throw new InputRejectedException("unlinkDelay", "„" + iso + "“ ist keine Dauer nach ISO 8601 (z. B. P30D).");
        }
    }

    private static BallotRejectedException alreadyVoted() {
        return rejected(ALREADY_VOTED, null, "Ihre Stimme ist bereits gespeichert. Jede Person kann nur einmal "
            + "abstimmen.");
    }

    private static BallotRejectedException closed(Vote vote) {
        return rejected(CLOSED, null, "Die Abstimmung ist seit " + VoteTexts.dateTime(vote.getClosesAt())
            + " beendet.");
    }

    private static BallotRejectedException rejected(BallotRejectedException.Reason reason, String field,
            String message) {
        return new BallotRejectedException(reason, field, message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package de.stadtdialog.voting.internal;

import static de.stadtdialog.voting.VoteProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.MunicipalTime;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOption;
import de.stadtdialog.voting.VoteTallyRepository;
import de.stadtdialog.voting.VoteTexts;

/**
 * Binds the vote forms to the vote row: on create, the task gets the current values (and summaries) as
 * task-local variables; on complete, the submitted values are checked and stored in the row. The process keeps
 * only the id, dates and decision flags.
 */
@Component("voteTaskFormListener")
class VoteTaskFormListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COUNCIL_RESULTS = Set.of("adopted", "adopted-with-changes", "rejected");

    private final VoteSteps steps;
    private final VoteTallyRepository tallies;
    private final BallotStore ballots;
    private final Clock clock;

    VoteTaskFormListener(VoteSteps steps, VoteTallyRepository tallies, BallotStore ballots, Clock clock) {
        this.clock = clock;
        this.steps = steps;
        this.tallies = tallies;
        this.ballots = ballots;
    }

    @Override
    public void notify(DelegateTask task) {
        Vote vote = steps.vote(((Number) task.getVariable(VAR_VOTE_ID)).longValue());
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, vote);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            store(task, vote);
        }
    }

    private void prefill(DelegateTask task, Vote vote) {
        List<VoteOption> options = steps.options(vote.getId());
        switch (task.getTaskDefinitionKey()) {
            case TASK_SET_UP_VOTE -> {
                task.setVariableLocal("voteSummary", VoteSummaries.vote(vote, options));
                task.setVariableLocal("reviewComment", vote.getReviewComment());
                task.setVariableLocal("opensAtInput", local(vote.getOpensAt()));
                task.setVariableLocal("closesAtInput", local(vote.getClosesAt()));
                task.setVariableLocal("bindingInput", vote.isBindingForCouncil());
                task.setVariableLocal("changeAllowedInput", vote.isChangeAllowed());
                task.setVariableLocal("minimumTurnoutInput", vote.getMinimumTurnout());
                task.setVariableLocal("minimumAgeInput", vote.getMinimumAge());
            }
            case TASK_APPROVE_VOTE -> {
                task.setVariableLocal("voteSummary", VoteSummaries.vote(vote, options));
                task.setVariableLocal(VAR_APPROVAL_DECISION, null);
                task.setVariableLocal("reviewComment", null);
            }
            case TASK_ENTER_PAPER_BALLOTS -> {
                task.setVariableLocal("paperBallotCount", ballots.countPaper(vote.getId()));
                task.setVariableLocal("paperBallotsComplete", false);
            }
            case TASK_DECIDE_TIE -> {
                task.setVariableLocal("resultSummary", resultSummary(vote, options));
                task.setVariableLocal("tiedOptions", json(steps.tiedOptions(vote.getId()).stream()
                    .map(o -> Map.of("label", o.getTitle(), "value", String.valueOf(o.getId()))).toList()));
                task.setVariableLocal("tieWinner", null);
                task.setVariableLocal("decisionReason", null);
            }
            case TASK_DECIDE_LOW_TURNOUT, TASK_RECORD_COUNCIL_DECISION, TASK_ADOPT_RESULT -> {
                task.setVariableLocal("resultSummary", resultSummary(vote, options));
                task.setVariableLocal("decisionReason", null);
            }
            default -> {
            }
        }
    }

    private void store(DelegateTask task, Vote vote) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_SET_UP_VOTE -> {
                Instant opensAt = instant(task, "opensAtInput");
                Instant closesAt = instant(task, "closesAtInput");
                if (!closesAt.isAfter(opensAt)) {
                    throw new InputRejectedException("closesAtInput", "Das Ende muss nach dem Beginn liegen.");
                }
                boolean binding = flag(task, "bindingInput");
                vote.reviseRules(opensAt, closesAt, binding, flag(task, "changeAllowedInput"),
                    count(task, "minimumTurnoutInput"), count(task, "minimumAgeInput"), actor(task));
                task.getExecution().setVariable(VAR_OPENS_AT, Date.from(opensAt));
                task.getExecution().setVariable(VAR_CLOSES_AT, Date.from(closesAt));
                task.getExecution().setVariable(VAR_BINDING_FOR_COUNCIL, binding);
            }
            case TASK_APPROVE_VOTE -> {
                String decision = text(task, VAR_APPROVAL_DECISION);
                if (!DECISION_APPROVE.equals(decision) && !DECISION_REWORK.equals(decision)) {
                    throw new InputRejectedException(VAR_APPROVAL_DECISION,
                        "Bitte wählen Sie: freigeben oder zur Überarbeitung zurückgeben.");
                }
                String reviewer = actor(task);
                if (reviewer != null && reviewer.equals(vote.getSetUpBy())) {
                    throw new InputRejectedException(VAR_APPROVAL_DECISION, "Vier-Augen-Prinzip: Die Abstimmung "
                        + "muss von einer anderen Person freigegeben werden als von " + reviewer
                        + ", die sie vorbereitet hat.");
                }
                String comment = text(task, "reviewComment");
                if (DECISION_REWORK.equals(decision) && comment == null) {
                    throw new InputRejectedException("reviewComment", "Bitte schreiben Sie, was zu überarbeiten ist.");
                }
                vote.recordReview(reviewer, comment, DECISION_APPROVE.equals(decision), now());
                task.getExecution().setVariable(VAR_APPROVAL_DECISION, decision);
            }
            case TASK_ENTER_PAPER_BALLOTS -> {
                if (!flag(task, "paperBallotsComplete")) {
                    throw new InputRejectedException("paperBallotsComplete",
                        "Bitte bestätigen Sie, dass alle Papierstimmzettel erfasst sind.");
                }
                steps.finishPaperEntry(vote.getId());
            }
            case TASK_DECIDE_LOW_TURNOUT -> {
                String decision = text(task, VAR_LOW_TURNOUT_DECISION);
                if (!DECISION_ACCEPT.equals(decision) && !DECISION_VOID.equals(decision)) {
                    throw new InputRejectedException(VAR_LOW_TURNOUT_DECISION,
                        "Bitte wählen Sie: Ergebnis gelten lassen oder ohne Ergebnis beenden.");
                }
                vote.decideLowTurnout(decision, required(task, "decisionReason", "Bitte begründen Sie die Entscheidung."));
                task.getExecution().setVariable(VAR_LOW_TURNOUT_DECISION, decision);
            }
            case TASK_DECIDE_TIE -> {
                String winner = text(task, "tieWinner");
                VoteOption chosen = steps.tiedOptions(vote.getId()).stream()
                    .filter(o -> String.valueOf(o.getId()).equals(winner)).findFirst()
                    .orElseThrow(() -> new InputRejectedException("tieWinner",
                        "Bitte wählen Sie eine der gleichauf liegenden Optionen."));
                vote.decideTie(chosen.getId(), required(task, "decisionReason", "Bitte begründen Sie die Entscheidung."));
            }
            case TASK_RECORD_COUNCIL_DECISION -> {
                String result = text(task, VAR_COUNCIL_RESULT);
                if (!COUNCIL_RESULTS.contains(result)) {
                    throw new InputRejectedException(VAR_COUNCIL_RESULT, "Bitte wählen Sie den Beschluss aus der Liste.");
                }
                vote.recordOutcome("council", result, "Der Stadtrat hat entschieden: " + VoteSteps.councilLabel(result)
                    + ". " + required(task, "decisionReason", "Bitte geben Sie Beschlusstext oder Fundstelle an."), now());
                task.getExecution().setVariable(VAR_COUNCIL_RESULT, result);
            }
            case TASK_ADOPT_RESULT -> vote.recordOutcome("officer", null,
                required(task, "decisionReason", "Bitte halten Sie fest, wie die Verwaltung das Ergebnis übernimmt."),
                now());
            default -> {
            }
        }
    }

    private String resultSummary(Vote vote, List<VoteOption> options) {
        return VoteSummaries.result(vote, options, tallies.findByVoteIdOrderByRoundAscVotesDesc(vote.getId()));
    }

    private Instant now() {
        return clock.instant();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String local(Instant instant) {
        return instant.atZone(VoteTexts.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** Who completes the task: the authenticated user first (so handing the task on cannot dodge four eyes). */
    private static String actor(DelegateTask task) {
        String authenticated = Context.getCommandContext() == null ? null
            : Context.getCommandContext().getAuthenticatedUserId();
        return authenticated != null ? authenticated : task.getAssignee();
    }

    private static boolean flag(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static String required(DelegateTask task, String name, String message) {
        String value = text(task, name);
        if (value == null) {
            throw new InputRejectedException(name, message);
        }
        return value;
    }

    /** An optional whole number ≥ 0; empty means none. */
    private static Integer count(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            int count = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count == 0 ? null : count;
        } catch (NumberFormatException e) {
            throw new InputRejectedException(name, "Bitte geben Sie eine ganze Zahl ab 0 an.");
        }
    }

    /** Date-times from form-js come as local ("2026-12-02T18:00"), with offset, or as a Date. */
    private static Instant instant(DelegateTask task, String name) {
        return MunicipalTime.fromForm(task.getVariable(name), name);
    }
}

package de.stadtdialog.voting.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteProcess;

/** Counts and hands the gateways their flags: tie, and whether the minimum turnout was reached. */
@Component("tallyVoteDelegate")
class TallyVoteDelegate implements JavaDelegate {

    private final VoteSteps steps;

    TallyVoteDelegate(VoteSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long voteId = ((Number) execution.getVariable(VoteProcess.VAR_VOTE_ID)).longValue();
        steps.tally(voteId);
        Vote vote = steps.vote(voteId);
        execution.setVariable(VoteProcess.VAR_TIE, vote.isTie());
        execution.setVariable(VoteProcess.VAR_TURNOUT_REACHED, Boolean.TRUE.equals(vote.getTurnoutReached()));
    }
}

package de.stadtdialog.voting.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.voting.VoteProcess;

@Component("unlinkVotersDelegate")
class UnlinkVotersDelegate implements JavaDelegate {

    private final VoteSteps steps;

    UnlinkVotersDelegate(VoteSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.unlinkVoters(((Number) execution.getVariable(VoteProcess.VAR_VOTE_ID)).longValue());
    }
}

package de.stadtdialog.voting.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.voting.VoteProcess;

@Component("sendVoteFeedbackDelegate")
class SendVoteFeedbackDelegate implements JavaDelegate {

    private final VoteSteps steps;

    SendVoteFeedbackDelegate(VoteSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.sendFeedback(((Number) execution.getVariable(VoteProcess.VAR_VOTE_ID)).longValue());
    }
}

package de.stadtdialog.council.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.council.CouncilDecisionProcess;

@Component("sendCouncilFeedbackDelegate")
class SendFeedbackDelegate implements JavaDelegate {

    private final CouncilSteps steps;

    SendFeedbackDelegate(CouncilSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.sendFeedback(((Number) execution.getVariable(CouncilDecisionProcess.VAR_MOTION_ID)).longValue());
    }
}

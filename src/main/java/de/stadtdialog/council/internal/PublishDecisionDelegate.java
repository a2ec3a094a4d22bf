package de.stadtdialog.council.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.council.CouncilDecisionProcess;

@Component("publishCouncilDecisionDelegate")
class PublishDecisionDelegate implements JavaDelegate {

    private final CouncilSteps steps;

    PublishDecisionDelegate(CouncilSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.publishDecision(((Number) execution.getVariable(CouncilDecisionProcess.VAR_MOTION_ID)).longValue());
    }
}

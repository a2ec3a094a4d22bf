package de.stadtdialog.sessioncycle.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.sessioncycle.SessionCycleProcess;

@Component("publishMinutesDelegate")
class PublishMinutesDelegate implements JavaDelegate {

    private final SessionCycleSteps steps;

    PublishMinutesDelegate(SessionCycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.publishMinutes(((Number) execution.getVariable(SessionCycleProcess.VAR_SESSION_ID)).longValue());
    }
}

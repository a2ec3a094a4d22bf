package de.stadtdialog.sessioncycle.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.sessioncycle.SessionCycleProcess;

@Component("sendInvitationDelegate")
class SendInvitationDelegate implements JavaDelegate {

    private final SessionCycleSteps steps;

    SendInvitationDelegate(SessionCycleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.sendInvitation(((Number) execution.getVariable(SessionCycleProcess.VAR_SESSION_ID)).longValue());
    }
}

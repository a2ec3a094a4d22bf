package de.stadtdialog.voting.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.voting.VoteProcess;

/** The council process sent {@value VoteProcess#MESSAGE_COUNCIL_DECISION_TAKEN} with its result flag. */
@Component("takeOverCouncilDecisionDelegate")
class TakeOverCouncilDecisionDelegate implements JavaDelegate {

    private final VoteSteps steps;

    TakeOverCouncilDecisionDelegate(VoteSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object result = execution.getVariable(VoteProcess.VAR_COUNCIL_RESULT);
        Object councilDecision = execution.getVariable(CouncilDecisionProcess.VAR_COUNCIL_DECISION);
        if (result == null && councilDecision != null) {
            // the council module names its decision ADOPTED_WITH_CHANGES, this module "adopted-with-changes"
            result = councilDecision.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        steps.takeOverCouncilDecision(((Number) execution.getVariable(VoteProcess.VAR_VOTE_ID)).longValue(),
            result == null ? null : result.toString());
    }
}

package de.stadtdialog.council.internal;

import static de.stadtdialog.council.CouncilDecisionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.Motion;

/**
 * At the start: a process called by a participation process brings only its procedure, so the motion is created
 * here; the parameters get their defaults (notice period P4D, evaluation after P2Y) and are checked once.
 */
@Component("councilStartListener")
class CouncilStartListener implements ExecutionListener {

    private final CouncilSteps steps;

    CouncilStartListener(CouncilSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(VAR_NOTICE_PERIOD) == null) {
            execution.setVariable(VAR_NOTICE_PERIOD, DEFAULT_NOTICE_PERIOD);
        }
        CouncilDates.noticeDays(String.valueOf(execution.getVariable(VAR_NOTICE_PERIOD)));
        if (execution.getVariable(VAR_EVALUATION_AFTER) == null) {
            execution.setVariable(VAR_EVALUATION_AFTER, DEFAULT_EVALUATION_AFTER);
        }
        if (execution.getVariable(VAR_MOTION_ID) == null) {
            Object procedureId = execution.getVariable(VAR_PROCEDURE_ID);
            if (!(procedureId instanceof Number number)) {
                throw new IllegalArgumentException("CouncilDecisionProcess needs the variable procedureId");
            }
            Motion motion = steps.motionForCall(String.valueOf(execution.getVariable(VAR_TENANT_ID)),
                number.longValue(), text(execution.getVariable(VAR_PARTICIPATION_FORMAT)),
                text(execution.getVariable(VAR_RESULTS_REPORT_URL)));
            execution.setVariable(VAR_MOTION_ID, motion.getId());
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}

package de.stadtdialog.guidelines.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.stadtdialog.guidelines.GuidelinesProcedure;
import de.stadtdialog.guidelines.GuidelinesProcess;
import de.stadtdialog.guidelines.GuidelinesService;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.MunicipalTime;

/**
 * Binds the guidelines forms to the {@link GuidelinesProcedure} row: on create the task gets the current values
 * as task-local variables (our tasklist and Camunda Tasklist show them); on complete the submitted values are
 * checked and stored. The process keeps only the id and the next step's flag.
 */
@Component("guidelinesTaskFormListener")
class GuidelinesTaskFormListener implements TaskListener {

    private final GuidelinesService guidelines;
    private final PublicSessionRepository sessions;

    GuidelinesTaskFormListener(GuidelinesService guidelines, PublicSessionRepository sessions) {
        this.guidelines = guidelines;
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        Long guidelinesId = ((Number) task.getVariable(GuidelinesProcess.VAR_GUIDELINES_ID)).longValue();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, guidelines.get(guidelinesId));
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            store(task, guidelinesId);
        }
    }

    private void prefill(DelegateTask task, GuidelinesProcedure row) {
        switch (task.getTaskDefinitionKey()) {
            case GuidelinesProcess.TASK_RECORD_COUNCIL_MANDATE -> {
                task.setVariableLocal("mandateReference", row.getMandateReference());
                task.setVariableLocal("mandateDate", row.getMandateDate() == null ? null
                    : row.getMandateDate().toString());
                task.setVariableLocal("mandateSummary", row.getMandateSummary());
                task.setVariableLocal("workingGroup", row.getWorkingGroup());
            }
            case GuidelinesProcess.TASK_PLAN_WORKING_GROUP_STEP -> {
                task.setVariableLocal("sessionsSoFar", sessionsSoFar(row));
                task.setVariableLocal(GuidelinesProcess.VAR_NEXT_WORKING_GROUP_STEP, null);
                task.setVariableLocal("startsAt", null);
                task.setVariableLocal("location", row.getNextSessionLocation());
                task.setVariableLocal("recipients", row.getSessionRecipients());
            }
            case GuidelinesProcess.TASK_RECORD_REJECTION_FOLLOW_UP -> task.setVariableLocal("followUp",
                row.getRejectionFollowUp());
            default -> {
            }
        }
    }

    private void store(DelegateTask task, Long guidelinesId) {
        switch (task.getTaskDefinitionKey()) {
            case GuidelinesProcess.TASK_RECORD_COUNCIL_MANDATE -> guidelines.recordMandate(guidelinesId,
                text(task, "mandateReference"), date(task, "mandateDate"), text(task, "mandateSummary"),
                text(task, "workingGroup"));
            case GuidelinesProcess.TASK_PLAN_WORKING_GROUP_STEP -> {
                String step = text(task, GuidelinesProcess.VAR_NEXT_WORKING_GROUP_STEP);
                if (!GuidelinesProcess.STEP_SESSION.equals(step) && !GuidelinesProcess.STEP_DRAFT.equals(step)) {
                    throw new InputRejectedException(GuidelinesProcess.VAR_NEXT_WORKING_GROUP_STEP,
                        "Bitte wählen Sie: weitere Sitzung oder Entwurf fertig.");
                }
                if (GuidelinesProcess.STEP_SESSION.equals(step)) {
                    if (text(task, "location") == null) {
                        throw new InputRejectedException("location", "Bitte geben Sie den Ort der Sitzung an.");
                    }
                    guidelines.planSession(guidelinesId, MunicipalTime.fromForm(task.getVariable("startsAt"),
                        "startsAt", "Bitte geben Sie den Termin der nächsten Sitzung an."), text(task, "location"),
                        text(task, "recipients"));
                }
                task.getExecution().setVariable(GuidelinesProcess.VAR_NEXT_WORKING_GROUP_STEP, step);
            }
            case GuidelinesProcess.TASK_RECORD_REJECTION_FOLLOW_UP -> {
                guidelines.recordRejectionFollowUp(guidelinesId, text(task, "followUp"));
                guidelines.decided(guidelinesId, String.valueOf(task.getVariable(
                    GuidelinesProcess.VAR_COUNCIL_DECISION)));
            }
            default -> {
            }
        }
    }

    private String sessionsSoFar(GuidelinesProcedure row) {
        List<PublicSession> held = sessions.findByProcedureIdOrderByStartsAt(row.getProcedureId());
        if (held.isEmpty()) {
            return "noch keine – die konstituierende Sitzung steht an";
        }
        return held.size() + (held.size() == 1 ? " Sitzung" : " Sitzungen") + ", zuletzt am "
            + NoticePeriod.format(held.get(held.size() - 1).getStartsAt());
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** form-js sends a date as "2022-05-16"; Camunda Tasklist may send a Date. */
    private static LocalDate date(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(MunicipalTime.ZONE).toLocalDate();
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            throw new InputRejectedException(name, "Bitte geben Sie das Datum an.");
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(name, "„" + text + "“ ist kein gültiges Datum.");
        }
    }
}

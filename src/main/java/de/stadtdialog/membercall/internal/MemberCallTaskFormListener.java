package de.stadtdialog.membercall.internal;

import static de.stadtdialog.membercall.MemberCallProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import de.stadtdialog.membercall.LotteryRun;
import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCall.CallDetails;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallTexts;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.MunicipalTime;

/**
 * Binds the call-for-members forms to the tables: on create the task gets the current values as task-local
 * variables, on complete the submitted values are checked against the business rules (four eyes included) and
 * stored. The process keeps only ids, dates and decision flags.
 */
@Component("memberCallTaskFormListener")
class MemberCallTaskFormListener implements TaskListener {

    private final MemberCallSteps steps;
    private final MemberCallService service;

    MemberCallTaskFormListener(MemberCallSteps steps, MemberCallService service) {
        this.steps = steps;
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        MemberCall call = steps.call(((Number) task.getVariable(VAR_CALL_ID)).longValue());
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, call);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            store(task, call);
        }
    }

    private void prefill(DelegateTask task, MemberCall call) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_EDIT_CALL -> {
                task.setVariableLocal("refusalReason", call.getRefusalReason());
                task.setVariableLocal("title", call.getTitle());
                task.setVariableLocal("workingGroup", call.getWorkingGroup());
                task.setVariableLocal("citizenSeats", call.getCitizenSeats() == 0 ? null : call.getCitizenSeats());
                task.setVariableLocal("nominatedSeats", call.getNominatedSeats());
                task.setVariableLocal("residence", call.getResidence());
                task.setVariableLocal("minimumAge", call.getMinimumAge());
                task.setVariableLocal("term", call.getTerm());
                task.setVariableLocal("termEndsAt", date(call.getTermEndsAt()));
                task.setVariableLocal("meetingFrequency", call.getMeetingFrequency());
                task.setVariableLocal("deadline", date(call.getDeadline()));
                task.setVariableLocal("quotas", call.getQuotas());
                task.setVariableLocal("plainSummary", call.getPlainSummary());
            }
            case TASK_APPROVE_CALL -> {
                task.setVariableLocal("callSummary", summary(call));
                task.setVariableLocal(VAR_APPROVAL_DECISION, null);
                task.setVariableLocal("approvalComment", null);
            }
            case TASK_CHECK_ELIGIBILITY -> {
                task.setVariableLocal("applicationsOverview", steps.applicationsOverview(call.getId()));
                task.setVariableLocal("rejections", steps.suggestedRejections(call.getId()));
            }
            case TASK_RECORD_NOMINATIONS -> {
                task.setVariableLocal("seatGroups", steps.seatGroups(call));
                task.setVariableLocal("nominations", steps.nominationsText(call.getId()));
            }
            case TASK_ADJUST_QUOTAS -> {
                task.setVariableLocal("quotaProblems", call.getQuotaProblems());
                task.setVariableLocal("quotas", call.getQuotas());
                task.setVariableLocal("quotaReason", null);
            }
            case TASK_ENTER_CEREMONY_INPUT -> {
                LotteryRun run = steps.run(runId(task));
                task.setVariableLocal("commitmentHash", run.getCommitmentHash());
                task.setVariableLocal("ceremonyInput", null);
            }
            case TASK_CONFIRM_RESULT -> {
                task.setVariableLocal("drawSummary", drawSummary(steps.run(runId(task))));
                task.setVariableLocal(VAR_RESULT_DECISION, null);
                task.setVariableLocal("resultComment", null);
            }
            default -> {
            }
        }
    }

    private void store(DelegateTask task, MemberCall call) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_EDIT_CALL -> {
                CallDetails details = new CallDetails(required(task, "title", "Bitte geben Sie einen Titel an."),
                    required(task, "workingGroup", "Bitte nennen Sie das Gremium."),
                    number(task, "citizenSeats", "Bitte geben Sie die Zahl der Sitze für Bürgerinnen und Bürger an."),
                    text(task, "nominatedSeats"),
                    required(task, "residence", "Bitte nennen Sie den Wohnort, den Bewerbende haben müssen."),
                    task.getVariable("minimumAge") == null ? DEFAULT_MINIMUM_AGE
                        : number(task, "minimumAge", "Bitte ein Mindestalter angeben."),
                    required(task, "term", "Bitte beschreiben Sie die Amtszeit."), instant(task, "termEndsAt"),
                    required(task, "meetingFrequency", "Bitte geben Sie an, wie oft das Gremium tagt."),
                    instant(task, "deadline"), text(task, "quotas"),
                    required(task, "plainSummary", "Bitte fassen Sie den Aufruf in Leichter Sprache zusammen."));
                service.check(details);
                call.describe(details, actor(task));
                task.getExecution().setVariable(VAR_APPLICATION_DEADLINE, Date.from(details.deadline()));
                task.getExecution().setVariable(VAR_TERM_ENDS_AT, Date.from(details.termEndsAt()));
            }
            case TASK_APPROVE_CALL -> {
                String decision = text(task, VAR_APPROVAL_DECISION);
                if (!DECISION_APPROVE.equals(decision) && !DECISION_REFUSE.equals(decision)) {
                    throw new InputRejectedException(VAR_APPROVAL_DECISION,
                        "Bitte wählen Sie: Aufruf freigeben oder zur Überarbeitung zurückgeben.");
                }
                String reviewer = actor(task);
                if (reviewer != null && reviewer.equals(call.getEditedBy())) {
                    throw new InputRejectedException(VAR_APPROVAL_DECISION, "Vier-Augen-Prinzip: Den Aufruf muss "
                        + "eine andere Person freigeben als " + reviewer + ", die ihn bearbeitet hat.");
                }
                if (DECISION_REFUSE.equals(decision)) {
                    call.refuse(reviewer, required(task, "approvalComment",
                        "Bitte schreiben Sie, was am Aufruf zu ändern ist."));
                } else {
                    call.approve(reviewer);
                }
                task.getExecution().setVariable(VAR_APPROVAL_DECISION, decision);
            }
            case TASK_CHECK_ELIGIBILITY -> {
                int eligible = steps.checkEligibility(call.getId(), text(task, "rejections"));
                task.getExecution().setVariable(VAR_OVERSUBSCRIBED, eligible > call.getCitizenSeats());
            }
            case TASK_RECORD_NOMINATIONS -> steps.recordNominations(call, text(task, "nominations"));
            case TASK_ADJUST_QUOTAS -> steps.adjustQuotas(call, text(task, "quotas"), required(task, "quotaReason",
                "Bitte begründen Sie die Änderung; sie wird öffentlich angezeigt."));
            case TASK_ENTER_CEREMONY_INPUT -> steps.enterCeremonyInput(steps.run(runId(task)),
                required(task, "ceremonyInput", "Bitte die in der öffentlichen Ziehung gewürfelten oder gezogenen "
                    + "Zahlen eintragen."), actor(task));
            case TASK_CONFIRM_RESULT -> confirm(task, call);
            default -> {
            }
        }
    }

    private void confirm(DelegateTask task, MemberCall call) {
        String decision = text(task, VAR_RESULT_DECISION);
        if (!DECISION_CONFIRM.equals(decision) && !DECISION_NEW_RUN.equals(decision)) {
            throw new InputRejectedException(VAR_RESULT_DECISION,
                "Bitte wählen Sie: Ergebnis bestätigen oder neue Losung ansetzen.");
        }
        LotteryRun run = steps.run(runId(task));
        String reviewer = actor(task);
        if (reviewer != null && reviewer.equals(run.getDrawnBy())) {
            throw new InputRejectedException(VAR_RESULT_DECISION, "Vier-Augen-Prinzip: Das Ergebnis muss eine "
                + "andere Person bestätigen als " + reviewer + ", die die Losung durchgeführt hat.");
        }
        if (DECISION_CONFIRM.equals(decision)) {
            List<String> withdrawn = steps.withdrawnFromPool(run);
            if (!withdrawn.isEmpty()) {
                throw new InputRejectedException(VAR_RESULT_DECISION, "Nach der Festlegung der Lostabelle wurden "
                    + "Bewerbungen zurückgezogen (" + String.join(", ", withdrawn) + "). Eine festgelegte Tabelle "
                    + "wird nie geändert: Bitte eine neue Losung ansetzen.");
            }
            steps.confirmResult(run, reviewer);
        } else {
            steps.voidRun(run, required(task, "resultComment", "Bitte begründen Sie, warum neu gelost wird."));
            task.getExecution().setVariable(VAR_OVERSUBSCRIBED,
                steps.eligibleCount(call.getId()) > call.getCitizenSeats());
        }
        task.getExecution().setVariable(VAR_RESULT_DECISION, decision);
    }

    private static String summary(MemberCall call) {
        StringBuilder text = new StringBuilder();
        text.append("Titel: ").append(call.getTitle()).append('\n')
            .append("Gremium: ").append(call.getWorkingGroup()).append('\n')
            .append("Sitze für Bürgerinnen und Bürger: ").append(call.getCitizenSeats()).append('\n');
        call.nominatedSeatsByGroup().forEach((group, seats) -> text.append("Sitze ").append(group).append(": ")
            .append(seats).append('\n'));
        text.append("Wohnort: ").append(call.getResidence()).append(", Mindestalter: ").append(call.getMinimumAge())
            .append('\n')
            .append("Amtszeit: ").append(call.getTerm()).append(" (bis ")
            .append(MemberCallTexts.date(call.getTermEndsAt())).append(")\n")
            .append("Sitzungen: ").append(call.getMeetingFrequency()).append('\n')
            .append("Bewerbungsfrist: ").append(MemberCallTexts.dateTime(call.getDeadline())).append('\n');
        if (call.getQuotas() != null && !call.getQuotas().isBlank()) {
            text.append("Quoten (Kategorie; Wert; Minimum; Maximum):\n").append(call.getQuotas().trim())
                .append('\n');
        }
        text.append("Leichte Sprache:\n").append(call.getPlainSummary()).append('\n')
            .append("Bearbeitet von: ").append(call.getEditedBy());
        return text.toString();
    }

    private static String drawSummary(LotteryRun run) {
        return "Losung Nr. " + run.getRunNumber() + "\nCommitment (SHA-256): " + run.getCommitmentHash()
            + "\nEingabe der Ziehung: " + run.getCeremonyInput() + "\nSeed: " + run.getSeed()
            + "\nGezogenes Los: " + run.getPanelNumber() + " von " + run.getPanels()
            + "\nAusgewählt: " + String.join(", ", run.selected())
            + "\nNachrückliste: " + String.join(", ", run.reserve())
            + "\nDurchgeführt von: " + run.getDrawnBy();
    }

    private static Long runId(DelegateTask task) {
        return ((Number) task.getVariable(VAR_LOTTERY_RUN_ID)).longValue();
    }

    /** See SessionTaskFormListener: the logged-in user first, so that reassigning cannot dodge four eyes. */
    private static String actor(DelegateTask task) {
        String authenticated = Context.getCommandContext() == null ? null
            : Context.getCommandContext().getAuthenticatedUserId();
        return authenticated != null ? authenticated : task.getAssignee();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static String required(DelegateTask task, String name, String message) {
        String value = text(task, name);
        if (value == null) {
            throw new InputRejectedException(name, message);
        }
        return value;
    }

    private static int number(DelegateTask task, String name, String message) {
        Object value = task.getVariable(name);
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new InputRejectedException(name, message);
        }
    }

    /** Date-times from form-js come as local ("2027-03-01T18:00", Berlin), with offset, or as a Date. */
    static Instant instant(DelegateTask task, String name) {
        return MunicipalTime.fromForm(task.getVariable(name), name);
    }
}

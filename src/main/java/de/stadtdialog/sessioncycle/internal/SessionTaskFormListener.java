package de.stadtdialog.sessioncycle.internal;

import static de.stadtdialog.sessioncycle.SessionCycleProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.MunicipalTime;

/**
 * Binds the session-cycle forms to the session row: on create, the task gets the current values as task-local
 * variables (so both our tasklist and Camunda Tasklist show them); on complete, the submitted values are checked
 * against the business rules and stored in the row. The process keeps only ids, dates and the decision flag.
 */
@Component("sessionTaskFormListener")
class SessionTaskFormListener implements TaskListener {

    private final SessionCycleSteps steps;
    private final Clock clock;

    SessionTaskFormListener(SessionCycleSteps steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PublicSession session = steps.session(sessionId(task));
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, session);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            store(task, session);
        }
    }

    private void prefill(DelegateTask task, PublicSession session) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_DRAFT_AGENDA -> {
                task.setVariableLocal("sessionFormat", session.getFormat());
                task.setVariableLocal("location", session.getLocation());
                task.setVariableLocal("agenda", session.getAgenda());
            }
            case TASK_RESCHEDULE_SESSION -> {
                task.setVariableLocal("sessionStart", null);
                task.setVariableLocal("rescheduleReason", null);
            }
            case TASK_RECORD_SESSION -> {
                task.setVariableLocal("attendeeCount", session.getAttendeeCount());
                task.setVariableLocal("quorate", Boolean.TRUE.equals(session.getQuorate()));
                task.setVariableLocal("attendance", session.getAttendance());
                task.setVariableLocal("minutes", session.getMinutes());
                task.setVariableLocal("reviewComment", session.getReviewComment());
            }
            case TASK_APPROVE_MINUTES -> {
                task.setVariableLocal("attendance", session.getAttendance());
                task.setVariableLocal("minutes", session.getMinutes());
                task.setVariableLocal(VAR_MINUTES_DECISION, null);
                task.setVariableLocal("reviewComment", null);
            }
            default -> {
            }
        }
    }

    private void store(DelegateTask task, PublicSession session) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_DRAFT_AGENDA -> steps.recordAgenda(session, format(task), required(task, "location",
                "Bitte geben Sie den Ort an."), required(task, "agenda", "Bitte geben Sie die Tagesordnung ein."));
            case TASK_RESCHEDULE_SESSION -> {
                Instant startsAt = instant(task, "sessionStart");
                NoticePeriod notice = NoticePeriod.parse(session.getNoticePeriod());
                Instant deadline = notice.invitationDeadline(startsAt);
                if (!deadline.isAfter(clock.instant())) {
                    throw new InputRejectedException("sessionStart", "Der neue Termin ist zu früh: Bei "
                        + notice.fullDays() + " vollen Tagen Ladungsfrist muss die Sitzung später liegen.");
                }
                steps.reschedule(session, startsAt, required(task, "rescheduleReason",
                    "Bitte geben Sie den Grund der Verlegung an."), actor(task));
                task.getExecution().setVariable(VAR_INVITATION_DEADLINE, Date.from(deadline));
                task.getExecution().setVariable(VAR_SESSION_STARTS_AT, Date.from(startsAt));
                task.getExecution().setVariable(VAR_MINUTES_DUE, Date.from(NoticePeriod.minutesDue(startsAt)));
            }
            case TASK_RECORD_SESSION -> steps.recordMinutes(session, count(task, "attendeeCount"),
                Boolean.parseBoolean(String.valueOf(task.getVariable("quorate"))),
                required(task, "attendance", "Bitte erfassen Sie die Anwesenheit."),
                required(task, "minutes", "Bitte geben Sie das Protokoll ein."), actor(task));
            case TASK_APPROVE_MINUTES -> {
                String decision = text(task, VAR_MINUTES_DECISION);
                if (!DECISION_APPROVE.equals(decision) && !DECISION_REWORK.equals(decision)) {
                    throw new InputRejectedException(VAR_MINUTES_DECISION,
                        "Bitte wählen Sie: Protokoll genehmigen oder zur Überarbeitung zurückgeben.");
                }
                String reviewer = actor(task);
                if (reviewer != null && reviewer.equals(session.getMinutesAuthor())) {
                    throw new InputRejectedException(VAR_MINUTES_DECISION, "Vier-Augen-Prinzip: Das Protokoll muss "
                        + "von einer anderen Person genehmigt werden als von " + reviewer + ", die es erstellt hat.");
                }
                String comment = text(task, "reviewComment");
                if (DECISION_REWORK.equals(decision) && comment == null) {
                    throw new InputRejectedException("reviewComment",
                        "Bitte schreiben Sie, was am Protokoll zu überarbeiten ist.");
                }
                steps.recordReview(session, reviewer, comment);
                task.getExecution().setVariable(VAR_MINUTES_DECISION, decision);
            }
            default -> {
            }
        }
    }

    private static Long sessionId(DelegateTask task) {
        return ((Number) task.getVariable(VAR_SESSION_ID)).longValue();
    }

    /**
     * Who completes the task: the authenticated user (REST, Camunda Tasklist, our tasklist), else its assignee
     * (unauthenticated calls such as demo data). The logged-in user comes first so that handing the task to a
     * colleague and completing it oneself cannot get round the four-eyes rule.
     */
    private static String actor(DelegateTask task) {
        String authenticated = Context.getCommandContext() == null ? null
            : Context.getCommandContext().getAuthenticatedUserId();
        return authenticated != null ? authenticated : task.getAssignee();
    }

    private static String format(DelegateTask task) {
        String format = text(task, "sessionFormat");
        if (format == null) {
            return "in-person";
        }
        if (!List.of("in-person", "online", "hybrid").contains(format)) {
            throw new InputRejectedException("sessionFormat", "Bitte wählen Sie eine Sitzungsform aus der Liste.");
        }
        return format;
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

    private static int count(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        try {
            int count = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new InputRejectedException(name, "Bitte geben Sie die Zahl der Anwesenden an (0 oder mehr).");
        }
    }

    /** Date-times from form-js come as local ("2026-12-02T18:00"), with offset, or as a Date. */
    static Instant instant(DelegateTask task, String name) {
        return MunicipalTime.fromForm(task.getVariable(name), name);
    }
}

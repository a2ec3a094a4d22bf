package de.stadtdialog.council.internal;

import static de.stadtdialog.council.CouncilDecisionProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import de.stadtdialog.council.Consultation;
import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.ConsultationRole;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.Meeting;
import de.stadtdialog.council.Motion;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.MunicipalTime;

/**
 * Binds the council forms to the motion: on create the task gets the current values as task-local variables (both
 * tasklists show them); on complete the submitted values are checked against the business rules (four eyes,
 * notice period, the guard before the decision) and stored. The process keeps only ids, dates and flags.
 */
@Component("councilTaskFormListener")
class CouncilTaskFormListener implements TaskListener {

    static final String DEFAULT_HEARING_BODY = "Beirat für Bürgerbeteiligung";
    static final String DEFAULT_PRELIMINARY_BODY = "Hauptausschuss";
    static final String DEFAULT_DECISION_BODY = "Stadtrat";

    private final CouncilSteps steps;
    private final CouncilService council;

    CouncilTaskFormListener(CouncilSteps steps, CouncilService council) {
        this.steps = steps;
        this.council = council;
    }

    @Override
    public void notify(DelegateTask task) {
        Motion motion = steps.motion(((Number) task.getVariable(VAR_MOTION_ID)).longValue());
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, motion);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            store(task, motion);
        }
    }

    private void prefill(DelegateTask task, Motion motion) {
        task.setVariableLocal("reference", motion.getReference());
        switch (task.getTaskDefinitionKey()) {
            case TASK_DRAFT_MOTION -> {
                task.setVariableLocal("subject", motion.getSubject());
                task.setVariableLocal("facts", motion.getFacts());
                task.setVariableLocal("participationResults", motion.getParticipationResults());
                task.setVariableLocal(VAR_RESULTS_REPORT_URL, motion.getResultsReportUrl());
                task.setVariableLocal("proposedResolution", motion.getProposedResolution());
                task.setVariableLocal("deviates", motion.isDeviates());
                task.setVariableLocal("deviationReasons", motion.getDeviationReasons());
                task.setVariableLocal("reviewComment", motion.getReviewComment());
            }
            case TASK_APPROVE_MOTION -> {
                task.setVariableLocal("subject", motion.getSubject());
                task.setVariableLocal("facts", motion.getFacts());
                task.setVariableLocal("participationResults", motion.getParticipationResults());
                task.setVariableLocal(VAR_RESULTS_REPORT_URL, motion.getResultsReportUrl());
                task.setVariableLocal("proposedResolution", motion.getProposedResolution());
                task.setVariableLocal("deviationReasons", motion.isDeviates() ? motion.getDeviationReasons()
                    : "keine Abweichung vom Beteiligungsergebnis");
                task.setVariableLocal("author", motion.getAuthor());
                task.setVariableLocal(VAR_MOTION_DECISION, null);
                task.setVariableLocal("reviewComment", null);
            }
            case TASK_SET_CONSULTATION_SEQUENCE -> {
                task.setVariableLocal("subject", motion.getSubject());
                List<Consultation> previous = council.currentConsultations(motion);
                task.setVariableLocal("hearingBody", previous.isEmpty() ? DEFAULT_HEARING_BODY
                    : bodyFor(previous, ConsultationRole.HEARING));
                task.setVariableLocal("preliminaryBody", previous.isEmpty() ? DEFAULT_PRELIMINARY_BODY
                    : bodyFor(previous, ConsultationRole.PRELIMINARY));
                task.setVariableLocal("decisionBody", previous.isEmpty() ? DEFAULT_DECISION_BODY
                    : bodyFor(previous, ConsultationRole.DECISION));
            }
            case TASK_SCHEDULE_CONSULTATION -> {
                task.setVariableLocal("subject", motion.getSubject());
                task.setVariableLocal("consultation", label(steps.nextConsultation(motion)));
                task.setVariableLocal("meetingStart", null);
                task.setVariableLocal("location", null);
            }
            case TASK_RECORD_RESULT -> {
                Consultation consultation = steps.nextConsultation(motion);
                task.setVariableLocal("subject", motion.getSubject());
                task.setVariableLocal("consultation", label(consultation) + council.meetingOf(consultation)
                    .map(m -> ", Sitzung am " + CouncilDates.dateTime(m.getStartsAt())).orElse(""));
                task.setVariableLocal("proposedResolution", motion.getProposedResolution());
                task.setVariableLocal("result", null);
                task.setVariableLocal("changes", null);
                task.setVariableLocal("resultNote", null);
            }
            case TASK_EVALUATE -> {
                task.setVariableLocal("subject", motion.getSubject());
                task.setVariableLocal("decision", motion.getDecision() == null ? null
                    : motion.getDecision().label() + " am " + CouncilDates.date(motion.getDecidedAt()));
                task.setVariableLocal("evaluationNote", motion.getEvaluationNote());
            }
            default -> {
            }
        }
    }

    private void store(DelegateTask task, Motion motion) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_DRAFT_MOTION -> {
                boolean deviates = Boolean.parseBoolean(String.valueOf(task.getVariable("deviates")));
                String reasons = text(task, "deviationReasons");
                if (deviates && reasons == null) {
                    throw new InputRejectedException("deviationReasons", "Die Vorlage weicht vom "
                        + "Beteiligungsergebnis ab: Bitte begründen Sie jede Abweichung.");
                }
                String reportUrl = CouncilService.reportUrl(text(task, VAR_RESULTS_REPORT_URL));
                steps.draft(motion, required(task, "subject", "Bitte geben Sie den Betreff an."),
                    required(task, "facts", "Bitte schildern Sie den Sachverhalt."),
                    required(task, "participationResults", "Bitte fassen Sie die Ergebnisse der Beteiligung zusammen."),
                    reportUrl, required(task, "proposedResolution", "Bitte formulieren Sie den Beschlussvorschlag."),
                    deviates, reasons, actor(task));
            }
            case TASK_APPROVE_MOTION -> {
                String decision = text(task, VAR_MOTION_DECISION);
                if (!MOTION_APPROVE.equals(decision) && !MOTION_REWORK.equals(decision)) {
                    throw new InputRejectedException(VAR_MOTION_DECISION,
                        "Bitte wählen Sie: Vorlage freigeben oder zur Überarbeitung zurückgeben.");
                }
                String reviewer = actor(task);
                if (reviewer != null && reviewer.equals(motion.getAuthor())) {
                    throw new InputRejectedException(VAR_MOTION_DECISION, "Vier-Augen-Prinzip: Die Vorlage muss "
                        + "von einer anderen Person freigegeben werden als von " + reviewer
                        + ", die sie verfasst hat.");
                }
                String comment = text(task, "reviewComment");
                if (MOTION_REWORK.equals(decision) && comment == null) {
                    throw new InputRejectedException("reviewComment",
                        "Bitte schreiben Sie, was an der Vorlage zu überarbeiten ist.");
                }
                steps.review(motion, MOTION_APPROVE.equals(decision), reviewer, comment);
                task.getExecution().setVariable(VAR_MOTION_DECISION, decision);
            }
            case TASK_SET_CONSULTATION_SEQUENCE -> steps.setSequence(motion, text(task, "hearingBody"),
                text(task, "preliminaryBody"), required(task, "decisionBody",
                    "Bitte geben Sie das beschließende Gremium an (z. B. Stadtrat)."));
            case TASK_SCHEDULE_CONSULTATION -> {
                Instant startsAt = instant(task, "meetingStart");
                Meeting meeting = steps.schedule(motion, startsAt, text(task, "location"),
                    String.valueOf(task.getVariable(VAR_NOTICE_PERIOD)));
                task.getExecution().setVariable(VAR_MEETING_STARTS_AT, Date.from(meeting.getStartsAt()));
            }
            case TASK_RECORD_RESULT -> {
                ConsultationResult result = ConsultationResult.parse(text(task, "result"));
                if (result == null) {
                    throw new InputRejectedException("result", "Bitte wählen Sie das Ergebnis der Beratung.");
                }
                String changes = text(task, "changes");
                if (result == ConsultationResult.ADOPTED_WITH_CHANGES && changes == null) {
                    throw new InputRejectedException("changes", "Bitte geben Sie die beschlossenen Änderungen an.");
                }
                String note = text(task, "resultNote");
                if (result == ConsultationResult.REFERRED_BACK && note == null) {
                    throw new InputRejectedException("resultNote",
                        "Bitte geben Sie an, was die Verwaltung an der Vorlage überarbeiten soll.");
                }
                String outcome = steps.recordResult(motion, result, changes, note, actor(task));
                task.getExecution().setVariable(VAR_CONSULTATION_OUTCOME, outcome);
                if (OUTCOME_DECIDED.equals(outcome)) {
                    task.getExecution().setVariable(VAR_COUNCIL_DECISION, result.name());
                }
            }
            case TASK_EVALUATE -> steps.evaluate(motion, required(task, "evaluationNote",
                "Bitte notieren Sie, wie die Auswertung geplant ist oder was sie ergeben hat."));
            default -> {
            }
        }
    }

    private String bodyFor(List<Consultation> consultations, ConsultationRole role) {
        return consultations.stream().filter(c -> c.getRole() == role).findFirst()
            .map(c -> council.bodyName(c.getBodyId())).orElse(null);
    }

    private String label(Consultation consultation) {
        return consultation.getPosition() + ". " + consultation.getRole().label() + ": "
            + council.bodyName(consultation.getBodyId()) + (consultation.isAuthoritative() ? " (beschließend)" : "");
    }

    /**
     * Who completes the task: the authenticated user (REST, Camunda Tasklist, our tasklist), else its assignee. The
     * logged-in user comes first so that handing the task to a colleague cannot get round the four-eyes rule.
     */
    private static String actor(DelegateTask task) {
        String authenticated = Context.getCommandContext() == null ? null
            : Context.getCommandContext().getAuthenticatedUserId();
        return authenticated != null ? authenticated : task.getAssignee();
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

    /** Date-times from form-js come as local ("2027-02-17T18:00"), with offset, or as a Date. */
    static Instant instant(DelegateTask task, String name) {
        return MunicipalTime.fromForm(task.getVariable(name), name, "Bitte geben Sie Datum und Uhrzeit der Sitzung an.");
    }
}

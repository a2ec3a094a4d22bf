package de.stadtdialog.commenting.internal;

import static de.stadtdialog.commenting.CommentingPhaseProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.CommentingService.SetUp;
import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.MarkdownDraft;

/**
 * Binds the commenting-phase forms to the draft: on create the task gets the current values as task-local
 * variables (both tasklists show them); on complete the submitted values go through {@link CommentingService},
 * which rejects broken rules next to their field. The process keeps only the id, the dates and the decision.
 */
@Component("commentingTaskFormListener")
class CommentingTaskFormListener implements TaskListener {

    private final CommentingService commenting;

    CommentingTaskFormListener(CommentingService commenting) {
        this.commenting = commenting;
    }

    @Override
    public void notify(DelegateTask task) {
        Long draftId = ((Number) task.getVariable(VAR_DRAFT_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, commenting.draft(draftId));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            store(task, draftId);
        }
    }

    private void prefill(DelegateTask task, Draft draft) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_SET_UP_DRAFT -> {
                task.setVariableLocal("draftTitle", draft.getTitle());
                task.setVariableLocal("introduction", draft.getIntroduction());
                task.setVariableLocal("plainSummary", draft.getPlainSummary());
                task.setVariableLocal("draftMarkdown", markdown(draft));
                task.setVariableLocal(VAR_OPENS_AT, CommentingTimes.localInput(draft.getOpensAt()));
                task.setVariableLocal(VAR_COMMENTING_PERIOD, draft.getCommentingPeriod());
                task.setVariableLocal("reviewNote", draft.getApprovalNote());
            }
            case TASK_APPROVE_DRAFT -> {
                task.setVariableLocal("draftTitle", draft.getTitle());
                task.setVariableLocal("introduction", draft.getIntroduction());
                task.setVariableLocal("plainSummary", draft.getPlainSummary());
                task.setVariableLocal("draftMarkdown", markdown(draft));
                task.setVariableLocal("schedule", CommentingTimes.dateTime(draft.getOpensAt()) + " bis "
                    + CommentingTimes.dateTime(draft.getClosesAt()) + " (" + draft.getCommentingPeriod() + ")");
                task.setVariableLocal("setUpBy", draft.getSetUpBy());
                task.setVariableLocal(VAR_DRAFT_DECISION, null);
                task.setVariableLocal("approvalNote", null);
            }
            case TASK_EVALUATE_COMMENTS -> {
                task.setVariableLocal("evaluationProgress", commenting.progress(draft.getId()).text());
                task.setVariableLocal("evaluationPage", "/kommentierung/" + draft.getId() + "/auswertung");
            }
            case TASK_REVISE_DRAFT -> {
                task.setVariableLocal("draftMarkdown", markdown(draft));
                task.setVariableLocal("evaluationProgress", commenting.progress(draft.getId()).text());
            }
            default -> {
            }
        }
    }

    private void store(DelegateTask task, Long draftId) {
        switch (task.getTaskDefinitionKey()) {
            case TASK_SET_UP_DRAFT -> {
                Draft draft = commenting.setUp(draftId, new SetUp(TaskActor.text(task, "draftTitle"),
                    TaskActor.text(task, "introduction"), TaskActor.text(task, "plainSummary"),
                    TaskActor.text(task, "draftMarkdown"),
                    CommentingTimes.parse(task.getVariable(VAR_OPENS_AT), VAR_OPENS_AT),
                    TaskActor.text(task, VAR_COMMENTING_PERIOD), TaskActor.of(task)));
                task.getExecution().setVariable(VAR_OPENS_AT, Date.from(draft.getOpensAt()));
                task.getExecution().setVariable(VAR_CLOSES_AT, Date.from(draft.getClosesAt()));
                task.getExecution().setVariable(VAR_COMMENTING_PERIOD, draft.getCommentingPeriod());
            }
            case TASK_APPROVE_DRAFT -> {
                String decision = TaskActor.text(task, VAR_DRAFT_DECISION);
                commenting.decideOnDraft(draftId, decision, TaskActor.text(task, "approvalNote"), TaskActor.of(task));
                task.getExecution().setVariable(VAR_DRAFT_DECISION, decision);
            }
            case TASK_EVALUATE_COMMENTS -> commenting.requireEvaluationComplete(draftId);
            case TASK_REVISE_DRAFT -> commenting.revise(draftId, TaskActor.text(task, "draftMarkdown"));
            default -> {
            }
        }
    }

    private String markdown(Draft draft) {
        return draft.getCurrentVersion() == 0 ? null
            : MarkdownDraft.render(commenting.paragraphs(draft, draft.getCurrentVersion()));
    }
}

package de.stadtdialog.commenting.internal;

import static de.stadtdialog.commenting.CommentModerationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.Draft;

/**
 * The moderation form: on create the comment (and what it refers to) becomes task-local variables, so the
 * moderator reads it in either tasklist; on complete the decision is stored through {@link CommentingService}.
 */
@Component("commentModerationTaskListener")
class CommentModerationTaskListener implements TaskListener {

    private final CommentingService commenting;
    private final CitizenDirectory citizens;

    CommentModerationTaskListener(CommentingService commenting, CitizenDirectory citizens) {
        this.commenting = commenting;
        this.citizens = citizens;
    }

    @Override
    public void notify(DelegateTask task) {
        Long commentId = ((Number) task.getVariable(VAR_COMMENT_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Comment comment = commenting.comment(commentId);
            Draft draft = commenting.draft(comment.getDraftId());
            task.setVariableLocal("draftTitle", draft.getTitle());
            task.setVariableLocal("commentTarget", target(draft, comment));
            task.setVariableLocal("commentAuthor", citizens.displayName(comment.getAuthorCitizenId()));
            task.setVariableLocal("commentText", comment.getText());
            task.setVariableLocal(VAR_MODERATION_DECISION, null);
            task.setVariableLocal("rejectionReason", null);
            task.setVariableLocal("rejectionNote", null);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String decision = TaskActor.text(task, VAR_MODERATION_DECISION);
            commenting.moderate(commentId, decision, TaskActor.text(task, "rejectionReason"),
                TaskActor.text(task, "rejectionNote"), TaskActor.of(task));
            task.getExecution().setVariable(VAR_MODERATION_DECISION, decision);
        }
    }

    private String target(Draft draft, Comment comment) {
        StringBuilder target = new StringBuilder();
        if (comment.getParentId() != null) {
            target.append("Antwort auf: „").append(commenting.comment(comment.getParentId()).getText()).append("“\n\n");
        }
        if (comment.getParagraphId() == null) {
            target.append("Zum ganzen Entwurf");
        } else {
            commenting.paragraphOf(draft, comment.getParagraphId()).ifPresent(p -> target.append("Absatz ")
                .append(p.getPosition()).append(p.getSectionTitle() == null ? "" : " (" + p.getSectionTitle() + ")")
                .append(":\n").append(p.getText()));
        }
        return target.toString();
    }
}

package de.stadtdialog.commenting;

/** Names of the per-comment moderation process: BPMN ids and variables, for code and tests. */
public final class CommentModerationProcess {

    public static final String PROCESS_ID = "CommentModerationProcess";

    public static final String START = "StartEvent_CommentSubmitted";
    public static final String TASK_MODERATE_COMMENT = "Task_ModerateComment";
    public static final String TIMER_MODERATION_OVERDUE = "Timer_ModerationOverdue";
    public static final String TASK_MODERATE_OVERDUE_COMMENT = "Task_ModerateOverdueComment";
    public static final String GATEWAY_COMMENT_APPROVED = "Gateway_CommentApproved";
    public static final String TASK_NOTIFY_AUTHOR_OF_APPROVAL = "Task_NotifyAuthorOfApproval";
    public static final String TASK_NOTIFY_AUTHOR_OF_REJECTION = "Task_NotifyAuthorOfRejection";
    public static final String END_COMMENT_APPROVED = "EndEvent_CommentApproved";
    public static final String END_COMMENT_REJECTED = "EndEvent_CommentRejected";

    public static final String VAR_COMMENT_ID = "commentId";
    public static final String VAR_DRAFT_ID = CommentingPhaseProcess.VAR_DRAFT_ID;
    public static final String VAR_MODERATION_SLA = "moderationSla";
    public static final String VAR_MODERATION_DECISION = "moderationDecision";

    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REJECT = "reject";

    private CommentModerationProcess() {
    }
}

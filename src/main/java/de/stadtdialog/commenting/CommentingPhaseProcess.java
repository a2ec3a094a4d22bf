package de.stadtdialog.commenting;

/** Names of the commenting-phase process (template T4): BPMN ids, variables and messages, for code and tests. */
public final class CommentingPhaseProcess {

    public static final String PROCESS_ID = "CommentingPhaseProcess";
    public static final String TEMPLATE_KEY = "T4_COMMENTING";

    public static final String START = "StartEvent_CommentingRequested";
    public static final String TASK_SET_UP_DRAFT = "Task_SetUpDraft";
    public static final String TASK_APPROVE_DRAFT = "Task_ApproveDraft";
    public static final String GATEWAY_DRAFT_APPROVED = "Gateway_DraftApproved";
    public static final String TIMER_COMMENTING_OPENS = "Timer_CommentingOpens";
    public static final String TASK_OPEN_COMMENTING = "Task_OpenCommenting";
    public static final String GATEWAY_WAIT_FOR_CLOSING = "Gateway_WaitForClosing";
    public static final String TIMER_COMMENTING_CLOSES = "Timer_CommentingCloses";
    public static final String EVENT_COMMENTING_EXTENDED = "Event_CommentingExtended";
    public static final String TASK_CLOSE_COMMENTING = "Task_CloseCommenting";
    public static final String TASK_EVALUATE_COMMENTS = "Task_EvaluateComments";
    public static final String TASK_REVISE_DRAFT = "Task_ReviseDraft";
    public static final String TASK_PUBLISH_RESULTS_REPORT = "Task_PublishResultsReport";
    /** Escalation {@code ResultsReportPublished}: a calling procedure may go on with the report from here. */
    public static final String EVENT_RESULTS_REPORT_PUBLISHED = "Event_ResultsReportPublished";
    public static final String EVENT_COUNCIL_DECISION_TAKEN = "Event_CouncilDecisionTaken";
    public static final String TASK_SEND_FEEDBACK = "Task_SendFeedback";
    public static final String TIMER_PSEUDONYMISATION_DUE = "Timer_PseudonymisationDue";
    public static final String TASK_PSEUDONYMISE_AUTHORS = "Task_PseudonymiseAuthors";
    public static final String END_COMMENTING_COMPLETED = "EndEvent_CommentingCompleted";

    /** Sent by staff (or the council module) when the council has decided; correlated by the business key. */
    public static final String MESSAGE_COUNCIL_DECISION_TAKEN = "CouncilDecisionTaken";
    /** Sent when staff extend the end date; the process then waits for the new {@link #VAR_CLOSES_AT}. */
    public static final String MESSAGE_COMMENTING_EXTENDED = "CommentingPeriodExtended";

    public static final String VAR_DRAFT_ID = "draftId";
    public static final String VAR_OPENS_AT = "opensAt";
    public static final String VAR_CLOSES_AT = "closesAt";
    public static final String VAR_COMMENTING_PERIOD = "commentingPeriod";
    public static final String VAR_DRAFT_DECISION = "draftDecision";
    public static final String VAR_PSEUDONYMISATION_DELAY = "pseudonymisationDelay";
    /** Text of the decision, if the council module sends it with {@link #MESSAGE_COUNCIL_DECISION_TAKEN}. */
    public static final String VAR_COUNCIL_DECISION = "councilDecision";

    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REWORK = "rework";

    private CommentingPhaseProcess() {
    }
}

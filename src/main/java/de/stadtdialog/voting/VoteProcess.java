package de.stadtdialog.voting;

/** Names of the vote process: its BPMN ids, variables and messages, in one place for code and tests. */
public final class VoteProcess {

    public static final String PROCESS_ID = "VoteProcess";
    public static final String TEMPLATE_KEY = "T5_VOTE";

    public static final String TASK_SET_UP_VOTE = "Task_SetUpVote";
    public static final String TASK_APPROVE_VOTE = "Task_ApproveVote";
    public static final String GATEWAY_VOTE_APPROVED = "Gateway_VoteApproved";
    public static final String TIMER_VOTE_OPENS = "Timer_VoteOpens";
    public static final String TASK_OPEN_VOTE = "Task_OpenVote";
    public static final String GATEWAY_WAIT_FOR_CLOSE = "Gateway_WaitForClose";
    public static final String TIMER_VOTE_CLOSES = "Timer_VoteCloses";
    public static final String EVENT_VOTE_EXTENDED = "Event_VoteExtended";
    public static final String TASK_CLOSE_VOTE = "Task_CloseVote";
    public static final String TASK_ENTER_PAPER_BALLOTS = "Task_EnterPaperBallots";
    public static final String TASK_TALLY_VOTE = "Task_TallyVote";
    public static final String TASK_DECIDE_LOW_TURNOUT = "Task_DecideLowTurnout";
    public static final String TASK_DECIDE_TIE = "Task_DecideTie";
    public static final String TASK_RECORD_COUNCIL_DECISION = "Task_RecordCouncilDecision";
    public static final String EVENT_COUNCIL_DECISION_TAKEN = "Event_CouncilDecisionTaken";
    public static final String TASK_TAKE_OVER_COUNCIL_DECISION = "Task_TakeOverCouncilDecision";
    public static final String TASK_ADOPT_RESULT = "Task_AdoptResult";
    public static final String TASK_SEND_FEEDBACK = "Task_SendFeedback";
    public static final String TASK_PUBLISH_OPEN_DATA = "Task_PublishOpenData";
    public static final String TIMER_UNLINK_VOTERS = "Timer_UnlinkVoters";
    public static final String TASK_UNLINK_VOTERS = "Task_UnlinkVoters";
    public static final String END_VOTERS_UNLINKED = "EndEvent_VotersUnlinked";

    /** Sent by the council process (issue 7) when the council has decided; correlated by business key. */
    public static final String MESSAGE_COUNCIL_DECISION_TAKEN = "CouncilDecisionTaken";
    /** Sent by {@link VotingService#extend}: the closing timer is created anew from {@link #VAR_CLOSES_AT}. */
    public static final String MESSAGE_VOTE_EXTENDED = "VoteExtended";

    public static final String VAR_VOTE_ID = "voteId";
    public static final String VAR_OPENS_AT = "opensAt";
    public static final String VAR_CLOSES_AT = "closesAt";
    /** ISO-8601 duration from publication to unlinking voters from their ballots, default {@value #DEFAULT_UNLINK_DELAY}. */
    public static final String VAR_UNLINK_DELAY = "unlinkDelay";
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_BINDING_FOR_COUNCIL = "bindingForCouncil";
    public static final String VAR_TURNOUT_REACHED = "turnoutReached";
    public static final String VAR_LOW_TURNOUT_DECISION = "lowTurnoutDecision";
    public static final String VAR_TIE = "tie";
    /** Set by the council process with its message, or by the manual task: adopted, adopted-with-changes, rejected. */
    public static final String VAR_COUNCIL_RESULT = "councilResult";

    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REWORK = "rework";
    public static final String DECISION_ACCEPT = "accept";
    public static final String DECISION_VOID = "void";

    public static final String DEFAULT_UNLINK_DELAY = "P30D";

    private VoteProcess() {
    }
}

package de.stadtdialog.membercall;

/** Names of the call-for-members process (template T2): its BPMN ids, variables and messages, for code and tests. */
public final class MemberCallProcess {

    public static final String PROCESS_ID = "MemberCallProcess";
    public static final String TEMPLATE_KEY = "T2_MEMBER_CALL";

    public static final String START_CALL_CREATED = "StartEvent_CallCreated";
    public static final String TASK_EDIT_CALL = "Task_EditCall";
    public static final String TASK_APPROVE_CALL = "Task_ApproveCall";
    public static final String GATEWAY_CALL_APPROVED = "Gateway_CallApproved";
    public static final String TASK_PUBLISH_CALL = "Task_PublishCall";
    public static final String GATEWAY_AWAIT_DEADLINE = "Gateway_AwaitDeadline";
    public static final String TIMER_APPLICATION_DEADLINE = "Timer_ApplicationDeadline";
    public static final String MESSAGE_EVENT_DEADLINE_EXTENDED = "Message_DeadlineExtended";
    public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String TASK_RECORD_NOMINATIONS = "Task_RecordNominations";
    public static final String GATEWAY_OVERSUBSCRIBED = "Gateway_Oversubscribed";
    public static final String TASK_ADMIT_ALL = "Task_AdmitAll";
    public static final String TASK_COMPUTE_LOTTERY = "Task_ComputeLottery";
    public static final String ERROR_QUOTAS_INFEASIBLE_EVENT = "Error_QuotasInfeasible";
    public static final String TASK_ADJUST_QUOTAS = "Task_AdjustQuotas";
    public static final String TASK_PUBLISH_COMMITMENT = "Task_PublishCommitment";
    public static final String TASK_ENTER_CEREMONY_INPUT = "Task_EnterCeremonyInput";
    public static final String TASK_DRAW_LOTTERY = "Task_DrawLottery";
    public static final String TASK_CONFIRM_RESULT = "Task_ConfirmResult";
    public static final String GATEWAY_RESULT_CONFIRMED = "Gateway_ResultConfirmed";
    public static final String TASK_NOTIFY_APPLICANTS = "Task_NotifyApplicants";
    public static final String TIMER_APPLICANT_RETENTION_ENDS = "Timer_ApplicantRetentionEnds";
    /** Escalation {@code MembersSelected}: a calling procedure may go on with the working group from here. */
    public static final String EVENT_MEMBERS_SELECTED = "Event_MembersSelected";
    public static final String TASK_DELETE_APPLICANT_DATA = "Task_DeleteApplicantData";
    public static final String GATEWAY_AWAIT_MEMBER_CHANGE = "Gateway_AwaitMemberChange";
    public static final String MESSAGE_EVENT_MEMBER_LEFT = "Message_MemberLeft";
    public static final String TASK_REPLACE_MEMBER = "Task_ReplaceMember";
    public static final String TIMER_TERM_ENDS = "Timer_TermEnds";
    public static final String TIMER_MEMBER_RETENTION_ENDS = "Timer_MemberRetentionEnds";
    public static final String TASK_DELETE_MEMBER_DATA = "Task_DeleteMemberData";
    public static final String END_DATA_DELETED = "EndEvent_DataDeleted";

    /** BPMN error of {@value #TASK_COMPUTE_LOTTERY}: the eligible pool cannot meet the quotas. */
    public static final String ERROR_QUOTAS_INFEASIBLE = "QuotasInfeasible";

    public static final String MESSAGE_DEADLINE_EXTENDED = "DeadlineExtended";
    public static final String MESSAGE_MEMBER_LEFT = "MemberLeft";

    public static final String VAR_CALL_ID = "callId";
    public static final String VAR_APPLICATION_DEADLINE = "applicationDeadline";
    /** ISO-8601 period after the result until the data of applicants not selected is deleted (default P3M). */
    public static final String VAR_APPLICANT_RETENTION = "applicantRetention";
    /** ISO-8601 period after the term until the members' and the reserve list's data is deleted (default P3M). */
    public static final String VAR_MEMBER_RETENTION = "memberRetention";
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_OVERSUBSCRIBED = "oversubscribed";
    public static final String VAR_LOTTERY_RUN_ID = "lotteryRunId";
    public static final String VAR_RESULT_DECISION = "resultDecision";
    public static final String VAR_TERM_ENDS_AT = "termEndsAt";
    public static final String VAR_APPLICANT_DELETION_AT = "applicantDeletionAt";
    public static final String VAR_MEMBER_DELETION_AT = "memberDeletionAt";
    /** Set by the {@value #MESSAGE_MEMBER_LEFT} message: the application id of the member who left. */
    public static final String VAR_LEAVING_APPLICATION_ID = "leavingApplicationId";

    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REFUSE = "refuse";
    public static final String DECISION_CONFIRM = "confirm";
    public static final String DECISION_NEW_RUN = "newRun";

    public static final String DEFAULT_RETENTION = "P3M";
    public static final int DEFAULT_MINIMUM_AGE = 14;

    private MemberCallProcess() {
    }
}

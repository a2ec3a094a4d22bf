package de.stadtdialog.sessioncycle;

/** Names of the session-cycle process: its BPMN ids and variables, in one place for code and tests. */
public final class SessionCycleProcess {

    public static final String PROCESS_ID = "SessionCycleProcess";
    public static final String TEMPLATE_KEY = "T3_SESSION_CYCLE";

    public static final String TASK_DRAFT_AGENDA = "Task_DraftAgenda";
    public static final String TASK_RESCHEDULE_SESSION = "Task_RescheduleSession";
    public static final String TASK_SEND_INVITATION = "Task_SendInvitation";
    public static final String TIMER_INVITATION_DEADLINE = "Timer_InvitationDeadlinePassed";
    public static final String TIMER_SESSION_BEGINS = "Timer_SessionBegins";
    /** Escalation {@code SessionHeld}: a calling procedure may plan the next session from here. */
    public static final String EVENT_SESSION_HELD = "Event_SessionHeld";
    public static final String TASK_RECORD_SESSION = "Task_RecordSession";
    public static final String TASK_APPROVE_MINUTES = "Task_ApproveMinutes";
    public static final String GATEWAY_MINUTES_APPROVED = "Gateway_MinutesApproved";
    public static final String TASK_PUBLISH_MINUTES = "Task_PublishMinutes";
    public static final String END_MINUTES_PUBLISHED = "EndEvent_MinutesPublished";

    public static final String VAR_SESSION_ID = "sessionId";
    public static final String VAR_NOTICE_PERIOD = "noticePeriod";
    public static final String VAR_INVITATION_DEADLINE = "invitationDeadline";
    public static final String VAR_SESSION_STARTS_AT = "sessionStartsAt";
    public static final String VAR_MINUTES_DUE = "minutesDue";
    public static final String VAR_MINUTES_DECISION = "minutesDecision";

    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_REWORK = "rework";

    private SessionCycleProcess() {
    }
}

package de.stadtdialog.council;

/**
 * Names of the council-decision process (template T6). It runs standalone (started through
 * {@link CouncilService#start}) or as a call activity of a participation process:
 * <ul>
 * <li>in: {@value #VAR_PROCEDURE_ID} and {@value #VAR_TENANT_ID} (required), {@value #VAR_RESULTS_REPORT_URL} and
 * {@value #VAR_PARTICIPATION_FORMAT} (optional), {@value #VAR_NOTICE_PERIOD} (default P4D) and
 * {@value #VAR_EVALUATION_AFTER} (default P2Y);</li>
 * <li>out: {@value #VAR_COUNCIL_DECISION}, one of {@link #DECISION_ADOPTED}, {@link #DECISION_ADOPTED_WITH_CHANGES},
 * {@link #DECISION_REJECTED}.</li>
 * </ul>
 */
public final class CouncilDecisionProcess {

    public static final String PROCESS_ID = "CouncilDecisionProcess";
    public static final String TEMPLATE_KEY = "T6_COUNCIL_DECISION";
    /** What commenting and voting wait for (correlated by business key) until they call this process. */
    public static final String MESSAGE_DECISION_TAKEN = "CouncilDecisionTaken";

    public static final String START_EVENT = "StartEvent_CouncilDecisionRequested";
    public static final String TASK_DRAFT_MOTION = "Task_DraftMotion";
    public static final String TASK_APPROVE_MOTION = "Task_ApproveMotion";
    public static final String GATEWAY_MOTION_APPROVED = "Gateway_MotionApproved";
    public static final String TASK_SET_CONSULTATION_SEQUENCE = "Task_SetConsultationSequence";
    public static final String TASK_SCHEDULE_CONSULTATION = "Task_ScheduleConsultation";
    public static final String TIMER_MEETING_BEGINS = "Timer_MeetingBegins";
    public static final String TASK_RECORD_RESULT = "Task_RecordConsultationResult";
    public static final String GATEWAY_CONSULTATION_OUTCOME = "Gateway_ConsultationOutcome";
    public static final String TASK_PUBLISH_DECISION = "Task_PublishDecision";
    /** Escalation {@code CouncilDecided}: a calling procedure may go on with the decision from here. */
    public static final String EVENT_COUNCIL_DECIDED = "Event_CouncilDecided";
    public static final String TASK_SEND_FEEDBACK = "Task_SendFeedback";
    public static final String TIMER_EVALUATION_DUE = "Timer_EvaluationDue";
    public static final String TASK_EVALUATE = "Task_EvaluateParticipation";
    public static final String END_EVENT = "EndEvent_CouncilDecisionEvaluated";

    public static final String VAR_PROCEDURE_ID = "procedureId";
    public static final String VAR_TENANT_ID = "tenantId";
    public static final String VAR_RESULTS_REPORT_URL = "resultsReportUrl";
    public static final String VAR_PARTICIPATION_FORMAT = "participationFormat";
    public static final String VAR_MOTION_ID = "motionId";
    public static final String VAR_NOTICE_PERIOD = "noticePeriod";
    public static final String VAR_EVALUATION_AFTER = "evaluationAfter";
    public static final String VAR_MOTION_DECISION = "motionDecision";
    public static final String VAR_MEETING_STARTS_AT = "meetingStartsAt";
    public static final String VAR_CONSULTATION_OUTCOME = "consultationOutcome";
    public static final String VAR_COUNCIL_DECISION = "councilDecision";

    public static final String DEFAULT_NOTICE_PERIOD = "P4D";
    public static final String DEFAULT_EVALUATION_AFTER = "P2Y";

    public static final String MOTION_APPROVE = "approve";
    public static final String MOTION_REWORK = "rework";

    /** Gateway flags after a recorded result. */
    public static final String OUTCOME_NEXT = "next";
    public static final String OUTCOME_DEFERRED = "deferred";
    public static final String OUTCOME_REFERRED_BACK = "referredBack";
    public static final String OUTCOME_DECIDED = "decided";

    public static final String DECISION_ADOPTED = "ADOPTED";
    public static final String DECISION_ADOPTED_WITH_CHANGES = "ADOPTED_WITH_CHANGES";
    public static final String DECISION_REJECTED = "REJECTED";

    private CouncilDecisionProcess() {
    }
}

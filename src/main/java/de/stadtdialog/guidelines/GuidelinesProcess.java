package de.stadtdialog.guidelines;

/** Names of the guidelines process: its BPMN ids, variables and parameters, for code and tests. */
public final class GuidelinesProcess {

    public static final String PROCESS_ID = "GuidelinesProcess";
    public static final String TEMPLATE_KEY = "GUIDELINES";

    public static final String START = "StartEvent_GuidelinesRequested";
    public static final String TASK_RECORD_COUNCIL_MANDATE = "Task_RecordCouncilMandate";
    public static final String TASK_PREPARE_MEMBER_CALL = "Task_PrepareMemberCall";
    public static final String CALL_MEMBER_CALL = "CallActivity_MemberCall";
    public static final String BOUNDARY_MEMBERS_SELECTED = "Boundary_MembersSelected";
    public static final String END_MEMBER_CALL_FINISHED = "EndEvent_MemberCallFinished";
    public static final String GATEWAY_WORKING_GROUP_JOIN = "Gateway_WorkingGroupJoin";
    public static final String TASK_PLAN_WORKING_GROUP_STEP = "Task_PlanWorkingGroupStep";
    public static final String GATEWAY_NEXT_WORKING_GROUP_STEP = "Gateway_NextWorkingGroupStep";
    public static final String TASK_PREPARE_WORKING_GROUP_SESSION = "Task_PrepareWorkingGroupSession";
    public static final String CALL_WORKING_GROUP_SESSION = "CallActivity_WorkingGroupSession";
    public static final String BOUNDARY_SESSION_HELD = "Boundary_SessionHeld";
    public static final String END_SESSION_MINUTES_PUBLISHED = "EndEvent_SessionMinutesPublished";
    public static final String TASK_PREPARE_COMMENTING = "Task_PrepareCommenting";
    public static final String CALL_COMMENTING = "CallActivity_Commenting";
    public static final String BOUNDARY_RESULTS_REPORT_PUBLISHED = "Boundary_ResultsReportPublished";
    public static final String END_COMMENTING_FINISHED = "EndEvent_CommentingFinished";
    public static final String CALL_COUNCIL_DECISION = "CallActivity_CouncilDecision";
    public static final String BOUNDARY_COUNCIL_DECIDED = "Boundary_CouncilDecided";
    public static final String END_PROCEDURE_EVALUATED = "EndEvent_ProcedureEvaluated";
    public static final String GATEWAY_GUIDELINES_ADOPTED = "Gateway_GuidelinesAdopted";
    public static final String TASK_PUBLISH_ADOPTED_GUIDELINES = "Task_PublishAdoptedGuidelines";
    public static final String END_GUIDELINES_IN_FORCE = "EndEvent_GuidelinesInForce";
    public static final String TASK_RECORD_REJECTION_FOLLOW_UP = "Task_RecordRejectionFollowUp";
    public static final String END_GUIDELINES_REJECTED = "EndEvent_GuidelinesRejected";

    public static final String VAR_GUIDELINES_ID = "guidelinesId";
    /** {@value #STEP_SESSION} or {@value #STEP_DRAFT}, chosen in {@value #TASK_PLAN_WORKING_GROUP_STEP}. */
    public static final String VAR_NEXT_WORKING_GROUP_STEP = "nextWorkingGroupStep";
    /** Parameter: notice period of the working group's sessions (ISO-8601 full days, default P4D). */
    public static final String VAR_SESSION_NOTICE_PERIOD = "sessionNoticePeriod";
    public static final String VAR_APPLICANT_RETENTION = "applicantRetention";
    public static final String VAR_MEMBER_RETENTION = "memberRetention";
    public static final String VAR_EVALUATION_AFTER = "evaluationAfter";
    public static final String VAR_RESULTS_REPORT_URL = "resultsReportUrl";
    public static final String VAR_PARTICIPATION_FORMAT = "participationFormat";
    public static final String VAR_COUNCIL_DECISION = "councilDecision";

    public static final String STEP_SESSION = "session";
    public static final String STEP_DRAFT = "draft";

    public static final String DEFAULT_SESSION_NOTICE_PERIOD = "P4D";
    public static final String DEFAULT_RETENTION = "P3M";
    public static final String DEFAULT_EVALUATION_AFTER = "P2Y";

    private GuidelinesProcess() {
    }
}

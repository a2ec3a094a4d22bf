package de.stadtdialog.citizen.internal;

/** Names of the citizen module's processes: BPMN ids, messages and variables, in one place for code and tests. */
public final class CitizenProcesses {

    public static final String REGISTRATION = "CitizenRegistrationProcess";
    public static final String TASK_SEND_CONFIRMATION_MAIL = "Task_SendConfirmationMail";
    public static final String GATEWAY_CONFIRMED_OR_EXPIRED = "Gateway_ConfirmedOrExpired";
    public static final String EVENT_REGISTRATION_CONFIRMED = "Event_RegistrationConfirmed";
    /** The message's name, correlated by business key (the citizen's id) when the opt-in link is used. */
    public static final String MESSAGE_REGISTRATION_CONFIRMED = "Message_RegistrationConfirmed";
    public static final String TIMER_CONFIRMATION_PERIOD_EXPIRED = "Timer_ConfirmationPeriodExpired";
    public static final String TASK_DELETE_UNCONFIRMED_REGISTRATION = "Task_DeleteUnconfirmedRegistration";
    public static final String END_REGISTRATION_CONFIRMED = "EndEvent_RegistrationConfirmed";
    public static final String END_UNCONFIRMED_REGISTRATION_DELETED = "EndEvent_UnconfirmedRegistrationDeleted";

    public static final String ACCOUNT_MAIL = "CitizenAccountMailProcess";
    public static final String TASK_SEND_ACCOUNT_MAIL = "Task_SendAccountMail";
    public static final String END_ACCOUNT_MAIL_SENT = "EndEvent_AccountMailSent";

    public static final String FOLLOWER_NOTIFICATION = "FollowerNotificationProcess";
    public static final String TASK_NOTIFY_FOLLOWERS = "Task_NotifyFollowers";
    public static final String END_FOLLOWERS_NOTIFIED = "EndEvent_FollowersNotified";

    public static final String VAR_CITIZEN_ID = "citizenId";
    public static final String VAR_TENANT_ID = "tenantId";
    /** ISO-8601 duration, e.g. PT48H: how long the opt-in link works. */
    public static final String VAR_CONFIRMATION_PERIOD = "confirmationPeriod";
    /** One of {@link AccountMail}. */
    public static final String VAR_MAIL_KIND = "mailKind";
    public static final String VAR_PROCEDURE_ID = "procedureId";
    /** Id of the {@link PhaseChange} row: what changed, and the sequence number in the mails' dedup keys. */
    public static final String VAR_PHASE_CHANGE_ID = "phaseChangeId";

    /** The mails of {@link #ACCOUNT_MAIL}. */
    public enum AccountMail {
        /** A new opt-in link for a registration that is still unconfirmed. */
        CONFIRMATION_AGAIN,
        /** Someone registered with this address, which already has an account. */
        ALREADY_REGISTERED,
        PASSWORD_RESET
    }

    private CitizenProcesses() {
    }
}

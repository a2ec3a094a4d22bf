package de.stadtdialog.membercall.internal;

import static de.stadtdialog.membercall.MemberCallProcess.*;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.procedure.HistoricValues;

/** The service tasks of the call-for-members process: read the ids, call the steps, write back ids and dates. */
@Configuration(proxyBeanMethods = false)
class MemberCallDelegates {

    /** Task-local form values that copied applicants' personal data ({@link MemberCallTaskFormListener}). */
    static final List<String> APPLICANT_DATA_IN_FORMS = List.of("applicationsOverview", "rejections");
    /** The same and the nominees' names. */
    static final List<String> MEMBER_DATA_IN_FORMS = List.of("applicationsOverview", "rejections", "nominations");

    @Bean
    JavaDelegate publishCallDelegate(MemberCallSteps steps) {
        return execution -> steps.publish(id(execution, VAR_CALL_ID));
    }

    @Bean
    JavaDelegate admitAllDelegate(MemberCallSteps steps) {
        return execution -> steps.admitAll(id(execution, VAR_CALL_ID));
    }

    /** Quotas the eligible pool cannot meet are a business outcome (the officer adjusts them), not a failure. */
    @Bean
    JavaDelegate computeLotteryDelegate(MemberCallSteps steps) {
        return execution -> {
            Long runId = steps.computeLottery(id(execution, VAR_CALL_ID));
            if (runId == null) {
                throw new BpmnError(ERROR_QUOTAS_INFEASIBLE, "Die Quoten sind mit den berechtigten Bewerbungen nicht "
                    + "erfüllbar.");
            }
            execution.setVariable(VAR_LOTTERY_RUN_ID, runId);
        };
    }

    @Bean
    JavaDelegate publishCommitmentDelegate(MemberCallSteps steps) {
        return execution -> steps.publishCommitment(id(execution, VAR_LOTTERY_RUN_ID));
    }

    @Bean
    JavaDelegate drawLotteryDelegate(MemberCallSteps steps) {
        return execution -> steps.draw(id(execution, VAR_LOTTERY_RUN_ID));
    }

    /** Also sets the dates of the deletion timers, which start from the confirmed result and the term's end. */
    @Bean
    JavaDelegate notifyApplicantsDelegate(MemberCallSteps steps) {
        return execution -> {
            Long callId = id(execution, VAR_CALL_ID);
            steps.notifyApplicants(callId);
            MemberCall call = steps.call(callId);
            execution.setVariable(VAR_TERM_ENDS_AT, Date.from(call.getTermEndsAt()));
            execution.setVariable(VAR_APPLICANT_DELETION_AT, Date.from(steps.applicantDeletionAt(call,
                (String) execution.getVariable(VAR_APPLICANT_RETENTION))));
            execution.setVariable(VAR_MEMBER_DELETION_AT, Date.from(steps.memberDeletionAt(call,
                (String) execution.getVariable(VAR_MEMBER_RETENTION))));
        };
    }

    @Bean
    JavaDelegate replaceMemberDelegate(MemberCallSteps steps) {
        return execution -> steps.replaceMember(id(execution, VAR_CALL_ID),
            id(execution, VAR_LEAVING_APPLICATION_ID));
    }

    @Bean
    JavaDelegate deleteApplicantDataDelegate(MemberCallSteps steps, HistoricValues history) {
        return execution -> {
            steps.deleteApplicantData(id(execution, VAR_CALL_ID));
            // the eligibility check's form showed every applicant (name, birth year, features)
            history.forget(List.of(execution.getProcessInstanceId()), APPLICANT_DATA_IN_FORMS);
        };
    }

    @Bean
    JavaDelegate deleteMemberDataDelegate(MemberCallSteps steps, HistoricValues history) {
        return execution -> {
            steps.deleteMemberData(id(execution, VAR_CALL_ID));
            history.forget(List.of(execution.getProcessInstanceId()), MEMBER_DATA_IN_FORMS);
        };
    }


    private static Long id(DelegateExecution execution, String variable) {
        return ((Number) execution.getVariable(variable)).longValue();
    }
}

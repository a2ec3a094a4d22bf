package de.stadtdialog.citizen.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.stadtdialog.citizen.internal.CitizenProcesses.AccountMail;

/** The service tasks of the citizen processes: read the ids, call the service. */
@Configuration(proxyBeanMethods = false)
class CitizenDelegates {

    @Bean
    JavaDelegate sendConfirmationMailDelegate(CitizenAccounts accounts) {
        return execution -> accounts.sendConfirmationMail(id(execution, CitizenProcesses.VAR_CITIZEN_ID));
    }

    @Bean
    JavaDelegate deleteUnconfirmedRegistrationDelegate(CitizenAccounts accounts) {
        return execution -> accounts.deleteUnconfirmed(id(execution, CitizenProcesses.VAR_CITIZEN_ID));
    }

    @Bean
    JavaDelegate sendAccountMailDelegate(CitizenAccounts accounts) {
        return execution -> accounts.sendAccountMail(id(execution, CitizenProcesses.VAR_CITIZEN_ID),
            AccountMail.valueOf((String) execution.getVariable(CitizenProcesses.VAR_MAIL_KIND)),
            execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate notifyFollowersDelegate(FollowerNotifications notifications) {
        return execution -> notifications.notifyFollowers(id(execution, CitizenProcesses.VAR_PHASE_CHANGE_ID));
    }

    private static Long id(DelegateExecution execution, String variable) {
        return ((Number) execution.getVariable(variable)).longValue();
    }
}

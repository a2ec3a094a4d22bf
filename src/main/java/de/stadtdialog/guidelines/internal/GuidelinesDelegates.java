package de.stadtdialog.guidelines.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.guidelines.GuidelinesProcedure;
import de.stadtdialog.guidelines.GuidelinesProcess;
import de.stadtdialog.guidelines.GuidelinesService;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallService.CreateCall;
import de.stadtdialog.sessioncycle.PublicSessionRepository;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/**
 * The service tasks of the guidelines process. Each prepares a template's domain row for this procedure through
 * the template's own API — idempotently, so a step repeated after a crash finds what the first run created — and
 * hands the call activity its variables.
 */
@Configuration
class GuidelinesDelegates {

    @Bean
    JavaDelegate prepareMemberCallDelegate(GuidelinesService guidelines, MemberCallService calls) {
        return execution -> {
            GuidelinesProcedure row = guidelines.get(guidelinesId(execution));
            execution.setVariables(calls.prepareFor(row.getProcedureId(), new CreateCall(row.getTenantId(),
                "Mitwirkung im " + row.getWorkingGroup(), row.getWorkingGroup(), "system",
                (String) execution.getVariable(GuidelinesProcess.VAR_APPLICANT_RETENTION),
                (String) execution.getVariable(GuidelinesProcess.VAR_MEMBER_RETENTION))));
        };
    }

    @Bean
    JavaDelegate prepareWorkingGroupSessionDelegate(GuidelinesService guidelines, SessionCycleService sessionCycles,
            PublicSessionRepository sessions) {
        return execution -> {
            GuidelinesProcedure row = guidelines.get(guidelinesId(execution));
            int number = sessions.findByProcedureIdOrderByStartsAt(row.getProcedureId()).size() + 1;
            execution.setVariables(sessionCycles.prepareFor(row.getProcedureId(), new PlanSession(row.getTenantId(),
                row.getWorkingGroup(), row.getWorkingGroup() + ": " + number + ". öffentliche Sitzung",
                row.getNextSessionStartsAt(), row.getNextSessionLocation(),
                (String) execution.getVariable(GuidelinesProcess.VAR_SESSION_NOTICE_PERIOD),
                row.getSessionRecipients())));
        };
    }

    @Bean
    JavaDelegate prepareCommentingDelegate(GuidelinesService guidelines, CommentingService commenting) {
        return execution -> {
            GuidelinesProcedure row = guidelines.get(guidelinesId(execution));
            Map<String, Object> variables = new HashMap<>(commenting.prepareFor(row.getProcedureId(),
                row.getTenantId(), "Entwurf: " + row.getTitle(), null));
            variables.put(GuidelinesProcess.VAR_RESULTS_REPORT_URL, "/oeffentlich/entwuerfe/"
                + variables.get("draftId"));
            // the motion names the formats in a few words (at most 64 characters)
            variables.put(GuidelinesProcess.VAR_PARTICIPATION_FORMAT,
                "Losverfahren, Arbeitskreissitzungen, Online-Kommentierung");
            execution.setVariables(variables);
        };
    }

    @Bean
    JavaDelegate publishAdoptedGuidelinesDelegate(GuidelinesService guidelines) {
        return execution -> {
            Long id = guidelinesId(execution);
            guidelines.decided(id, String.valueOf(execution.getVariable(GuidelinesProcess.VAR_COUNCIL_DECISION)));
            guidelines.publishAdopted(id);
        };
    }

    private static Long guidelinesId(DelegateExecution execution) {
        return ((Number) execution.getVariable(GuidelinesProcess.VAR_GUIDELINES_ID)).longValue();
    }

}

package de.stadtdialog.commenting.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.stadtdialog.commenting.CommentModerationProcess;
import de.stadtdialog.commenting.CommentingPhaseProcess;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.council.CouncilService;

/**
 * The service tasks of both commenting processes. Each reads an id, calls the service or the mails, and may run
 * twice (retried job) without doing anything twice.
 */
@Configuration
class CommentingDelegates {

    private static Long draftId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CommentingPhaseProcess.VAR_DRAFT_ID)).longValue();
    }

    @Bean
    JavaDelegate openCommentingDelegate(CommentingService commenting) {
        return execution -> commenting.open(draftId(execution));
    }

    @Bean
    JavaDelegate closeCommentingDelegate(CommentingService commenting) {
        return execution -> commenting.close(draftId(execution));
    }

    @Bean
    JavaDelegate publishResultsReportDelegate(CommentingService commenting) {
        return execution -> commenting.publishReport(draftId(execution));
    }

    @Bean
    JavaDelegate sendCommentFeedbackDelegate(CommentingService commenting, CommentMails mails,
            CouncilService council) {
        return execution -> {
            Object decision = execution.getVariable(CommentingPhaseProcess.VAR_COUNCIL_DECISION);
            Long procedureId = commenting.draft(draftId(execution)).getProcedureId();
            if (decision != null) {
                // the council module sends its result flag (ADOPTED_WITH_CHANGES); staff and mails read a sentence
                String text = council.publishedDecisionOn(procedureId)
                    .filter(motion -> motion.getDecision() != null
                        && motion.getDecision().name().equals(decision.toString()))
                    .map(motion -> council.decisionSummary(motion) + (motion.getDecisionText() == null ? ""
                        : "\n\n" + motion.getDecisionText()))
                    .orElse(decision.toString());
                commenting.takeOverCouncilDecision(draftId(execution),
                    text.length() <= 4000 ? text : text.substring(0, 3999) + "…");
            }
            // after a council motion the council's feedback step writes to each author, with all their
            // contributions: one mail per person; this mail is for a decision staff recorded here by hand
            if (!council.givesFeedbackOn(procedureId)) {
                mails.feedback(draftId(execution));
            }
            commenting.markFeedbackSent(draftId(execution));
        };
    }

    @Bean
    JavaDelegate pseudonymiseCommentAuthorsDelegate(CommentingService commenting) {
        return execution -> commenting.pseudonymiseAuthors(draftId(execution));
    }

    @Bean
    JavaDelegate notifyCommentAuthorDelegate(CommentMails mails) {
        return execution -> mails.moderationResult(
            ((Number) execution.getVariable(CommentModerationProcess.VAR_COMMENT_ID)).longValue());
    }
}

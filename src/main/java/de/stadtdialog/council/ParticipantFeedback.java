package de.stadtdialog.council;

import java.util.List;

/**
 * Feedback after the council decided (DOMAIN.md §3.9): each participation module names the people who took part in
 * a procedure and what became of their input (a comment and its disposition, an application, a vote). The council
 * module mails every address once, with the decision and all of that person's contributions. Implementations are
 * Spring beans and return nothing for procedures they do not run.
 */
public interface ParticipantFeedback {

    List<FeedbackRecipient> participantsOf(Long participationProcedureId);

    /**
     * One contribution of one person. {@code contribution} and {@code outcome} are plain German sentences, e.g.
     * "Ihr Kommentar zu Abschnitt 4.2" and "übernommen: Der Abschnitt wurde ergänzt."; {@code personalPageUrl}
     * (absolute, may be null) is the person's own page about it.
     */
    record FeedbackRecipient(String mailAddress, String displayName, String contribution, String outcome,
            String personalPageUrl) {
    }
}

package de.stadtdialog.council.internal;

import java.util.List;

import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.Motion;
import de.stadtdialog.council.ParticipantFeedback.FeedbackRecipient;

/** German mail texts of the council module. */
final class CouncilTexts {

    private CouncilTexts() {
    }

    static String feedbackMail(Motion motion, String bodyName, List<FeedbackRecipient> contributions, String link) {
        StringBuilder text = new StringBuilder();
        String name = contributions.get(0).displayName();
        text.append(name == null || name.isBlank() ? "Guten Tag," : "Guten Tag " + name + ",").append("\n\n");
        text.append("Sie haben sich am Verfahren „").append(motion.getSubject())
            .append("“ beteiligt. Vielen Dank!\n\n");
        text.append("Der ").append(bodyName.isBlank() ? "Rat" : bodyName).append(" hat am ")
            .append(CouncilDates.date(motion.getDecidedAt())).append(" über die Vorlage ")
            .append(motion.getReference()).append(" entschieden: ").append(motion.getDecision().label())
            .append(".\n\n");
        if (motion.getDecisionText() != null) {
            text.append("Beschluss:\n").append(motion.getDecisionText()).append("\n\n");
        }
        if (motion.isDeviates() && motion.getDeviationReasons() != null) {
            text.append("Wo und warum der Beschluss vom Beteiligungsergebnis abweicht:\n")
                .append(motion.getDeviationReasons()).append("\n\n");
        }
        text.append("Was aus Ihren Beiträgen wurde:\n");
        for (FeedbackRecipient contribution : contributions) {
            text.append("- ").append(contribution.contribution()).append(": ").append(contribution.outcome());
            if (contribution.personalPageUrl() != null) {
                text.append(" (").append(contribution.personalPageUrl()).append(")");
            }
            text.append("\n");
        }
        text.append("\nDen Beschluss und die Ergebnisse der Beteiligung finden Sie hier: ").append(link).append("\n");
        return text.toString();
    }
}

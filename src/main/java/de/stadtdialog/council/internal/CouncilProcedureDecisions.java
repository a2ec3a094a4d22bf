package de.stadtdialog.council.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import de.stadtdialog.citizen.ProcedureDecisions;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;

/** The published council decision on a participation procedure, for the participants' feedback page. */
@Component
class CouncilProcedureDecisions implements ProcedureDecisions {

    private final CouncilService council;

    CouncilProcedureDecisions(CouncilService council) {
        this.council = council;
    }

    @Override
    public Optional<Decision> decisionOn(Long procedureId) {
        return council.publishedDecisionOn(procedureId).map(motion -> {
            String body = council.bodyName(motion.getDecidingBodyId());
            return new Decision("Der " + (body.isBlank() ? "Rat" : body) + " hat am "
                + CouncilDates.date(motion.getDecidedAt()) + " über die Vorlage " + motion.getReference()
                + " entschieden: " + motion.getDecision().label() + ".", motion.getDecisionText(),
                CouncilPaths.publicDecision(motion));
        });
    }
}

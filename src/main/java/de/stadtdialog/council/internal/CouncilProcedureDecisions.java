package de.stadtdialog.council.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import de.stadtdialog.citizen.ProcedureDecisions;
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
        return council.publishedDecisionOn(procedureId).map(motion -> new Decision(council.decisionSummary(motion),
            motion.getDecisionText(), CouncilPaths.publicDecision(motion)));
    }
}

package de.stadtdialog.citizen;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Stands in for the participation modules on the feedback page's tests: contributions are registered per citizen
 * and decisions per procedure by the test that needs them; everyone else has none. Picked up by the shared
 * context's component scan, so it adds no second context.
 */
@Component
public class TestParticipationHistory implements ParticipationHistory, ProcedureDecisions {

    private final Map<Long, List<OwnContribution>> contributions = new ConcurrentHashMap<>();
    private final Map<Long, Decision> decisions = new ConcurrentHashMap<>();

    public void register(Long citizenId, List<OwnContribution> own) {
        contributions.put(citizenId, List.copyOf(own));
    }

    public void decided(Long procedureId, Decision decision) {
        decisions.put(procedureId, decision);
    }

    @Override
    public List<OwnContribution> contributionsOf(CitizenUser citizen) {
        return contributions.getOrDefault(citizen.id(), List.of());
    }

    @Override
    public Optional<Decision> decisionOn(Long procedureId) {
        return Optional.ofNullable(decisions.get(procedureId));
    }
}

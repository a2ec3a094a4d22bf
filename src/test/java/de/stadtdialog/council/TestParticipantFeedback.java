package de.stadtdialog.council;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Stands in for the participation modules in the tests: participants are registered per participation procedure
 * by the test that needs them, every other procedure has none. Picked up by the shared context's component scan,
 * so it adds no second context.
 */
@Component
public class TestParticipantFeedback implements ParticipantFeedback {

    private final Map<Long, List<FeedbackRecipient>> participants = new ConcurrentHashMap<>();

    public void register(Long participationProcedureId, List<FeedbackRecipient> recipients) {
        participants.put(participationProcedureId, List.copyOf(recipients));
    }

    @Override
    public List<FeedbackRecipient> participantsOf(Long participationProcedureId) {
        return participants.getOrDefault(participationProcedureId, List.of());
    }
}

package de.stadtdialog.citizen;

import java.time.Instant;
import java.util.List;

/**
 * A participation module names what a citizen contributed to its procedures and what became of it, for the
 * citizen's own feedback page ("Meine Rückmeldungen"). Implementations are Spring beans; they return only the
 * citizen's own contributions still linked to the account (nothing after pseudonymisation, unlinking or deletion).
 */
public interface ParticipationHistory {

    /** The citizen's contributions in this module, in any order; empty when none. */
    List<OwnContribution> contributionsOf(CitizenUser citizen);

    /**
     * One contribution. {@code contribution} and {@code outcome} are plain German sentences (the same the feedback
     * mail uses), e.g. "Ihr Kommentar zu „1. Ziele“: „Bitte auch Kinder beteiligen.“" and "übernommen: Kapitel 1
     * ergänzt."; {@code link} is a page of this system about it (path, may be null).
     *
     * @param procedureId the participation procedure it belongs to; the page groups by it
     */
    record OwnContribution(Long procedureId, String contribution, String outcome, Instant at, String link) {
    }
}

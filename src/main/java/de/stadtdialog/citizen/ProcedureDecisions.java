package de.stadtdialog.citizen;

import java.util.Optional;

/**
 * The decision that concluded a participation procedure (e.g. the council's), shown with a citizen's contributions
 * on the feedback page. Implemented as a Spring bean by the module that records such decisions.
 */
public interface ProcedureDecisions {

    /** The published decision on the procedure; empty while there is none. */
    Optional<Decision> decisionOn(Long procedureId);

    /**
     * @param summary plain German, e.g. "Der Stadtrat hat am 12.05.2027 über die Vorlage BV/2027/0042 entschieden:
     *                mit Änderungen beschlossen."
     * @param text    the resolution as decided (may be null)
     * @param link    a public page of this system about it (path, may be null)
     */
    record Decision(String summary, String text, String link) {
    }
}

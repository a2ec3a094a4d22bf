package de.stadtdialog.portal.internal;

import java.time.Instant;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureStatus;

/**
 * A published project as the public sees it: the entry and, if it has one, where its procedure stands (phase in
 * plain words from the procedure's read model, next deadline). Nothing else of the procedure is public.
 */
public record PublicProject(ProjectListEntry entry, String phase, Instant nextDeadline, boolean nextDeadlinePassed,
        boolean hasProcedure, boolean procedureEnded) {

    static PublicProject of(ProjectListEntry entry, Procedure procedure, Instant now) {
        if (procedure == null) {
            return new PublicProject(entry, null, null, false, false, false);
        }
        String phase = procedure.getPhase() == null || procedure.getPhase().isBlank() ? null : procedure.getPhase();
        Instant deadline = procedure.getNextDeadline();
        return new PublicProject(entry, phase, deadline, deadline != null && deadline.isBefore(now), true,
            procedure.getStatus() == ProcedureStatus.COMPLETED);
    }

    public Long id() {
        return entry.getId();
    }
}

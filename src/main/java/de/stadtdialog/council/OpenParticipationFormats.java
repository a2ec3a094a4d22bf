package de.stadtdialog.council;

import java.util.List;

/**
 * The guard before the council decides (DOMAIN.md §3.6): no decisive consultation may be scheduled while a
 * participation format of the same procedure is still open. Participation modules implement this as Spring beans
 * and name their open formats (e.g. "Online-Kommentierung bis 12.03.2027"); every bean is asked. The council
 * module's own default looks only at the procedure's process (see {@code docs/council.md}).
 */
public interface OpenParticipationFormats {

    /** Names of the formats still open in this participation procedure; empty if none (or not this module's). */
    List<String> openFormatsOf(Long participationProcedureId);

    /**
     * Whether this module runs a participation format in the procedure. When any bean says so, the modules' own
     * answers count and the council's default look at the procedure's process steps aside (a call for members or
     * an advisory vote never waits for the council, so the default would hold the decision back for years).
     */
    default boolean runsFormatsIn(Long participationProcedureId) {
        return false;
    }
}

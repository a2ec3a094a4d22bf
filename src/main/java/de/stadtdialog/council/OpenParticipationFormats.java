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
}

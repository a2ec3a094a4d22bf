package de.stadtdialog.dashboard;

import java.util.List;

import de.stadtdialog.procedure.Procedure;

/**
 * Lets the module that runs a procedure show what only it knows on the procedure page (e.g. the date of a
 * session and the link to its public page), without the dashboard knowing that module. Implementations are Spring
 * beans; they are asked only for procedures the user may see and return nothing for procedures of other kinds.
 */
public interface ProcedureDetailsContributor {

    List<ProcedureDetail> detailsOf(Procedure procedure);
}

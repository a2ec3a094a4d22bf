package de.stadtdialog.dashboard;

import java.util.Set;

/**
 * A kind of procedure staff can start, listed on "Neues Verfahren" ({@code /verfahren/neu}) with a link to the
 * page of its module that starts it. Implementations are Spring beans of the module that runs the procedure.
 */
public interface ProcedureStarter {

    /** The template key its procedures carry; the list names it by {@code template.<key>}. */
    String templateKey();

    /** Message key of one or two sentences saying what the procedure is for. */
    String descriptionKey();

    /** Our page that starts it, e.g. {@code /sitzungsreihen/neu}. */
    String startPath();

    /** Roles (groups) that may start it. */
    Set<String> roles();
}

/**
 * The secretariat's status dashboard: every procedure of the user's municipalities with phase, deadlines and open
 * tasks (from the procedure read model only), a CSV export, and one page per procedure with its diagram and
 * history. Reads only. Other modules add facts and links to the procedure page through
 * {@link de.stadtdialog.dashboard.ProcedureDetailsContributor}.
 */
package de.stadtdialog.dashboard;

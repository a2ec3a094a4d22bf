package de.stadtdialog.procedure;

/**
 * The phase text of a procedure's read model changed (e.g. from "Tagesordnung entwerfen" to "Warten auf
 * „Sitzungsbeginn erreicht“"). Published synchronously by the status projection, inside the transaction of the
 * process step that caused it, just before commit: a listener's writes commit or roll back with that step.
 * {@code oldPhase} is null for a procedure's first phase.
 */
public record ProcedurePhaseChanged(Long procedureId, String tenantId, String oldPhase, String newPhase) {
}

package de.stadtdialog.procedure;

public enum ProcedureStatus {
    RUNNING, COMPLETED
}

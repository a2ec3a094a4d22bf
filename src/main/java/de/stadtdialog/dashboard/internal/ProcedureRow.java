package de.stadtdialog.dashboard.internal;

import java.util.Arrays;
import java.util.List;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureStatus;

/** One procedure as the overview and the export show it: names instead of keys, overdue decided once. */
public record ProcedureRow(Procedure procedure, String templateName, String tenantName, boolean overdue,
        List<String> openTasks) {

    static ProcedureRow of(Procedure procedure, String templateName, String tenantName, boolean overdue) {
        String tasks = procedure.getOpenTasks();
        List<String> openTasks = tasks == null || tasks.isBlank() ? List.of()
            : Arrays.stream(tasks.split("; ")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ProcedureRow(procedure, templateName, tenantName, overdue, openTasks);
    }

    public boolean running() {
        return procedure.getStatus() == ProcedureStatus.RUNNING;
    }
}

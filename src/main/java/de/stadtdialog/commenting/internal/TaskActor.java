package de.stadtdialog.commenting.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Reading form values and the acting user from a task, for the commenting form listeners. */
final class TaskActor {

    private TaskActor() {
    }

    /**
     * The authenticated user (REST, Camunda Tasklist, our tasklist), else the assignee (unauthenticated calls such
     * as demo data): the login comes first so handing a task over cannot get round the four-eyes rule.
     */
    static String of(DelegateTask task) {
        String authenticated = Context.getCommandContext() == null ? null
            : Context.getCommandContext().getAuthenticatedUserId();
        return authenticated != null ? authenticated : task.getAssignee();
    }

    static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}

/**
 * The officers' tasklist ({@code /aufgaben}): their tasks and their groups' tasks, claiming, and completing a task
 * through its Camunda Form rendered on the server. The form support is public so other modules can render and
 * check Camunda Forms too: {@link de.stadtdialog.tasklist.FormSchema} (parsed form-js JSON),
 * {@link de.stadtdialog.tasklist.CamundaForm} (values, validation and errors of one form for one page) and the
 * Thymeleaf fragments in {@code templates/tasklist/form.html}.
 */
package de.stadtdialog.tasklist;

package de.stadtdialog.tasklist.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.StaffUser;
import de.stadtdialog.tasklist.CamundaForm;
import de.stadtdialog.tasklist.FormComponent;
import de.stadtdialog.tasklist.FormSchema;
import de.stadtdialog.tasklist.FormSchemaException;

/** {@code /aufgaben}: the task list, claiming and releasing, and a task's page with its form. */
@Controller
@RequestMapping("/aufgaben")
class TasklistController {

    private static final Logger log = LoggerFactory.getLogger(TasklistController.class);

    /** Where claim/unclaim may send the browser back to: our own pages only. */
    private static final Pattern RETURN_URL = Pattern.compile("^/aufgaben(/[A-Za-z0-9-]+)?(\\?[A-Za-z0-9%&=+._~-]*)?$");

    private final TasklistService tasks;
    private final MessageSource messages;
    private final Clock clock;

    TasklistController(TasklistService tasks, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(name = "ansicht", required = false) String view,
            @RequestParam(name = "verfahren", required = false) String procedure,
            @RequestParam(name = "sortierung", required = false) String order,
            @RequestParam(name = "seite", required = false) Integer page, Model model) {
        TaskFilter filter = TaskFilter.of(view, procedure, order, page);
        model.addAttribute("filter", filter);
        model.addAttribute("views", TaskFilter.View.values());
        model.addAttribute("orders", TaskFilter.Order.values());
        model.addAttribute("maxFilterProcedures", TasklistService.MAX_FILTER_PROCEDURES);
        model.addAttribute("page", tasks.list(StaffUser.current(), filter));
        return "tasklist/list";
    }

    @PostMapping("/{taskId}/uebernehmen")
    String claim(@PathVariable String taskId, @RequestParam(name = "zurueck", required = false) String back,
            RedirectAttributes redirect, Locale locale) {
        StaffUser user = StaffUser.current();
        try {
            String name = tasks.claim(user, taskId);
            redirect.addFlashAttribute("flashMessage", text(locale, "tasklist.claimed", name));
        } catch (TaskAlreadyClaimedException e) {
            redirect.addFlashAttribute("flashError",
                text(locale, "tasklist.claimedByOther", tasks.displayName(e.getTaskAssignee())));
        } catch (TaskGoneException e) {
            return gone(user, taskId, redirect, locale);
        } catch (AuthorizationException e) {
            log.info("Claim of task {} refused for {}: {}", taskId, user.id(), e.getMessage());
            redirect.addFlashAttribute("flashError", text(locale, "tasklist.forbidden"));
        }
        return "redirect:" + safeReturn(back, "/aufgaben");
    }

    @PostMapping("/{taskId}/freigeben")
    String unclaim(@PathVariable String taskId, @RequestParam(name = "zurueck", required = false) String back,
            RedirectAttributes redirect, Locale locale) {
        StaffUser user = StaffUser.current();
        try {
            String name = tasks.unclaim(user, taskId);
            redirect.addFlashAttribute("flashMessage", text(locale, "tasklist.unclaimed", name));
        } catch (NotYourTaskException e) {
            redirect.addFlashAttribute("flashError", text(locale, "tasklist.unclaim.notYours"));
        } catch (TaskGoneException e) {
            return gone(user, taskId, redirect, locale);
        } catch (AuthorizationException e) {
            log.info("Unclaim of task {} refused for {}: {}", taskId, user.id(), e.getMessage());
            redirect.addFlashAttribute("flashError", text(locale, "tasklist.forbidden"));
        }
        return "redirect:" + safeReturn(back, "/aufgaben");
    }

    @GetMapping("/{taskId}")
    String detail(@PathVariable String taskId, Model model, RedirectAttributes redirect, Locale locale,
            HttpServletResponse response) {
        StaffUser user = StaffUser.current();
        Optional<TaskRow> task = tasks.find(user, taskId);
        if (task.isEmpty()) {
            return goneOrNotFound(user, taskId, redirect, locale, response);
        }
        CamundaForm form = loadForm(user, task.get(), model, null);
        return detailPage(model, task.get(), form, !task.get().assignedToOther());
    }

    @PostMapping("/{taskId}")
    String complete(@PathVariable String taskId, HttpServletRequest request, Model model,
            RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        StaffUser user = StaffUser.current();
        Optional<TaskRow> found = tasks.find(user, taskId);
        if (found.isEmpty()) {
            return goneOrNotFound(user, taskId, redirect, locale, response);
        }
        TaskRow task = found.get();
        CamundaForm form = loadForm(user, task, model, request.getParameterMap());
        if (form == null && model.containsAttribute("formProblem")) {
            // a form we cannot show cannot be submitted here either
            return detailPage(model, task, null, false);
        }
        if (task.assignedToOther()) {
            form.reject(null, text(locale, "tasklist.claimedByOther.kept", task.assigneeName()));
            return rejected(model, task, form, false, response);
        }
        if (!form.validate(LocalDate.now(clock.withZone(TaskTimes.ZONE)), messages, locale)) {
            return rejected(model, task, form, true, response);
        }
        try {
            TasklistService.Completed done = tasks.complete(user, taskId, form.variables());
            redirect.addFlashAttribute("flashMessage", task.businessKey() == null
                ? text(locale, "tasklist.completed", task.displayName())
                : text(locale, "tasklist.completed.procedure", task.displayName(), task.businessKey()));
            tasks.nextTask(user, done.processInstanceId()).ifPresent(next -> {
                redirect.addFlashAttribute("nextTaskId", next.id());
                redirect.addFlashAttribute("nextTaskName", next.displayName());
            });
            return "redirect:/aufgaben";
        } catch (RuntimeException e) {
            return completionFailed(e, user, task, form, model, redirect, locale, response);
        }
    }

    private String completionFailed(RuntimeException e, StaffUser user, TaskRow task, CamundaForm form, Model model,
            RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        InputRejectedException rejected = InputRejectedException.in(e);
        if (rejected != null) {
            form.reject(rejected.field(), rejected.getMessage());
            return rejected(model, task, form, true, response);
        }
        if (e instanceof TaskAlreadyClaimedException claimed) {
            form.reject(null, text(locale, "tasklist.claimedByOther.kept",
                tasks.displayName(claimed.getTaskAssignee())));
            return rejected(model, task, form, false, response);
        }
        if (e instanceof TaskGoneException || tasks.find(user, task.id()).isEmpty()) {
            return gone(user, task.id(), redirect, locale);
        }
        if (causedBy(e, OptimisticLockingException.class)) {
            form.reject(null, text(locale, "tasklist.conflict"));
            return rejected(model, task, form, true, response);
        }
        if (causedBy(e, AuthorizationException.class)) {
            log.warn("Completing task {} refused for {}: {}", task.id(), user.id(), e.getMessage());
            form.reject(null, text(locale, "tasklist.forbidden"));
            return rejected(model, task, form, false, response);
        }
        log.error("Completing task {} by {} failed", task.id(), user.id(), e);
        form.reject(null, text(locale, "tasklist.failed"));
        return rejected(model, task, form, true, response);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The task's form, prefilled from its variables or as submitted; null with {@code formProblem} set if none. */
    private CamundaForm loadForm(StaffUser user, TaskRow task, Model model, Map<String, String[]> submitted) {
        FormSchema schema;
        switch (task.formKind()) {
            case NONE -> schema = FormSchema.empty();
            case OTHER -> {
                model.addAttribute("formProblem", "tasklist.detail.formUnsupported");
                return null;
            }
            default -> {
                try {
                    schema = tasks.form(user, task.id());
                } catch (FormSchemaException e) {
                    log.error("Form of task {} ({}) cannot be used: {}", task.id(), task.name(), e.getMessage());
                    model.addAttribute("formProblem", "tasklist.detail.formBroken");
                    return null;
                }
            }
        }
        Map<String, Object> variables = tasks.variables(user, task.id());
        List<FormComponent> unsupported = schema.unsupported();
        if (!unsupported.isEmpty()) {
            model.addAttribute("unsupportedFields", unsupported.stream()
                .map(c -> c.label() != null ? c.label() : c.type()).collect(Collectors.joining(", ")));
        }
        return submitted == null ? CamundaForm.prefilled(schema, variables)
            : CamundaForm.submitted(schema, submitted, variables);
    }

    private String rejected(Model model, TaskRow task, CamundaForm form, boolean editable,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return detailPage(model, task, form, editable);
    }

    private static String detailPage(Model model, TaskRow task, CamundaForm form, boolean editable) {
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("editable", editable && form != null);
        return "tasklist/detail";
    }

    private String goneOrNotFound(StaffUser user, String taskId, RedirectAttributes redirect, Locale locale,
            HttpServletResponse response) {
        if (tasks.history(user, taskId).filter(h -> h.getEndTime() != null).isPresent()) {
            return gone(user, taskId, redirect, locale);
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "tasklist/not-found";
    }

    /** Back to the list, saying what became of the task: who completed it, if the history knows. */
    private String gone(StaffUser user, String taskId, RedirectAttributes redirect, Locale locale) {
        Optional<HistoricTaskInstance> history = tasks.history(user, taskId);
        String message = text(locale, "tasklist.gone");
        if (history.isPresent() && history.get().getEndTime() == null) {
            // still open, but not for this member
            message = text(locale, "tasklist.detail.notFound.text");
        } else if (history.isPresent()) {
            HistoricTaskInstance done = history.get();
            String when = TaskTimes.format(done.getEndTime().toInstant());
            if (!"completed".equals(done.getDeleteReason())) {
                message = text(locale, "tasklist.gone.ended");
            } else if (user.id().equals(done.getAssignee())) {
                message = text(locale, "tasklist.gone.byYou", when);
            } else if (done.getAssignee() != null) {
                message = text(locale, "tasklist.gone.by", tasks.displayName(done.getAssignee()), when);
            }
        }
        redirect.addFlashAttribute("flashError", message);
        return "redirect:/aufgaben";
    }

    private static String safeReturn(String url, String fallback) {
        return url != null && RETURN_URL.matcher(url).matches() ? url : fallback;
    }

    private String text(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}

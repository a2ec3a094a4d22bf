package de.stadtdialog.portal.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.shared.StaffUser;

/**
 * Staff maintain the project list of their municipalities ("/vorhaben/verwalten"): list, new entry, edit.
 * Errors appear next to their field with every entered value kept. Entries of other municipalities are "not
 * found".
 */
@Controller
@RequestMapping("/vorhaben/verwalten")
class ProjectListStaffController {

    static final String FORM = "projectEntry";
    /** Enough for a select; older procedures are rarely put on the list afterwards. */
    private static final int PROCEDURE_CHOICES = 300;

    private final ProjectListEntryRepository entries;
    private final ProjectListEditing editing;
    private final ProcedureRepository procedures;
    private final TenantRepository tenants;
    private final MessageSource messages;

    ProjectListStaffController(ProjectListEntryRepository entries, ProjectListEditing editing,
            ProcedureRepository procedures, TenantRepository tenants, MessageSource messages) {
        this.entries = entries;
        this.editing = editing;
        this.procedures = procedures;
        this.tenants = tenants;
        this.messages = messages;
    }

    /** One row of the staff list: the entry and, if linked, its procedure's business key and phase. */
    public record StaffRow(ProjectListEntry entry, String businessKey, String phase, String tenantName) {
    }

    @GetMapping
    String list(Model model) {
        List<String> own = StaffUser.current().tenants();
        List<ProjectListEntry> all = own.isEmpty() ? List.of() : entries.findByTenantIdInOrderByUpdatedAtDesc(own);
        Map<Long, Procedure> linked = procedures.findAllById(all.stream().map(ProjectListEntry::getProcedureId)
                .filter(id -> id != null).distinct().toList()).stream()
            .collect(Collectors.toMap(Procedure::getId, Function.identity()));
        Map<String, String> tenantNames = tenantNames(own);
        model.addAttribute("rows", all.stream().map(entry -> {
            Procedure procedure = entry.getProcedureId() == null ? null : linked.get(entry.getProcedureId());
            return new StaffRow(entry, procedure == null ? null : procedure.getBusinessKey(),
                procedure == null ? null : procedure.getPhase(), tenantNames.get(entry.getTenantId()));
        }).toList());
        model.addAttribute("multipleTenants", own.size() > 1);
        return "portal/staff-list";
    }

    @GetMapping("/neu")
    String newForm(Model model) {
        ProjectEntryForm form = new ProjectEntryForm();
        List<String> own = StaffUser.current().tenants();
        if (own.size() == 1) {
            form.setTenantId(own.get(0));
        }
        model.addAttribute(FORM, form);
        return page(model, null);
    }

    @PostMapping("/neu")
    String create(@Valid @ModelAttribute(FORM) ProjectEntryForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        List<String> own = StaffUser.current().tenants();
        if (form.getTenantId() == null || form.getTenantId().isBlank()) {
            errors.rejectValue("tenantId", "NotBlank");
        } else if (!own.contains(form.getTenantId())) {
            errors.rejectValue("tenantId", "notYours");
        }
        if (errors.hasErrors()) {
            return page(model, null);
        }
        ProjectListEntry entry;
        try {
            entry = editing.create(form.getTenantId(), form);
        } catch (ProjectListEditing.Rejected rejected) {
            reject(errors, rejected);
            return page(model, null);
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage("portal.staff.created",
            new Object[] {entry.getTitle()}, locale));
        return "redirect:/vorhaben/verwalten";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable String id, Model model) {
        ProjectListEntry entry = own(id);
        model.addAttribute(FORM, ProjectEntryForm.of(entry));
        return page(model, entry);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @Valid @ModelAttribute(FORM) ProjectEntryForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, Locale locale) {
        ProjectListEntry entry = own(id);
        // the municipality of an entry does not change; what the form says about it is ignored
        form.setTenantId(entry.getTenantId());
        if (errors.hasErrors()) {
            return page(model, entry);
        }
        try {
            editing.update(entry.getId(), StaffUser.current().tenants(), form)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (ProjectListEditing.Rejected rejected) {
            reject(errors, rejected);
            return page(model, entry);
        } catch (OptimisticLockingFailureException conflict) {
            errors.reject("changedMeanwhile");
            return page(model, entry);
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage("portal.staff.saved",
            new Object[] {form.getTitle().trim()}, locale));
        return "redirect:/vorhaben/verwalten";
    }

    private static void reject(BindingResult errors, ProjectListEditing.Rejected rejected) {
        if (rejected.field() == null) {
            errors.reject(rejected.code());
        } else {
            errors.rejectValue(rejected.field(), rejected.code());
        }
    }

    private ProjectListEntry own(String id) {
        List<String> own = StaffUser.current().tenants();
        return PublicProjectController.parseId(id)
            .flatMap(entryId -> own.isEmpty() ? Optional.empty() : entries.findByIdAndTenantIdIn(entryId, own))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(Model model, ProjectListEntry entry) {
        List<String> own = StaffUser.current().tenants();
        model.addAttribute("entry", entry);
        model.addAttribute("tenants", tenants.findByIdInOrderByName(own));
        model.addAttribute("tenantName", entry == null ? null : tenantNames(own).get(entry.getTenantId()));
        model.addAttribute("statuses", Arrays.asList(ParticipationStatus.values()));
        model.addAttribute("procedures", procedureChoices(own, entry));
        return "portal/staff-form";
    }

    private List<Procedure> procedureChoices(List<String> own, ProjectListEntry entry) {
        if (own.isEmpty()) {
            return List.of();
        }
        List<Procedure> choices = new ArrayList<>(procedures.findByTenantIdIn(own,
            PageRequest.of(0, PROCEDURE_CHOICES, Sort.by(Sort.Direction.DESC, "createdAt"))).getContent());
        if (entry != null && entry.getProcedureId() != null
                && choices.stream().noneMatch(p -> p.getId().equals(entry.getProcedureId()))) {
            procedures.findById(entry.getProcedureId()).filter(p -> own.contains(p.getTenantId()))
                .ifPresent(choices::add);
        }
        return choices;
    }

    private Map<String, String> tenantNames(List<String> own) {
        return tenants.findByIdInOrderByName(own).stream().collect(Collectors.toMap(Tenant::getId, Tenant::getName));
    }
}

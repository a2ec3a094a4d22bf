package de.stadtdialog.portal.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Saves staff changes to the project list, after checking what Bean Validation cannot: the linked procedure
 * belongs to the same municipality and is not listed twice, and nobody saved the entry meanwhile.
 */
@Service
class ProjectListEditing {

    /** A rule broken by the input; {@code field} is null for the whole form, {@code code} a message code. */
    static class Rejected extends RuntimeException {

        private final String field;
        private final String code;

        Rejected(String field, String code) {
            super(code);
            this.field = field;
            this.code = code;
        }

        String field() {
            return field;
        }

        String code() {
            return code;
        }
    }

    private final ProjectListEntryRepository entries;
    private final ProcedureRepository procedures;
    private final Clock clock;

    ProjectListEditing(ProjectListEntryRepository entries, ProcedureRepository procedures, Clock clock) {
        this.entries = entries;
        this.procedures = procedures;
        this.clock = clock;
    }

    @Transactional
    ProjectListEntry create(String tenantId, ProjectEntryForm form) {
        checkProcedure(tenantId, form.getProcedureId(), null);
        ProjectListEntry entry = new ProjectListEntry(tenantId, clock.instant());
        apply(entry, form);
        return entries.saveAndFlush(entry);
    }

    /** @return empty if there is no such entry in the given municipalities */
    @Transactional
    Optional<ProjectListEntry> update(Long id, Collection<String> tenantIds, ProjectEntryForm form) {
        Optional<ProjectListEntry> found = entries.findByIdAndTenantIdIn(id, tenantIds);
        found.ifPresent(entry -> update(entry, form));
        return found;
    }

    private void update(ProjectListEntry entry, ProjectEntryForm form) {
        if (form.getVersion() == null || form.getVersion() != entry.getVersion()) {
            throw new Rejected(null, "changedMeanwhile");
        }
        checkProcedure(entry.getTenantId(), form.getProcedureId(), entry.getId());
        apply(entry, form);
        entries.flush();
    }

    private void checkProcedure(String tenantId, Long procedureId, Long entryId) {
        if (procedureId == null) {
            return;
        }
        Procedure procedure = procedures.findById(procedureId).orElse(null);
        if (procedure == null || !Objects.equals(procedure.getTenantId(), tenantId)) {
            throw new Rejected("procedureId", "unknown");
        }
        boolean listedElsewhere = entryId == null ? entries.existsByProcedureId(procedureId)
            : entries.existsByProcedureIdAndIdNot(procedureId, entryId);
        if (listedElsewhere) {
            throw new Rejected("procedureId", "alreadyListed");
        }
    }

    private void apply(ProjectListEntry entry, ProjectEntryForm form) {
        entry.change(form.getProcedureId(), form.getTitle().trim(), form.getShortDescription().trim(),
            form.getPlace().trim(), form.getParticipationStatus(), ProjectEntryForm.trimmed(form.getCost()),
            ProjectEntryForm.trimmed(form.getSchedule()), form.isPublished(), clock.instant());
    }
}

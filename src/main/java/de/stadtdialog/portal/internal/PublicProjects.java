package de.stadtdialog.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/** Reads the published project list of a municipality with the state of each linked procedure (two queries). */
@Component
@Transactional(readOnly = true)
class PublicProjects {

    private final ProjectListEntryRepository entries;
    private final ProcedureRepository procedures;
    private final Clock clock;

    PublicProjects(ProjectListEntryRepository entries, ProcedureRepository procedures, Clock clock) {
        this.entries = entries;
        this.procedures = procedures;
        this.clock = clock;
    }

    /** A listed project with its procedure, for the feeds that need more than the public view (deadlines). */
    record Listed(PublicProject project, Procedure procedure) {
    }

    List<PublicProject> of(String tenantId) {
        return listed(tenantId).stream().map(Listed::project).toList();
    }

    List<Listed> listed(String tenantId) {
        List<ProjectListEntry> published = entries.findByTenantIdAndPublishedTrueOrderByTitleAsc(tenantId);
        List<Long> procedureIds = published.stream().map(ProjectListEntry::getProcedureId).filter(Objects::nonNull)
            .distinct().toList();
        Map<Long, Procedure> byId = procedures.findAllById(procedureIds).stream()
            // a procedure of another municipality is never shown, even if an entry pointed to one
            .filter(procedure -> procedure.getTenantId().equals(tenantId))
            .collect(Collectors.toMap(Procedure::getId, Function.identity()));
        Instant now = clock.instant();
        return published.stream().map(entry -> {
            Procedure procedure = entry.getProcedureId() == null ? null : byId.get(entry.getProcedureId());
            return new Listed(PublicProject.of(entry, procedure, now), procedure);
        }).toList();
    }

    Optional<PublicProject> published(Long id) {
        return entries.findByIdAndPublishedTrue(id)
            .map(entry -> PublicProject.of(entry, procedureOf(entry), clock.instant()));
    }

    Procedure procedureOf(ProjectListEntry entry) {
        if (entry.getProcedureId() == null) {
            return null;
        }
        return procedures.findById(entry.getProcedureId())
            .filter(procedure -> procedure.getTenantId().equals(entry.getTenantId())).orElse(null);
    }
}

package de.stadtdialog.portal.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import de.stadtdialog.procedure.Procedure;

/**
 * Project-list entries for the portal tests, each with a unique token in its title so tests sharing the database
 * can find their own. Not a bean: tests build it from the shared context.
 */
final class PortalTestData {

    static final String TENANT = "kaiserslautern";

    private final ProjectListEntryRepository entries;
    final String token = UUID.randomUUID().toString().substring(0, 8);

    PortalTestData(ApplicationContext context) {
        this.entries = context.getBean(ProjectListEntryRepository.class);
    }

    ProjectListEntry entry(String tenantId, Procedure procedure, String title, ParticipationStatus status,
            boolean published) {
        ProjectListEntry entry = new ProjectListEntry(tenantId, Instant.now());
        entry.change(procedure == null ? null : procedure.getId(), title,
            "Kurzbeschreibung von " + title, "Innenstadt " + token, status, null, null, published, Instant.now());
        return entries.saveAndFlush(entry);
    }

    ProjectListEntry published(Procedure procedure, String title) {
        return entry(TENANT, procedure, title, ParticipationStatus.INFORMAL, true);
    }

    ProjectListEntry reload(ProjectListEntry entry) {
        return entries.findById(entry.getId()).orElseThrow();
    }
}

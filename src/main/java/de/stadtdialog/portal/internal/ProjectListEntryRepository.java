package de.stadtdialog.portal.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectListEntryRepository extends JpaRepository<ProjectListEntry, Long> {

    List<ProjectListEntry> findByTenantIdAndPublishedTrueOrderByTitleAsc(String tenantId);

    Optional<ProjectListEntry> findByIdAndPublishedTrue(Long id);

    List<ProjectListEntry> findByTenantIdInOrderByUpdatedAtDesc(Collection<String> tenantIds);

    Optional<ProjectListEntry> findByIdAndTenantIdIn(Long id, Collection<String> tenantIds);

    boolean existsByProcedureIdAndIdNot(Long procedureId, Long id);

    boolean existsByProcedureId(Long procedureId);

    boolean existsByTenantIdAndTitle(String tenantId, String title);
}

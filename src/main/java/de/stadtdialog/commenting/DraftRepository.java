package de.stadtdialog.commenting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DraftRepository extends JpaRepository<Draft, Long> {

    Optional<Draft> findByProcedureId(Long procedureId);

    List<Draft> findByTenantIdAndOpenedAtIsNotNullOrderByOpenedAtDesc(String tenantId);
}

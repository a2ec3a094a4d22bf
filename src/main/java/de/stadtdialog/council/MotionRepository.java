package de.stadtdialog.council;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MotionRepository extends JpaRepository<Motion, Long> {

    Optional<Motion> findFirstByProcedureIdOrderByIdDesc(Long procedureId);

    List<Motion> findByTenantIdOrderByIdAsc(String tenantId);

    Optional<Motion> findFirstByTenantIdAndReference(String tenantId, String reference);

    List<Motion> findByParticipationProcedureIdOrderByIdDesc(Long participationProcedureId);

    List<Motion> findByTenantIdAndDecisionPublishedAtIsNotNullOrderByDecidedAtDesc(String tenantId);
}

package de.stadtdialog.membercall;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberCallRepository extends JpaRepository<MemberCall, Long> {

    Optional<MemberCall> findByProcedureId(Long procedureId);

    List<MemberCall> findByTenantIdAndPublishedAtIsNotNullOrderByDeadlineDesc(String tenantId);

    List<MemberCall> findByTenantIdInOrderByIdDesc(java.util.Collection<String> tenantIds);
}

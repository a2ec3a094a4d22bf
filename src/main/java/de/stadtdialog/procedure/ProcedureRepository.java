package de.stadtdialog.procedure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ProcedureRepository extends JpaRepository<Procedure, Long>, JpaSpecificationExecutor<Procedure> {

    Optional<Procedure> findByProcessInstanceId(String processInstanceId);

    Optional<Procedure> findByBusinessKey(String businessKey);

    Optional<Procedure> findByBusinessKeyAndTenantIdIn(String businessKey, Collection<String> tenantIds);

    List<Procedure> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    Page<Procedure> findByTenantIdIn(Collection<String> tenantIds, Pageable pageable);
}

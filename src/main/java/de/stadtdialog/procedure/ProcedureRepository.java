package de.stadtdialog.procedure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProcedureRepository extends JpaRepository<Procedure, Long>, JpaSpecificationExecutor<Procedure> {

    // JPQL rather than a derived query: it is run after every step of every procedure, and Hibernate caches the
    // plan of a query string but builds a derived query's criteria anew on each call
    @Query("select p from Procedure p where p.processInstanceId = :processInstanceId")
    Optional<Procedure> findByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    Optional<Procedure> findByBusinessKey(String businessKey);

    Optional<Procedure> findByBusinessKeyAndTenantIdIn(String businessKey, Collection<String> tenantIds);

    List<Procedure> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    Page<Procedure> findByTenantIdIn(Collection<String> tenantIds, Pageable pageable);
}

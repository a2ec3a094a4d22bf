package de.stadtdialog.voting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VoteRepository extends JpaRepository<Vote, Long> {

    Optional<Vote> findByProcedureId(Long procedureId);

    Optional<Vote> findByIdAndApprovedAtIsNotNull(Long id);

    List<Vote> findByTenantIdAndApprovedAtIsNotNullOrderByOpensAtDesc(String tenantId);
}

package de.stadtdialog.voting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VoteRepository extends JpaRepository<Vote, Long> {

    Optional<Vote> findByProcedureId(Long procedureId);

    // JPQL rather than a derived query: it runs on every ballot (twice), and Hibernate caches the plan of a query
    // string but builds a derived query's criteria anew on each call (a profile of the ballot POST showed that)
    @Query("select v from Vote v where v.id = :id and v.approvedAt is not null")
    Optional<Vote> findByIdAndApprovedAtIsNotNull(@Param("id") Long id);

    List<Vote> findByTenantIdAndApprovedAtIsNotNullOrderByOpensAtDesc(String tenantId);
}

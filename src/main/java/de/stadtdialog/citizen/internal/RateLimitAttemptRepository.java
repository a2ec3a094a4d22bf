package de.stadtdialog.citizen.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface RateLimitAttemptRepository extends JpaRepository<RateLimitAttempt, Long> {

    long countByTenantIdAndActionAndSubjectHashAndAttemptedAtAfter(String tenantId, RateLimitedAction action,
            String subjectHash, Instant after);

    List<RateLimitAttempt> findByTenantIdAndActionAndSubjectHashAndAttemptedAtAfter(String tenantId,
            RateLimitedAction action, String subjectHash, Instant after, Pageable pageable);

    @Transactional
    @Modifying
    @Query("delete from RateLimitAttempt a where a.tenantId = :tenantId and a.action = :action"
        + " and a.subjectHash = :subjectHash")
    int deleteSubject(@Param("tenantId") String tenantId, @Param("action") RateLimitedAction action,
            @Param("subjectHash") String subjectHash);

    @Transactional
    @Modifying
    @Query("delete from RateLimitAttempt a where a.attemptedAt < :before")
    int deleteOlderThan(@Param("before") Instant before);
}

package de.stadtdialog.council.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RisPollStateRepository extends JpaRepository<RisPollState, String> {

    /** Takes the lease if nobody holds it (or the holder's ran out); 1 if taken. */
    @Modifying
    @Query("update RisPollState s set s.leasedBy = :node, s.leaseUntil = :until where s.tenantId = :tenant "
        + "and (s.leaseUntil is null or s.leaseUntil < :now)")
    int lease(@Param("tenant") String tenantId, @Param("node") String node, @Param("now") Instant now,
        @Param("until") Instant until);

    @Modifying
    @Query("update RisPollState s set s.leasedBy = null, s.leaseUntil = null where s.tenantId = :tenant "
        + "and s.leasedBy = :node")
    int release(@Param("tenant") String tenantId, @Param("node") String node);
}

package de.stadtdialog.council;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingRepository extends JpaRepository<Meeting, Long> {

    Optional<Meeting> findFirstByTenantIdAndBodyIdAndStartsAt(String tenantId, Long bodyId, Instant startsAt);

    List<Meeting> findByTenantIdOrderByStartsAtAsc(String tenantId);

    List<Meeting> findByTenantIdAndStartsAtGreaterThanEqualOrderByStartsAtAsc(String tenantId, Instant from);
}

package de.stadtdialog.notification.internal;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    boolean existsByDedupKey(String dedupKey);

    Page<OutboxEntry> findByTenantIdInOrderBySentAtDesc(Collection<String> tenantIds, Pageable pageable);
}

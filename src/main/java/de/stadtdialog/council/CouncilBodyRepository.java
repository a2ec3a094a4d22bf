package de.stadtdialog.council;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CouncilBodyRepository extends JpaRepository<CouncilBody, Long> {

    Optional<CouncilBody> findByTenantIdAndName(String tenantId, String name);

    List<CouncilBody> findByTenantIdOrderByNameAsc(String tenantId);
}

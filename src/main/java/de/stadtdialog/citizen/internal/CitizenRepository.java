package de.stadtdialog.citizen.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CitizenRepository extends JpaRepository<Citizen, Long> {

    Optional<Citizen> findByTenantIdAndUsernameKey(String tenantId, String usernameKey);

    Optional<Citizen> findByTenantIdAndEmail(String tenantId, String email);

    boolean existsByTenantIdAndUsernameKey(String tenantId, String usernameKey);
}

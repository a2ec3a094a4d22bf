package de.stadtdialog.procedure;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TenantRepository extends JpaRepository<Tenant, String> {

    List<Tenant> findByIdInOrderByName(Collection<String> ids);
}

package de.stadtdialog.portal.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;

/**
 * Which municipality a public page is about: {@code ?mandant=<id>}, or else the first configured one (an
 * installation usually serves one city). An unknown id is "not found".
 */
@Component
class PublicTenants {

    private final TenantRepository tenants;
    private final String configuredDefault;

    PublicTenants(TenantRepository tenants, @Value("${stadtdialog.tenants[0].id:}") String configuredDefault) {
        this.tenants = tenants;
        this.configuredDefault = configuredDefault;
    }

    /** Empty only when nothing is configured and several municipalities exist: the reader must choose. */
    Optional<Tenant> chosen(String requested) {
        if (requested != null && !requested.isBlank()) {
            return Optional.of(tenants.findById(requested.trim())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        }
        if (!configuredDefault.isBlank()) {
            Optional<Tenant> configured = tenants.findById(configuredDefault);
            if (configured.isPresent()) {
                return configured;
            }
        }
        List<Tenant> all = tenants.findAll();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** For feeds, which cannot ask back. */
    Tenant required(String requested) {
        return chosen(requested).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    boolean isDefault(Tenant tenant) {
        return tenant.getId().equals(configuredDefault);
    }

    List<Tenant> all() {
        return tenants.findAll(Sort.by("name"));
    }
}

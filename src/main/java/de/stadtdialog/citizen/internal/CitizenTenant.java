package de.stadtdialog.citizen.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;

/**
 * The municipality whose citizens use this installation's {@code /buerger} pages: {@code stadtdialog.citizen.tenant},
 * or the only configured one. Accounts, tokens, limits and follows all carry it.
 */
@Component
public class CitizenTenant {

    private final CitizenProperties properties;
    private final TenantRepository tenants;

    CitizenTenant(CitizenProperties properties, TenantRepository tenants) {
        this.properties = properties;
        this.tenants = tenants;
    }

    public String id() {
        if (properties.tenant() != null) {
            return properties.tenant();
        }
        List<Tenant> all = tenants.findAll();
        if (all.size() != 1) {
            throw new IllegalStateException("Several municipalities are configured: set stadtdialog.citizen.tenant "
                + "to the one whose citizens register on this installation");
        }
        return all.get(0).getId();
    }
}

package de.stadtdialog.procedure.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.TenantRepository;

/**
 * Makes every configured municipality exist both as our tenant row and as a Camunda tenant. Staff become members
 * of a tenant in Camunda Admin.
 */
@Component
@Order(1)
class TenantProvisioning implements ApplicationRunner {

    private final TenantProperties properties;
    private final TenantRepository tenants;
    private final IdentityService identityService;

    TenantProvisioning(TenantProperties properties, TenantRepository tenants, IdentityService identityService) {
        this.properties = properties;
        this.tenants = tenants;
        this.identityService = identityService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (TenantProperties.TenantEntry entry : properties.tenants()) {
            tenants.findById(entry.id()).ifPresentOrElse(
                tenant -> {
                    if (!entry.name().equals(tenant.getName())) {
                        tenants.save(new de.stadtdialog.procedure.Tenant(entry.id(), entry.name()));
                    }
                },
                () -> tenants.save(new de.stadtdialog.procedure.Tenant(entry.id(), entry.name())));
            if (identityService.createTenantQuery().tenantId(entry.id()).count() == 0) {
                Tenant tenant = identityService.newTenant(entry.id());
                tenant.setName(entry.name());
                identityService.saveTenant(tenant);
            }
        }
    }
}

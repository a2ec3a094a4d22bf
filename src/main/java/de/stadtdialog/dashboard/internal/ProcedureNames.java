package de.stadtdialog.dashboard.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;

/**
 * Human names for what the read model stores as keys: templates ({@code template.<key>} in the dashboard
 * messages, the key itself if a template has no name yet), municipalities and statuses.
 */
@Component
class ProcedureNames {

    private final EntityManager entityManager;
    private final TenantRepository tenants;
    private final MessageSource messages;

    ProcedureNames(EntityManager entityManager, TenantRepository tenants, MessageSource messages) {
        this.entityManager = entityManager;
        this.tenants = tenants;
        this.messages = messages;
    }

    String template(String templateKey, Locale locale) {
        return messages.getMessage("template." + templateKey, null, templateKey, locale);
    }

    String status(ProcedureStatus status, Locale locale) {
        return messages.getMessage("dashboard.status." + status.name(), null, status.name(), locale);
    }

    /** Templates used by any procedure of these municipalities, by key, named, ordered by name. */
    Map<String, String> templatesIn(Collection<String> tenantIds, Locale locale) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        List<String> keys = entityManager.createQuery(
                "select distinct p.templateKey from Procedure p where p.tenantId in :tenants", String.class)
            .setParameter("tenants", tenantIds).getResultList();
        Map<String, String> named = new LinkedHashMap<>();
        keys.stream().sorted((a, b) -> template(a, locale).compareToIgnoreCase(template(b, locale)))
            .forEach(key -> named.put(key, template(key, locale)));
        return named;
    }

    /** The user's municipalities by id, ordered by name. */
    Map<String, String> tenants(Collection<String> tenantIds) {
        Map<String, String> named = new LinkedHashMap<>();
        if (!tenantIds.isEmpty()) {
            for (Tenant tenant : tenants.findByIdInOrderByName(tenantIds)) {
                named.put(tenant.getId(), tenant.getName() == null ? tenant.getId() : tenant.getName());
            }
        }
        return named;
    }
}

package de.stadtdialog.procedure.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The municipalities of this installation ({@code stadtdialog.tenants}); a second city is one more entry. */
@ConfigurationProperties("stadtdialog")
public record TenantProperties(List<TenantEntry> tenants) {

    public TenantProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    public record TenantEntry(String id, String name) {
    }
}

package de.stadtdialog.shared;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The logged-in staff member as our pages and the engine need it: id, groups (roles) and tenants. Built from
 * the Spring Security principal on every request; nothing is kept between requests.
 */
public record StaffUser(String id, String displayName, List<String> groups, List<String> tenants)
        implements AuthenticatedPrincipal, Serializable {

    /**
     * The login name, which {@code Authentication.getName()} returns. Without it that would be this record's
     * {@code toString()}, which overflows the session table's principal-name column (100 characters) for staff
     * with several roles or long names, so their login failed with an error.
     */
    @Override
    public String getName() {
        return id;
    }

    public boolean hasRole(String role) {
        return groups.contains(role);
    }

    public static StaffUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser staff) {
            return staff;
        }
        throw new IllegalStateException("No staff member is logged in");
    }
}

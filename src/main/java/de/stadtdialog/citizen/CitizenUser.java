package de.stadtdialog.citizen;

import java.io.Serializable;
import java.util.Optional;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A logged-in citizen (authority {@code ROLE_citizen}). Holds no personal data beyond the public username, so the
 * session row carries nothing the "Meine Daten" deletion would have to chase.
 */
public record CitizenUser(Long id, String username, String tenantId) implements AuthenticatedPrincipal, Serializable {

    public static final String ROLE = "citizen";
    public static final String AUTHORITY = "ROLE_" + ROLE;

    /** The session table's principal-name column holds 100 characters; usernames have at most 30. */
    @Override
    public String getName() {
        return username;
    }

    /** The name the page header shows, as for staff. */
    public String displayName() {
        return username;
    }

    public static Optional<CitizenUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CitizenUser citizen) {
            return Optional.of(citizen);
        }
        return Optional.empty();
    }
}

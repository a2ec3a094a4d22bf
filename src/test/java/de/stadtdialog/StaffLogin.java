package de.stadtdialog;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.stadtdialog.shared.StaffUser;

/**
 * Logs a MockMvc request in as a real {@link StaffUser} (controllers call {@link StaffUser#current()}, which a
 * plain {@code user("officer")} does not satisfy). Usage: {@code mvc.perform(get("/aufgaben").with(StaffLogin.as("officer")))}.
 */
public final class StaffLogin {

    public static final String TENANT = "kaiserslautern";

    /** Display names of the demo users, so pages showing "who did it" can be asserted. */
    private static final Map<String, String> DEMO_NAMES = Map.of(
        "officer", "Petra Schneider",
        "coordination", "Jonas Weber",
        "secretariat", "Sabine Keller",
        "designer", "David Braun",
        "admin", "Anna Hoffmann");

    private StaffLogin() {
    }

    /** A demo user: its id is also its only group (role), member of tenant {@value #TENANT}. */
    public static RequestPostProcessor as(String demoUserId) {
        return as(demoUserId, List.of(demoUserId), List.of(TENANT));
    }

    public static RequestPostProcessor as(String id, List<String> groups, List<String> tenants) {
        return authentication(token(staff(id, groups, tenants)));
    }

    public static StaffUser staff(String id, List<String> groups, List<String> tenants) {
        return new StaffUser(id, DEMO_NAMES.getOrDefault(id, id), List.copyOf(groups), List.copyOf(tenants));
    }

    public static UsernamePasswordAuthenticationToken token(StaffUser staff) {
        List<SimpleGrantedAuthority> authorities = staff.groups().stream()
            .map(group -> new SimpleGrantedAuthority("ROLE_" + group)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
    }
}

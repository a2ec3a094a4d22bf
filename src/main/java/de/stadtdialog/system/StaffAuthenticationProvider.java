package de.stadtdialog.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import de.stadtdialog.shared.Roles;
import de.stadtdialog.shared.StaffUser;

/**
 * Authenticates staff against the Camunda identity service, so users, groups (roles) and tenants are managed in
 * one place, Camunda Admin. Groups become authorities {@code ROLE_<group id>}.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    StaffAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || username.isBlank() || credentials == null
                || !identityService.checkPassword(username, credentials.toString())) {
            throw new BadCredentialsException("Benutzername oder Passwort ist falsch.");
        }
        StaffUser staff = load(username);
        List<SimpleGrantedAuthority> authorities = staff.groups().stream()
            .map(group -> new SimpleGrantedAuthority("ROLE_" + group))
            .toList();
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
    }

    StaffUser load(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        String displayName = user == null ? userId
            : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            // whoever Camunda's set-up page made administrator is our admin as well
            .map(group -> Groups.CAMUNDA_ADMIN.equals(group) ? Roles.ADMIN : group)
            .distinct().sorted().toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
            .list().stream().map(Tenant::getId).sorted().toList();
        return new StaffUser(userId, displayName.isEmpty() ? userId : displayName, groups, tenants);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

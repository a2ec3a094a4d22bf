package de.stadtdialog.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.stadtdialog.shared.Roles;

/**
 * Creates the role groups and what each may do inside the engine (Cockpit, Tasklist, Admin, REST). Runs at every
 * start and only adds what is missing, so grants an admin changed in Camunda Admin are left alone.
 * <ul>
 * <li>officer: Tasklist; reads process definitions; works the tasks of its candidate groups (the engine grants
 * those per task); may not deploy.</li>
 * <li>coordination, secretariat: Tasklist and Cockpit, read instances and history; coordination may retry
 * failed jobs (incidents).</li>
 * <li>designer: Cockpit; deploys and manages process definitions, e.g. from Camunda Modeler.</li>
 * <li>admin: everything. Camunda's own {@code camunda-admin} group (the webapps send everyone to their initial
 * set-up page while it has no member) gets the same rights, and its members count as admin on our pages too.</li>
 * </ul>
 */
@Component
@Order(0)
class RoleAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoleAuthorizations.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
        Roles.OFFICER, "Projektverantwortliche",
        Roles.COORDINATION, "Koordinationsstelle Bürgerbeteiligung",
        Roles.SECRETARIAT, "Sitzungsdienst",
        Roles.DESIGNER, "Prozessgestaltung",
        Roles.ADMIN, "IT-Administration",
        Groups.CAMUNDA_ADMIN, "Camunda-Administration (wie admin)");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    RoleAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        Roles.ALL.forEach(this::ensureGroup);
        ensureGroup(Groups.CAMUNDA_ADMIN);

        for (Resource resource : Resources.values()) {
            grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }

        grant(Roles.OFFICER, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.OFFICER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(Roles.OFFICER, Resources.FILTER, ANY, Permissions.READ);

        for (String role : new String[] {Roles.COORDINATION, Roles.SECRETARIAT}) {
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(role, Resources.FILTER, ANY, Permissions.READ);
            grant(role, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
            grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(role, Resources.TASK, ANY, Permissions.READ);
        }
        grant(Roles.COORDINATION, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grant(Roles.COORDINATION, Resources.PROCESS_INSTANCE, ANY, Permissions.UPDATE);

        grant(Roles.DESIGNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.DESIGNER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grant(Roles.DESIGNER, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.DESIGNER, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.DESIGNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.DESIGNER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    }

    private void ensureGroup(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(GROUP_NAMES.get(id));
            group.setType(Roles.ADMIN.equals(id) || Groups.CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM
                : Groups.GROUP_TYPE_WORKFLOW);
            identityService.saveGroup(group);
            log.info("Created role group {}", id);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
            .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
            : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

}

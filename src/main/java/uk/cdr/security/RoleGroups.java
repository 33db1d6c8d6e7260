package uk.cdr.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, in every profile, that the role groups exist with what each role needs from the
 * engine: Tasklist for the case workers, and two shared Tasklist filters. Idempotent, so a restart
 * or a second node changes nothing. The administrator group gets everything from the starter.
 */
@Component
@Order(1)
class RoleGroups implements ApplicationRunner {

    static final String FILTER_MY_ROLES = "Tasks for my roles";
    static final String FILTER_MY_TASKS = "My tasks";
    static final String TASKLIST_FORM_A_PROCESS = "logDeathFromTasklist";
    private static final Logger LOG = LoggerFactory.getLogger(RoleGroups.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    RoleGroups(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> kept = new HashSet<>();
        for (Role role : Role.caseworkers()) {
            ensureGroup(role);
            kept.add(grantExactly(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        }
        // Form A in Tasklist is the one process a person starts through the engine; the app starts
        // every other process itself (uk.cdr.config.AppRequests), so nobody can start one directly.
        kept.add(grantExactly(Role.SPOC, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
        kept.add(grantExactly(Role.SPOC, Resources.PROCESS_DEFINITION, TASKLIST_FORM_A_PROCESS, Permissions.READ,
                Permissions.CREATE_INSTANCE));
        Filter myRoles = ensureFilter(FILTER_MY_ROLES, -10,
                "Open tasks offered to any of your roles, and those assigned to you",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        Filter myTasks = ensureFilter(FILTER_MY_TASKS, -5, "Tasks assigned to you",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        for (Role role : Role.caseworkers()) {
            kept.add(grantExactly(role, Resources.FILTER, myRoles.getId(), Permissions.READ));
            kept.add(grantExactly(role, Resources.FILTER, myTasks.getId(), Permissions.READ));
        }
        revokeAllBut(kept);
        workNotUpdateOnTasks();
    }

    /**
     * Earlier versions granted more (starting and messaging every process, reading all history):
     * a database that had them loses them. The engine's own grants on each task stay.
     */
    private void revokeAllBut(Set<String> kept) {
        for (Role role : Role.caseworkers()) {
            for (Authorization authorization : authorizationService.createAuthorizationQuery()
                    .groupIdIn(role.groupId()).list()) {
                boolean perTask = authorization.getResourceType() == Resources.TASK.resourceType()
                        && !"*".equals(authorization.getResourceId());
                if (!perTask && !kept.contains(authorization.getId())) {
                    authorizationService.deleteAuthorization(authorization.getId());
                    LOG.info("Revoked {} on resource type {} ({}) from {}", authorization.getPermissions(
                            Permissions.values()), authorization.getResourceType(), authorization.getResourceId(),
                            role.groupId());
                }
            }
        }
    }

    /**
     * The engine gives a task's candidates and assignee its default task permission: TASK_WORK here
     * (application.yaml), so they may claim and complete it but not rewrite its variables, candidates
     * or name. Tasks created before that setting still carry UPDATE: it becomes TASK_WORK.
     */
    private void workNotUpdateOnTasks() {
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list()) {
            if (authorization.getAuthorizationType() != AUTH_TYPE_GRANT || isAdministrators(authorization)) {
                continue;
            }
            authorization.removePermission(Permissions.UPDATE);
            authorization.addPermission(Permissions.TASK_WORK);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private static boolean isAdministrators(Authorization authorization) {
        return Role.ADMIN.groupId().equals(authorization.getGroupId());
    }

    private void ensureGroup(Role role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(role.groupId());
        group.setName(role.title());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        LOG.info("Created group {}", role.groupId());
    }

    /**
     * One authorization row per group and resource (the engine's unique key), holding exactly these
     * permissions. @return its id
     */
    private String grantExactly(Role role, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(role.groupId())
                .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(role.groupId());
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        Set<Permission> wanted = Set.of(permissions);
        Set<Permission> held = new HashSet<>(Arrays.asList(authorization.getPermissions(Permissions.values())));
        held.removeIf(p -> p == Permissions.NONE);
        if (authorization.getId() != null && held.equals(wanted)) {
            return authorization.getId();
        }
        authorization.setPermissions(permissions);
        return authorizationService.saveAuthorization(authorization).getId();
    }

    private Filter ensureFilter(String name, int priority, String description, Query<?, ?> query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filterService.newTaskFilter(name);
        filter.setOwner(null);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filter.setQuery(query);
        return filterService.saveFilter(filter);
    }
}

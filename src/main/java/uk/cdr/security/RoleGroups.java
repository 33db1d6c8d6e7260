package uk.cdr.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

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
    static final String NOTIFICATION_PROCESS = "childDeathNotification";
    static final String FINAL_CASE_DISCUSSION_PROCESS = "finalCaseDiscussion";
    static final String CDOP_PANEL_MEETING_PROCESS = "cdopPanelMeeting";
    static final String CDOP_REVIEW_TARGETS_PROCESS = "cdopReviewTargets";
    static final String CDOP_REVIEW_PROCESS = "cdopReview";
    static final String DUPLICATE_PROCESS = "resolvePossibleDuplicate";
    static final String TASKLIST_FORM_A_PROCESS = "logDeathFromTasklist";
    static final String AGENCY_REPORT_PROCESS = "agencyReportRequest";
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
        for (Role role : Role.caseworkers()) {
            ensureGroup(role);
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        // The SPOC's requests start every process of a case, as the SPOC (page, API or Tasklist).
        grant(Role.SPOC, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        for (String process : List.of(NOTIFICATION_PROCESS, TASKLIST_FORM_A_PROCESS, DUPLICATE_PROCESS,
                CDOP_PANEL_MEETING_PROCESS, CDOP_REVIEW_TARGETS_PROCESS, CDOP_REVIEW_PROCESS)) {
            grant(Role.SPOC, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.CREATE_INSTANCE);
        }
        // The CDOP chair, too, sets panel meetings and assigns cases to them, each starting a CDOP review.
        grant(Role.CDOP_CHAIR, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        for (String process : List.of(CDOP_PANEL_MEETING_PROCESS, CDOP_REVIEW_PROCESS)) {
            grant(Role.CDOP_CHAIR, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.CREATE_INSTANCE);
        }
        // A Form B request process per agency, which the SPOC also sends messages (a new link).
        grant(Role.SPOC, Resources.PROCESS_DEFINITION, AGENCY_REPORT_PROCESS, Permissions.READ,
                Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
        // Recording the final post-mortem results releases the waiting final case discussion (a message).
        grant(Role.SPOC, Resources.PROCESS_DEFINITION, FINAL_CASE_DISCUSSION_PROCESS, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
        // The case page shows who did which task: the SPOC and the Designated Doctor read the history.
        // ... and the emails still waiting to go out (the processes' jobs).
        grant(Role.SPOC, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
        grant(Role.DESIGNATED_DOCTOR, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
        Filter myRoles = ensureFilter(FILTER_MY_ROLES, -10,
                "Open tasks offered to any of your roles, and those assigned to you",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        Filter myTasks = ensureFilter(FILTER_MY_TASKS, -5, "Tasks assigned to you",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        for (Role role : Role.caseworkers()) {
            grant(role, Resources.FILTER, myRoles.getId(), Permissions.READ);
            grant(role, Resources.FILTER, myTasks.getId(), Permissions.READ);
        }
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

    /** One authorization row per group and resource (the engine's unique key), holding all its permissions. */
    private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(role.groupId())
                .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(role.groupId());
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
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

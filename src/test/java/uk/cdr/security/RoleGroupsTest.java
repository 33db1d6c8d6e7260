package uk.cdr.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import uk.cdr.support.IntegrationTest;

class RoleGroupsTest extends IntegrationTest {

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Autowired
    RoleGroups roleGroups;

    @Test
    void everyRoleHasItsGroupAndEachDemoUserIsInIt() {
        for (Role role : Role.values()) {
            assertThat(identityService.createGroupQuery().groupId(role.groupId()).count()).as(role.name()).isEqualTo(1);
        }
        for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
            for (Role role : demo.roles()) {
                assertThat(identityService.createUserQuery().userId(demo.id()).memberOfGroup(role.groupId()).count())
                        .as(demo.id()).isEqualTo(1);
            }
        }
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Role.ADMIN.groupId()).count())
                .isEqualTo(1);
    }

    @Test
    void caseworkersMayUseTasklistAndItsSharedFiltersButNotCockpit() {
        for (Role role : Role.caseworkers()) {
            java.util.List<String> groups = java.util.List.of(role.groupId());
            assertThat(authorizationService.isUserAuthorized("someone", groups, Permissions.ACCESS,
                    Resources.APPLICATION, "tasklist")).as(role.name()).isTrue();
            assertThat(authorizationService.isUserAuthorized("someone", groups, Permissions.ACCESS,
                    Resources.APPLICATION, "cockpit")).as(role.name()).isFalse();
            filterService.createFilterQuery().list().forEach(filter ->
                    assertThat(authorizationService.isUserAuthorized("someone", groups, Permissions.READ,
                            Resources.FILTER, filter.getId())).as(filter.getName()).isTrue());
        }
        assertThat(filterService.createFilterQuery().filterName(RoleGroups.FILTER_MY_ROLES).count()).isEqualTo(1);
    }

    @Test
    void runningAgainChangesNothing() {
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long filters = filterService.createFilterQuery().count();
        roleGroups.run(new DefaultApplicationArguments());
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    }
}

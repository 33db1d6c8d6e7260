package uk.cdr.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user per case-working role, for the one-command start on H2. Never in the postgres
 * profile (cdr.demo-users.enabled is false there). The demo administrator comes from the
 * starter's camunda.bpm.admin-user.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "cdr.demo-users.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    record DemoUser(String id, String firstName, String lastName, List<Role> roles) {

        DemoUser(String id, String firstName, String lastName, Role role) {
            this(id, firstName, lastName, List.of(role));
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("spoc", "Sam", "Patel", Role.SPOC),
            new DemoUser("doctor", "Dana", "Okafor", Role.DESIGNATED_DOCTOR),
            new DemoUser("nurse", "Nia", "Roberts", Role.CDR_NURSE),
            new DemoUser("panel", "Pat", "Hughes", Role.CDOP_PANEL),
            new DemoUser("chair", "Chris", "Morgan", List.of(Role.CDOP_PANEL, Role.CDOP_CHAIR)));

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;
    private final String password;

    DemoUsers(IdentityService identityService, @Value("${cdr.demo-users.password}") String password) {
        this.identityService = identityService;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@cdr.example.org");
                user.setPassword(password);
                identityService.saveUser(user);
                LOG.info("Created demo user {} ({})", demo.id(), demo.roles().get(demo.roles().size() - 1).title());
            }
            for (Role role : demo.roles()) {
                if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(role.groupId()).count() == 0) {
                    identityService.createMembership(demo.id(), role.groupId());
                }
            }
        }
    }
}

package uk.cdr.security;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People as the pages name them: "Dana Okafor (Designated Doctor)", not the login "doctor". The
 * records keep the login (it is what the audit log and the engine know); the name and role are
 * read from the identity service (Admin) when shown, so a corrected name shows everywhere.
 */
@Component
public class People {

    /** What the records say when the app itself, not a person, did something. */
    private static final Set<String> NOT_A_PERSON = Set.of("system", "unknown", "anonymous");

    private final IdentityService identityService;

    People(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** "Dana Okafor (Designated Doctor)"; the login itself for someone no longer known; blank for none. */
    public String nameAndRole(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        if (NOT_A_PERSON.contains(userId)) {
            return "the system";
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
        String role = role(userId);
        if (name.isEmpty()) {
            name = userId;
        }
        return role.isEmpty() ? name : name + " (" + role + ")";
    }

    /**
     * Names for one page: each person is looked up once, however many of its rows name them (a
     * case's timeline names the same few people on most of its rows, two engine queries each).
     */
    public Names onePage() {
        return new Names();
    }

    public final class Names {
        private final Map<String, String> known = new HashMap<>();

        private Names() {
        }

        /** As {@link People#nameAndRole}. */
        public String nameAndRole(String userId) {
            return known.computeIfAbsent(userId == null ? "" : userId, People.this::nameAndRole);
        }
    }

    /** The user's most specific role: a chair is also a panel member, and is called the chair. */
    private String role(String userId) {
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        return Arrays.stream(Role.values()).filter(r -> groups.contains(r.groupId()))
                .max(Comparator.comparingInt(People::specificity)).map(Role::title).orElse("");
    }

    private static int specificity(Role role) {
        return switch (role) {
            case CDOP_CHAIR -> 2;
            case ADMIN -> 0;
            default -> 1;
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

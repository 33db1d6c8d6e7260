package uk.cdr.security;

import java.util.Arrays;
import java.util.Comparator;
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
 * read from the identity service (Admin) when shown, so a corrected name shows everywhere, within
 * half a minute: each node remembers a person's name and role that long (two engine queries each,
 * for every row of a case's timeline that names them).
 */
@Component
public class People {

    /** What the records say when the app itself, not a person, did something. */
    private static final Set<String> NOT_A_PERSON = Set.of("system", "unknown", "anonymous");

    private final IdentityService identityService;

    People(IdentityService identityService) {
        this.identityService = identityService;
    }

    private static final long REMEMBERED_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private record Remembered(String nameAndRole, long until) {
    }

    private final Map<String, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    /** "Dana Okafor (Designated Doctor)"; the login itself for someone no longer known; blank for none. */
    public String nameAndRole(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        if (NOT_A_PERSON.contains(userId)) {
            return "the system";
        }
        long now = System.nanoTime();
        Remembered known = remembered.get(userId);
        if (known == null || known.until() - now < 0) {
            known = new Remembered(lookUp(userId), now + REMEMBERED_NANOS);
            remembered.put(userId, known);
        }
        return known.nameAndRole();
    }

    private String lookUp(String userId) {
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

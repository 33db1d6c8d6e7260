package uk.cdr.mail;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The email addresses of a role group's members, as kept in the engine's identity service (Admin). */
@Component
public class GroupAddresses {

    private final IdentityService identityService;

    public GroupAddresses(IdentityService identityService) {
        this.identityService = identityService;
    }

    public List<String> of(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail)
                .filter(email -> email != null && !email.isBlank())
                .sorted()
                .toList();
    }
}

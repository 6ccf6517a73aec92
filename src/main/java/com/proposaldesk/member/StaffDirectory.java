package com.proposaldesk.member;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The bureau's staff are the engine's users: a liaison person is a user id. */
@Component
public class StaffDirectory {

    private final IdentityService identity;

    public StaffDirectory(IdentityService identity) {
        this.identity = identity;
    }

    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    /** The user's name as Tasklist shows it, or null for an unknown user. */
    public String displayName(String userId) {
        if (userId == null) {
            return null;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return null;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}

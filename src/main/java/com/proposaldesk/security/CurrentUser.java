package com.proposaldesk.security;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user of the current API request, as the REST authentication filter told the engine. */
@Component
public class CurrentUser {

    /** The coordinating office (提案办). */
    public static final String OFFICE_GROUP = "office";

    private final IdentityService identity;

    public CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public String id() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public boolean isMemberOf(String group) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(group);
    }

    /** @throws ForbiddenException with the given Chinese message unless the user works for the office or administers */
    public void requireOffice(String message) {
        requireAnyGroup(List.of(OFFICE_GROUP, Groups.CAMUNDA_ADMIN), message);
    }

    /** @throws ForbiddenException with the given Chinese message unless the user is in one of the groups */
    public void requireAnyGroup(Collection<String> groups, String message) {
        if (groups.stream().noneMatch(this::isMemberOf)) {
            throw new ForbiddenException(message);
        }
    }
}

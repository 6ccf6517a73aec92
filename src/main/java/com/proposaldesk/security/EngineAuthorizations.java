package com.proposaldesk.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Grants and revokes the engine's authorizations. Every grant adds to what is there, so running it again
 * (at every start-up, after a re-assignment) changes nothing that is already granted.
 */
@Component
public class EngineAuthorizations {

    /** The resource id that stands for every resource of a type. */
    public static final String ANY = Authorization.ANY;

    private final AuthorizationService authorizations;
    private final IdentityService identity;

    public EngineAuthorizations(AuthorizationService authorizations, IdentityService identity) {
        this.authorizations = authorizations;
        this.identity = identity;
    }

    /** Lets the members of the group do these things to the resource. */
    public void grantGroup(String group, Resource resource, String resourceId, Permission... permissions) {
        grantGroup(group, resource, resourceId, authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult(), permissions);
    }

    /**
     * {@link #grantGroup(String, Resource, String, Permission...)} with the group's grant on the resource already looked
     * up ({@link #groupGrants}), null when it has none.
     */
    public void grantGroup(String group, Resource resource, String resourceId, Authorization existing,
            Permission... permissions) {
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        save(authorization, existing, permissions);
    }

    /** Lets every logged-in user do these things to the resource. */
    public void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            authorization.setUserId(Authorization.ANY);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        save(authorization, existing, permissions);
    }

    /** Takes away what every logged-in user was allowed to do to the resource. */
    public void revokeEveryone(Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    /** The grants on the resource, by the group that holds each. */
    public Map<String, Authorization> groupGrants(Resource resource, String resourceId) {
        Map<String, Authorization> grants = new HashMap<>();
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                .resourceId(resourceId).list().stream().filter(grant -> grant.getGroupId() != null)
                .forEach(grant -> grants.put(grant.getGroupId(), grant));
        return grants;
    }

    /** The resources of a type that some group holds a grant on (one query, for checks over many resources). */
    public Set<String> resourcesGranted(Resource resource) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource).list().stream().map(Authorization::getResourceId).collect(Collectors.toSet());
    }

    /** Takes every grant on the resource away from the group. */
    public void revokeGroup(String group, Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    /**
     * Takes from the group every grant on a single resource of the type (keeps those on every resource, {@link #ANY}).
     *
     * @return how many grants were taken away
     */
    public int revokeSingleGrants(String group, Resource resource) {
        int revoked = 0;
        List<Authorization> page;
        do {
            page = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                    .resourceType(resource).listPage(0, 500).stream()
                    .filter(authorization -> !ANY.equals(authorization.getResourceId())).toList();
            page.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
            revoked += page.size();
        } while (!page.isEmpty());
        return revoked;
    }

    /**
     * Takes every grant on the resource (of any type with this id, e.g. a task and its history) away from the groups
     * and from each user who is a member of one of them: the engine grants a task to its candidate groups and to whoever
     * claims it, and keeps those grants when the task changes hands.
     */
    public void revokeFromGroupsAndMembers(String resourceId, Collection<String> groups) {
        for (Authorization authorization : authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceId(resourceId).list()) {
            String user = authorization.getUserId();
            boolean groupGrant = authorization.getGroupId() != null && groups.contains(authorization.getGroupId());
            boolean memberGrant = user != null && !Authorization.ANY.equals(user) && isMemberOfAny(user, groups);
            if (groupGrant || memberGrant) {
                authorizations.deleteAuthorization(authorization.getId());
            }
        }
    }

    /** Whether the user belongs to one of the groups. */
    public boolean isMemberOfAny(String userId, Collection<String> groups) {
        return groups.stream().anyMatch(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
    }

    private void save(Authorization authorization, Authorization existing, Permission[] permissions) {
        boolean missing = existing == null
                || Arrays.stream(permissions).anyMatch(permission -> !existing.isPermissionGranted(permission));
        if (missing) {
            Arrays.stream(permissions).forEach(authorization::addPermission);
            authorizations.saveAuthorization(authorization);
        }
    }
}

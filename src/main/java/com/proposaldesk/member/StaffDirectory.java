package com.proposaldesk.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import com.proposaldesk.department.Department;

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

    /** Every user, by id, with the departments (of those given) whose handler or head group they are in. */
    public List<LiaisonChoices.StaffChoice> staff(List<Department> departments) {
        Map<String, List<String>> worksIn = new LinkedHashMap<>();
        for (Department department : departments) {
            for (String group : List.of(department.handlerGroup(), department.headGroup())) {
                for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
                    List<String> codes = worksIn.computeIfAbsent(user.getId(), id -> new ArrayList<>());
                    if (!codes.contains(department.code())) {
                        codes.add(department.code());
                    }
                }
            }
        }
        return identity.createUserQuery().orderByUserId().asc().list().stream()
                .map(user -> new LiaisonChoices.StaffChoice(user.getId(), name(user), worksIn.getOrDefault(user.getId(), List.of())))
                .toList();
    }

    /** The user's name as Tasklist shows it, or null for an unknown user. */
    public String displayName(String userId) {
        if (userId == null) {
            return null;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? null : name(user);
    }

    /** The user's name as Tasklist shows it, or the user id for a user the directory does not know. */
    public String nameOrId(String userId) {
        String name = displayName(userId);
        return name == null ? userId : name;
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}

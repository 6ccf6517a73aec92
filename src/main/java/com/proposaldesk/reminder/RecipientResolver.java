package com.proposaldesk.reminder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Turns Camunda user and group ids into e-mail addresses through the engine's identity service. */
@Component
public class RecipientResolver {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientResolver.class);

    private final IdentityService identity;

    public RecipientResolver(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Each user once, in the order given; a group stands for its members. Users without an e-mail address are
     * skipped with a warning; two users sharing an address get one mail.
     */
    public List<Recipient> resolve(List<String> userOrGroupIds) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (String id : userOrGroupIds) {
            List<User> users = new ArrayList<>();
            User user = identity.createUserQuery().userId(id).singleResult();
            if (user != null) {
                users.add(user);
            }
            List<User> members = identity.createUserQuery().memberOfGroup(id).orderByUserId().asc().list();
            users.addAll(members);
            // without members, the id may still name an empty group: only then is it worth a warning
            if (user == null && members.isEmpty() && identity.createGroupQuery().groupId(id).count() == 0) {
                LOG.warn("Mail recipient '{}' is neither a user nor a group; skipped", id);
            }
            for (User member : users) {
                add(member, byAddress);
            }
        }
        return List.copyOf(byAddress.values());
    }

    private static void add(User user, Map<String, Recipient> byAddress) {
        String email = user.getEmail();
        if (email == null || email.isBlank()) {
            LOG.warn("User '{}' has no e-mail address; no mail sent to them", user.getId());
            return;
        }
        String name = user.getFirstName() == null || user.getFirstName().isBlank() ? user.getId() : user.getFirstName();
        String address = email.trim().toLowerCase(Locale.ROOT);
        byAddress.putIfAbsent(address, new Recipient(user.getId(), name, address));
    }
}

package com.proposaldesk.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A Camunda user for calls to {@code /api/**}, which answers only with HTTP Basic. */
public final class ApiUsers {

    private static final String PASSWORD = "test-secret";
    /** The users of these tests work for the coordinating office, which may see and do everything in our API. */
    private static final String OFFICE = "office";

    private ApiUsers() {
    }

    public static TestRestTemplate signedIn(TestRestTemplate rest, ProcessEngine engine, String userId) {
        // The REST authentication looks its engine up by name in a JVM-wide registry, where the test
        // context started last wins; make it this context's engine again.
        ProcessEngines.registerProcessEngine(engine);
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("测试");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            if (identity.createGroupQuery().groupId(OFFICE).count() == 0) {
                identity.saveGroup(identity.newGroup(OFFICE));
            }
            identity.createMembership(userId, OFFICE);
        }
        return rest.withBasicAuth(userId, PASSWORD);
    }
}

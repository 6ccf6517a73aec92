package com.proposaldesk.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser tests (*BrowserIT, failsafe): the whole application on PostgreSQL at a random port, shared by
 * all of them (same configuration, so Spring starts it once), and headless Chromium for each person. Without
 * Chromium the tests are skipped with the reason; with {@code -De2e.required=true} (CI) they fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort
    protected int port;

    private final List<HeadlessChromium> browsers = new ArrayList<>();

    /** A system administrator (camunda-admin): without one the webapps show only their initial setup page. */
    protected static final String ADMIN = "e2e-admin";
    protected static final String ADMIN_PASSWORD = "Proposal-Desk-Admin-1";

    @Autowired
    protected ProcessEngine engine;

    @BeforeEach
    void requireChromiumAndThisEngine() {
        HeadlessChromium.requireInstalled();
        // the REST API and the webapps find their engine in a JVM-wide registry, where the context started last wins
        ProcessEngines.registerProcessEngine(engine);
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
            admins.setName("系统管理员");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(admins);
        }
        if (identity.createUserQuery().userId(ADMIN).count() == 0) {
            User admin = identity.newUser(ADMIN);
            admin.setFirstName("系统管理员");
            admin.setLastName("");
            admin.setPassword(ADMIN_PASSWORD);
            identity.saveUser(admin);
            identity.createMembership(ADMIN, Groups.CAMUNDA_ADMIN);
        }
    }

    /** An office clerk (王晓明, group {@code office}) who logs in with this password, made on first use. */
    protected void officeClerk(String userId, String password) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User clerk = identity.newUser(userId);
        clerk.setFirstName("王晓明");
        clerk.setLastName("提案办");
        clerk.setPassword(password);
        identity.saveUser(clerk);
        if (identity.createGroupQuery().groupId("office").count() == 0) {
            identity.saveGroup(identity.newGroup("office"));
        }
        identity.createMembership(userId, "office");
    }

    /** A fresh browser (no cookies, no storage) whose first language is {@code language}, closed after the test. */
    protected HeadlessChromium browser(String language) {
        HeadlessChromium browser = HeadlessChromium.start("http://localhost:" + port, language);
        browsers.add(browser);
        return browser;
    }

    /** Keeps what every browser showed when a test failed, as target/e2e/failed-<test>-<n>.png. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotsOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < browsers.size(); i++) {
                browsers.get(i).screenshot("failed-" + context.getRequiredTestMethod().getName() + "-" + (i + 1));
            }
        }
    };

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(HeadlessChromium::close);
        browsers.clear();
    }
}

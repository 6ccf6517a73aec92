package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.support.HttpBasic;
import com.proposaldesk.support.ProposalDeskSpringTest;

/**
 * Bad input to the engine's REST API, resource by resource: unknown ids, malformed JSON, wrongly typed variables,
 * missing required fields, a message nobody waits for. Never a 500; the message is Chinese and names no class, the type
 * no class either (but for a 403, whose type the webapps read to show their access-denied page). As an administrator,
 * who may see everything (a 404 then means unknown), and as a clerk of the office.
 */
@ProposalDeskSpringTest
class EngineRestErrorsTest {

    private static final String PASSWORD = "Cuo-Wu-Ce-Shi-1";
    private static final String ADMIN = "errors-admin";
    private static final String CLERK = "errors-office";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void people() {
        ProcessEngines.registerProcessEngine(engine);
        user(ADMIN, Groups.CAMUNDA_ADMIN);
        user(CLERK, "office");
    }

    static Stream<Arguments> badRequests() {
        List<Arguments> probes = new ArrayList<>();
        for (String user : List.of(ADMIN, CLERK)) {
            for (String[] probe : PROBES) {
                probes.add(Arguments.of(user, probe[0], probe[1], probe.length > 2 ? probe[2] : null));
            }
        }
        return probes.stream();
    }

    private static final String[][] PROBES = {
        {"GET", "/process-instance/no-such-instance"},
        {"DELETE", "/process-instance/no-such-instance"},
        {"GET", "/process-instance/no-such-instance/variables"},
        {"PUT", "/process-instance/no-such-instance/variables/amount", "{\"value\": \"many\", \"type\": \"Integer\"}"},
        {"POST", "/process-instance/no-such-instance/variables", "{\"modifications\": {\"a\": {\"value\": \"x\", \"type\": \"Long\"}}}"},
        {"POST", "/process-instance/delete", "{}"},
        {"POST", "/process-instance", "{\"processInstanceIds\": \"not-a-list\"}"},
        {"GET", "/history/process-instance/no-such-instance"},
        {"DELETE", "/history/process-instance/no-such-instance"},
        {"GET", "/task/no-such-task"},
        {"GET", "/task/no-such-task/form-variables"},
        {"POST", "/task/no-such-task/comment/create", "{\"message\": \"备注\"}"},
        {"POST", "/task/no-such-task/claim", "{\"userId\": \"" + CLERK + "\"}"},
        {"POST", "/task/no-such-task/complete", "{}"},
        {"POST", "/task/no-such-task/submit-form", "{\"variables\": {}}"},
        {"POST", "/task/create", "{\"id\": \"t1\", \"due\": \"not-a-date\"}"},
        {"GET", "/task?due=not-a-date"},
        {"GET", "/task?maxResults=many"},
        {"GET", "/task?sortBy=nothing&sortOrder=asc"},
        {"GET", "/job/no-such-job"},
        {"POST", "/job/no-such-job/execute"},
        {"PUT", "/job/no-such-job/retries", "{\"retries\": 1}"},
        {"PUT", "/job/no-such-job/duedate", "{\"duedate\": \"not-a-date\"}"},
        {"POST", "/job/retries", "{\"retries\": 1}"},
        {"POST", "/job/retries", "{\"retries\": 1, \"jobIds\": []}"},
        {"POST", "/job/retries", "{}"},
        {"GET", "/execution/no-such-execution"},
        {"POST", "/execution/no-such-execution/signal", "{}"},
        {"GET", "/process-definition/no-such-definition"},
        {"GET", "/process-definition/no-such-definition/xml"},
        {"GET", "/process-definition/key/no-such-key"},
        {"POST", "/process-definition/key/no-such-key/start", "{}"},
        {"POST", "/process-definition/key/no-such-key/start", "{\"variables\": {\"a\": {\"value\": \"x\", \"type\": \"Integer\"}}}"},
        {"GET", "/deployment/no-such-deployment"},
        {"DELETE", "/deployment/no-such-deployment"},
        {"GET", "/decision-definition/no-such-decision"},
        {"GET", "/decision-definition/key/no-such-key"},
        {"POST", "/decision-definition/key/no-such-key/evaluate", "{}"},
        {"POST", "/message", "{\"messageName\": \"nobody-waits-for-this\"}"},
        {"POST", "/message", "{}"},
        {"POST", "/signal", "{}"},
        {"POST", "/external-task/fetchAndLock", "{}"},
        {"POST", "/modification/execute", "{}"},
        {"GET", "/incident/no-such-incident"},
        {"GET", "/variable-instance/no-such-variable"},
        {"GET", "/filter/no-such-filter"},
        {"GET", "/user/no-such-user/profile"},
        {"GET", "/group/no-such-group"},
        {"POST", "/task", "{\"assignee\": "},
        {"POST", "/process-instance/count", "[1, 2"},
        {"GET", "/no-such-resource"},
        {"POST", "/job/no-such-job/duedate", "{}"},
    };

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("badRequests")
    void badInputGetsAChineseRefusalWithoutClassNames(String user, String method, String path, String body) throws Exception {
        HttpResponse<String> answer = new HttpBasic("http://localhost:" + port, user, PASSWORD).call(method, "/engine-rest" + path, body);

        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        JsonNode error = json.readTree(answer.body());
        String message = error.path("message").asText();
        String type = error.path("type").asText();
        assertThat(message).as(answer.body()).containsPattern("\\p{IsHan}")
                .doesNotContain("Exception", "org.camunda", "java.", "ENGINE-", "HTTP ");
        assertThat(answer.body()).doesNotContain("\tat ", "org.camunda", "Exception:");
        if (answer.statusCode() == 403) {
            assertThat(type).isEqualTo("AuthorizationException");
        } else {
            assertThat(type).as(answer.body()).matches("[A-Za-z]+").doesNotEndWith("Exception").doesNotEndWith("Error");
        }
    }

    private void user(String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("测试");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }
}

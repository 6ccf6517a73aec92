package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The office gets no per-task grants ({@link TaskGrants}) and loses those an older version made ({@link AccessPolicy} at
 * start-up): for every demo user, each Tasklist filter and the engine's REST task, process-instance and history queries
 * must show exactly what they show with the engine's plain per-task grants: every per-task grant the engine's default
 * provider makes to a candidate group that is missing is put back for the comparison (as an upgraded database still
 * has them for the office).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TaskGrantsEquivalenceTest {

    private static final String PASSWORD = "demo";
    private static final List<String> QUERIES = List.of("/engine-rest/task", "/engine-rest/process-instance",
            "/engine-rest/history/process-instance", "/engine-rest/history/task");

    @Autowired
    TestRestTemplate http;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    AccessPolicy policy;

    @Test
    void theOfficeSeesTheSameWithoutItsPerTaskGrantsAndAnUpgradeRemovesThem() {
        assertThat(singleGrants(Resources.TASK)).as("per-task grants to the office made by the engine").isZero();
        assertThat(singleGrants(Resources.HISTORIC_TASK)).isZero();
        Map<String, Map<String, Set<String>>> withoutThem = everythingEachUserSees();
        assertThat(withoutThem.get("office").get("/engine-rest/task")).as("the office's open tasks").isNotEmpty();

        int restored = grantAsThePlainEngineDoes();
        assertThat(restored).as("tasks ever offered to the office in the demo, granted again").isPositive();
        assertThat(singleGrants(Resources.HISTORIC_TASK)).isEqualTo(restored);
        Map<String, Map<String, Set<String>>> plain = everythingEachUserSees();
        assertThat(withoutThem).isEqualTo(plain);

        // the start-up after an upgrade: the old grants go, twice is once, and everyone still sees the same
        policy.grant();
        policy.grant();
        assertThat(singleGrants(Resources.TASK)).isZero();
        assertThat(singleGrants(Resources.HISTORIC_TASK)).isZero();
        assertThat(everythingEachUserSees()).isEqualTo(plain);
    }

    /**
     * The grants the engine's default provider makes to a candidate group, the task (read, work) and its history, for
     * every task ever offered to a group and every group that lacks them.
     *
     * @return how many tasks the office got back
     */
    private int grantAsThePlainEngineDoes() {
        Set<String> offered = new TreeSet<>();
        for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().type(IdentityLinkType.CANDIDATE).list()) {
            if (link.getGroupId() != null) {
                offered.add(link.getGroupId() + " " + link.getTaskId());
            }
        }
        int office = 0;
        for (String groupAndTask : offered) {
            String group = groupAndTask.substring(0, groupAndTask.indexOf(' '));
            String taskId = groupAndTask.substring(groupAndTask.indexOf(' ') + 1);
            boolean added = false;
            if (tasks.createTaskQuery().taskId(taskId).count() > 0 && !granted(group, Resources.TASK, taskId)) {
                grant(group, Resources.TASK, taskId, TaskPermissions.READ, TaskPermissions.TASK_WORK);
                added = true;
            }
            if (!granted(group, Resources.HISTORIC_TASK, taskId)) {
                grant(group, Resources.HISTORIC_TASK, taskId, HistoricTaskPermissions.READ);
                added = true;
            }
            if (added && CurrentUser.OFFICE_GROUP.equals(group)) {
                office++;
            }
        }
        return office;
    }

    private boolean granted(String group, Resource resource, String id) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(id).count() > 0;
    }

    private void grant(String group, Resource resource, String id, org.camunda.bpm.engine.authorization.Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(id);
        for (org.camunda.bpm.engine.authorization.Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private long singleGrants(Resource resource) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(CurrentUser.OFFICE_GROUP).resourceType(resource).list().stream()
                .filter(authorization -> !Authorization.ANY.equals(authorization.getResourceId())).count();
    }

    /** user → filter or query → the ids it lists (a filter's count too, as "count:<n>"). */
    private Map<String, Map<String, Set<String>>> everythingEachUserSees() {
        Map<String, Map<String, Set<String>>> seen = new TreeMap<>();
        List<Filter> shared = filters.createTaskFilterQuery().list();
        for (User user : identity.createUserQuery().list()) {
            if (!identity.checkPassword(user.getId(), PASSWORD)) {
                continue;
            }
            Map<String, Set<String>> views = new LinkedHashMap<>();
            for (Filter filter : shared) {
                ResponseEntity<JsonNode> listed = post(user.getId(), "/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=2000");
                if (listed.getStatusCode() == HttpStatus.OK) {
                    Set<String> ids = ids(listed.getBody());
                    ids.add("count:" + post(user.getId(), "/engine-rest/filter/" + filter.getId() + "/count").getBody().path("count").asLong());
                    views.put(filter.getName(), ids);
                } else {
                    views.put(filter.getName(), Set.of("status:" + listed.getStatusCode().value()));
                }
            }
            for (String query : QUERIES) {
                ResponseEntity<JsonNode> listed = http.withBasicAuth(user.getId(), PASSWORD)
                        .getForEntity(query + "?firstResult=0&maxResults=2000", JsonNode.class);
                assertThat(listed.getStatusCode()).as("%s as %s", query, user.getId()).isEqualTo(HttpStatus.OK);
                views.put(query, ids(listed.getBody()));
            }
            seen.put(user.getId(), views);
        }
        assertThat(seen.keySet()).contains("office", "food", "food-head", "leader", "principal", "admin");
        return seen;
    }

    private ResponseEntity<JsonNode> post(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), JsonNode.class);
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new TreeSet<>();
        list.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}

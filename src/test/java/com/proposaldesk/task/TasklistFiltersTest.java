package com.proposaldesk.task;

import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_FIRST;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * The Tasklist filters 即将到期 (my groups' tasks due within 7 days, not yet overdue) and 已超期 (every overdue task, for
 * supervision), as a user sees them on Friday 2025-06-20 at 10:00 Beijing time.
 */
@ProposalDeskSpringTest
class TasklistFiltersTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String FOOD_USER = "filter-food";
    private static final String OFFICE_USER = "filter-office";

    @Autowired
    ProcessEngine engine;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    TestRestTemplate rest;

    private ProposalSteps steps;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void dueSoonListsMyGroupsTasksDueWithinSevenDaysAndOverdueListsEveryTaskPastItsDueDate() {
        // 食品安全处: first contact overdue since 05-27, due 06-26 (claimed by its handler), due 07-10
        Task foodOverdue = contactTask(assigned("2025-05-06", "food"));
        Task foodDueSoon = contactTask(assigned("2025-06-05", "food"));
        Task foodDueLater = contactTask(assigned("2025-06-19", "food"));
        // 知识产权处: due 06-26
        Task ipDueSoon = contactTask(assigned("2025-06-05", "ip"));
        // 提案办: 签收 due 06-13 (overdue), today 06-20 at 18:00, 06-24
        Task officeOverdue = signForTask(registered("2025-06-10"));
        Task officeDueToday = signForTask(registered("2025-06-17"));
        Task officeDueSoon = signForTask(registered("2025-06-19"));
        clock("2025-06-20T10:00");
        tasks.claim(foodDueSoon.getId(), FOOD_USER);

        assertThat(foodDueSoon.getDueDate()).isEqualTo(at("2025-06-26T18:00"));
        assertThat(officeDueToday.getDueDate()).isEqualTo(at("2025-06-20T18:00"));

        List<String> foodDueSoonList = list(TasklistFilters.DUE_SOON, FOOD_USER, "dept-food");
        assertThat(foodDueSoonList).contains(foodDueSoon.getId())
                .doesNotContain(foodOverdue.getId(), foodDueLater.getId(), ipDueSoon.getId(), officeDueSoon.getId(),
                        officeDueToday.getId());

        List<String> officeDueSoonList = list(TasklistFilters.DUE_SOON, OFFICE_USER, "office");
        assertThat(officeDueSoonList).contains(officeDueToday.getId(), officeDueSoon.getId())
                .doesNotContain(officeOverdue.getId(), foodDueSoon.getId(), ipDueSoon.getId());
        assertThat(list(TasklistFilters.DUE_SOON, "filter-ip", "dept-ip")).contains(ipDueSoon.getId())
                .doesNotContain(foodDueSoon.getId());

        // the office supervises every overdue task; a department sees only its own
        assertThat(list(TasklistFilters.OVERDUE, OFFICE_USER, "office")).contains(foodOverdue.getId(), officeOverdue.getId())
                .doesNotContain(foodDueSoon.getId(), foodDueLater.getId(), ipDueSoon.getId(), officeDueToday.getId(),
                        officeDueSoon.getId());
        assertThat(list(TasklistFilters.OVERDUE, FOOD_USER, "dept-food")).contains(foodOverdue.getId())
                .doesNotContain(officeOverdue.getId(), foodDueSoon.getId(), foodDueLater.getId(), ipDueSoon.getId());

        // at 18:00 the task due today turns overdue
        clock("2025-06-20T18:30");
        assertThat(list(TasklistFilters.OVERDUE, OFFICE_USER, "office")).contains(officeDueToday.getId());
        assertThat(list(TasklistFilters.DUE_SOON, OFFICE_USER, "office")).doesNotContain(officeDueToday.getId())
                .contains(officeDueSoon.getId());
    }

    /** Tasklist sends the order its label shows; the filter must not put its own order first. */
    @Test
    void theListIsInTheOrderTasklistAsksForAndFindsAProposalByNumberOrTitle() {
        Task later = signForTask(registered("2025-06-19"));
        Task sooner = signForTask(registered("2025-06-17"));
        clock("2025-06-20T10:00");
        ApiClient office = ApiClient.as(rest, identity, OFFICE_USER, "Filter-Pw-2026", "office");
        String dueSoon = filters.createFilterQuery().filterName(TasklistFilters.DUE_SOON).singleResult().getId();

        assertThat(ids(office.post("/engine-rest/filter/" + dueSoon + "/list",
                Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")))).getBody()))
                .as("创建时间, newest first").containsSubsequence(later.getId(), sooner.getId());
        assertThat(ids(office.post("/engine-rest/filter/" + dueSoon + "/list",
                Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))).getBody()))
                .as("到期时间, earliest first").containsSubsequence(sooner.getId(), later.getId());

        String number = (String) tasks.getVariable(sooner.getId(), ProcessVariables.PROPOSAL_NUMBER);
        String title = (String) tasks.getVariable(sooner.getId(), ProcessVariables.PROPOSAL_TITLE);
        for (Map<String, Object> search : List.<Map<String, Object>>of(
                Map.of("name", ProcessVariables.PROPOSAL_NUMBER, "operator", "like", "value", "%" + number.substring(3) + "%"),
                Map.of("name", ProcessVariables.PROPOSAL_TITLE, "operator", "like", "value", "%" + title + "%"))) {
            assertThat(ids(office.post("/engine-rest/filter/" + dueSoon + "/list", Map.of("processVariables", List.of(search),
                    "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")))).getBody()))
                    .as("Tasklist's search %s", search).contains(sooner.getId()).doesNotContain(later.getId());
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private List<String> list(String filterName, String userId, String group) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        identity.setAuthentication(userId, List.of(group));
        try {
            return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private ProcessInstance registered(String assignedOn) {
        clock(assignedOn + "T10:00");
        String number = TestProposals.newNumber("FILTER");
        RegistrationRequest request = TestProposals.request(number, ProposalRole.SOLE);
        return steps.register(new RegistrationRequest(request.number(), request.source(), request.session(), request.title(),
                request.leadMember(), request.coSigners(), request.suggestions(), request.role(), request.key(), assignedOn,
                request.externalLeadUnit(), request.externalCoUnits()));
    }

    private ProcessInstance assigned(String assignedOn, String department) {
        ProcessInstance pi = registered(assignedOn);
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", assignedOn, "objectionRequested", false));
        steps.assign(pi, department, List.of());
        return pi;
    }

    private Task contactTask(ProcessInstance pi) {
        return steps.task(pi, TASK_COMMUNICATE_FIRST);
    }

    private Task signForTask(ProcessInstance pi) {
        return steps.task(pi, TASK_SIGN_FOR);
    }

    private static Date at(String beijingTime) {
        return Date.from(LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant());
    }

    private static void clock(String beijingTime) {
        ClockUtil.setCurrentTime(at(beijingTime));
    }
}

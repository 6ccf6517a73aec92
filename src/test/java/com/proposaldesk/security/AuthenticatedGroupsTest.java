package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * The engine no longer narrows a user's groups to those holding grants ({@link AuthenticatedGroups}): no scan of the
 * grants table per command, and the same tasks visible, also for a user in a group without any grant.
 */
@ProposalDeskSpringTest
class AuthenticatedGroupsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    ProposalRegistrationService registration;

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
    }

    @Test
    void theEngineTakesTheAuthenticatedGroupsAsTheyAreWithoutReadingTheGrantsTable() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> groups = List.of("dept-food", "group-without-any-grant");

        List<String> checked = configuration.getCommandExecutorTxRequired().execute((Command<List<String>>) context ->
                context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));

        // the engine's own manager reads the distinct group ids of every grant and drops the group without any
        assertThat(checked).containsExactlyElementsOf(groups);
    }

    @Test
    void aGroupWithoutGrantsBesideTheDepartmentChangesNothingTheUserSees() {
        String number = TestProposals.newNumber("AUTHGRP");
        ProposalSteps steps = new ProposalSteps(engine, registration);
        ProcessInstance pi = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(pi);
        steps.assign(pi, "food", List.of());

        identity.setAuthentication("authgroups-handler", List.of("dept-food"));
        List<String> departmentOnly = ids(tasks.createTaskQuery().processInstanceId(pi.getId()).list());
        identity.setAuthentication("authgroups-handler", List.of("dept-food", "group-without-any-grant"));
        List<String> withAnotherGroup = ids(tasks.createTaskQuery().processInstanceId(pi.getId()).list());
        identity.setAuthentication("authgroups-other", List.of("dept-ip", "group-without-any-grant"));
        List<String> anotherDepartment = ids(tasks.createTaskQuery().processInstanceId(pi.getId()).list());

        assertThat(departmentOnly).isNotEmpty();
        assertThat(withAnotherGroup).isEqualTo(departmentOnly);
        assertThat(anotherDepartment).isEmpty();
    }

    private static List<String> ids(List<Task> found) {
        return found.stream().map(Task::getId).sorted().toList();
    }
}

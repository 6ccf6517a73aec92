package com.proposaldesk.proposal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.process.ProcessVariables;


/** The engine seen from the proposal side: starting a proposal's process and reading where it stands. */
@Component
public class ProposalProcesses {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;

    public ProposalProcesses(RuntimeService runtime, TaskService tasks, HistoryService history) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
    }

    public static String processKeyFor(ProposalRole role) {
        return role == ProposalRole.CO_HANDLING ? ProcessElements.CO_HANDLING_PROCESS : ProcessElements.HANDLING_PROCESS;
    }

    /** The routing variables a proposal's process starts with. */
    public static Map<String, Object> startVariables(Proposal proposal) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.PROPOSAL_NUMBER, proposal.number());
        variables.put(ProcessVariables.PROPOSAL_TITLE, proposal.title());
        variables.put(ProcessVariables.ROLE, proposal.role().name());
        variables.put(ProcessVariables.KEY_PROPOSAL, proposal.keyProposal());
        variables.put(ProcessVariables.EXTERNAL_CO_UNITS,
                new ArrayList<>(proposal.role() == ProposalRole.LEAD ? proposal.externalCoUnits() : List.of()));
        variables.put(ProcessVariables.HANDLING_ROUND, 1);
        return variables;
    }

    public String start(Proposal proposal) {
        return start(proposal, startVariables(proposal));
    }

    /** Starts the co-handling process of a proposal the bureau signed for before the committee made it a co-handler. */
    public String startTransferred(Proposal proposal) {
        Map<String, Object> variables = startVariables(proposal);
        variables.put(ProcessVariables.OBJECTION_OUTCOME, ObjectionOutcome.TRANSFERRED_TO_CO_HANDLING.name());
        return start(proposal, variables);
    }

    private String start(Proposal proposal, Map<String, Object> variables) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(processKeyFor(proposal.role()), proposal.number(),
                variables);
        return instance.getId();
    }

    /** Names of the activities the proposal's process is waiting in; empty once it has ended. */
    public List<Stage> stages(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        ActivityInstance root = runtime.getActivityInstance(processInstanceId);
        if (root == null) {
            return List.of();
        }
        List<Stage> stages = new ArrayList<>();
        collectLeaves(root, stages);
        return stages.stream().distinct().toList();
    }

    private static void collectLeaves(ActivityInstance instance, List<Stage> stages) {
        if (instance.getChildActivityInstances().length == 0) {
            stages.add(new Stage(instance.getActivityId(), instance.getActivityName()));
            return;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectLeaves(child, stages);
        }
    }

    public boolean hasEnded(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0
                && history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 1;
    }

    public List<OpenTask> openTasks(String proposalNumber) {
        List<OpenTask> open = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(proposalNumber).initializeFormKeys()
                .orderByTaskCreateTime().asc().list()) {
            List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList();
            open.add(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), groups,
                    task.getCreateTime(), task.getDueDate()));
        }
        return open;
    }

    public record Stage(String activityId, String name) {
    }

    public record OpenTask(String id, String taskKey, String name, String assignee, List<String> candidateGroups,
            java.util.Date created, java.util.Date due) {
    }
}

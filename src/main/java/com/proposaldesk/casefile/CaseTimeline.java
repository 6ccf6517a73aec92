package com.proposaldesk.casefile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;

/**
 * The steps of a proposal from the engine's history: every process instance under the proposal's number (its
 * handling, a transfer to co-handling, extension requests, disputes), finished or not, and each user task in them.
 */
@Component
class CaseTimeline {

    static final String REGISTRATION = "登记";
    private static final String COMPLETED = "completed";

    private final HistoryService history;
    private final EngineClock clock;
    private final BureauTime time;

    CaseTimeline(HistoryService history, EngineClock clock, BureauTime time) {
        this.history = history;
        this.clock = clock;
        this.time = time;
    }

    /** The process instances of the proposal, oldest first. */
    List<HistoricProcessInstance> instances(String number) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .orderByProcessInstanceStartTime().asc().list();
    }

    List<TimelineStep> steps(String number, List<HistoricProcessInstance> instances) {
        List<TimelineStep> steps = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> completedBy = new HashMap<>();
        for (HistoricProcessInstance instance : instances) {
            names.put(instance.getId(), instance.getProcessDefinitionName());
            history.createUserOperationLogQuery().processInstanceId(instance.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                    .forEach(entry -> completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId()));
        }
        instances.stream().filter(CaseTimeline::isProposalProcess).findFirst().ifPresent(first -> steps.add(
                new TimelineStep(REGISTRATION, null, first.getProcessDefinitionName(), first.getId(), first.getStartUserId(),
                        time.of(first.getStartTime()), null, time.of(first.getStartTime()), false, false, false)));
        if (instances.isEmpty()) {
            return steps;
        }
        Date now = clock.now();
        List<HistoricTaskInstance> tasks = new ArrayList<>(history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(number).list());
        tasks.sort(Comparator.comparing(HistoricTaskInstance::getStartTime).thenComparing(HistoricTaskInstance::getId,
                Comparator.comparing(CaseTimeline::numericFirst)));
        for (HistoricTaskInstance task : tasks) {
            boolean open = task.getEndTime() == null;
            boolean cancelled = !open && !COMPLETED.equals(task.getDeleteReason());
            Date due = task.getDueDate();
            boolean late = due != null && !cancelled && (open ? now.after(due) : task.getEndTime().after(due));
            String user = completedBy.getOrDefault(task.getId(), task.getAssignee());
            steps.add(new TimelineStep(task.getName(), task.getTaskDefinitionKey(), names.get(task.getProcessInstanceId()),
                    task.getProcessInstanceId(), user, time.of(task.getStartTime()), time.of(due), time.of(task.getEndTime()),
                    late, open, cancelled));
        }
        return steps;
    }

    private static boolean isProposalProcess(HistoricProcessInstance instance) {
        return ProcessElements.HANDLING_PROCESS.equals(instance.getProcessDefinitionKey())
                || ProcessElements.CO_HANDLING_PROCESS.equals(instance.getProcessDefinitionKey());
    }

    /** Task ids are numbers from the engine's id generator (or UUIDs): order them as numbers where they are. */
    private static String numericFirst(String id) {
        return id.chars().allMatch(Character::isDigit) ? String.format("%020d", Long.parseLong(id)) : id;
    }
}

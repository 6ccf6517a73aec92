package com.proposaldesk.task;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.security.EngineAuthorizations;

/**
 * The shared Tasklist filters, created at start-up when missing (found by name, so restarts add nothing). Their
 * queries have no order of their own: Tasklist sends the order it shows (创建时间 unless the user picks another),
 * and a filter's order would come first and make that label untrue.
 */
@Component
public class TasklistFilters {

    public static final String MY_TASKS = "我的待办";
    public static final String DEPARTMENT_TASKS = "本处室待办";
    public static final String KEY_PROPOSALS = "重点提案";
    public static final String DUE_SOON = "即将到期";
    public static final String OVERDUE = "已超期";

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", ProcessVariables.PROPOSAL_NUMBER, "label", "提案编号"),
            Map.of("name", ProcessVariables.PROPOSAL_TITLE, "label", "提案标题"));

    private final FilterService filters;
    private final TaskService tasks;
    private final EngineAuthorizations grants;

    public TasklistFilters(FilterService filters, TaskService tasks, EngineAuthorizations grants) {
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void createMissing() {
        create(MY_TASKS, "分配给我本人的任务", 10, "#2f6fb5",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create(DEPARTMENT_TASKS, "本人所在处室（用户组）的全部待办，含已被同事认领的", 20, "#3c8d5a",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        create(KEY_PROPOSALS, "重点提案的全部待办", 30, "#c0392b",
                tasks.createTaskQuery().processVariableValueEquals(ProcessVariables.KEY_PROPOSAL, true));
        create(DUE_SOON, "本人所在处室 7 天内（约 5 个工作日）到期、尚未超期的待办", 40, "#d68910",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
        create(OVERDUE, "已超过办理时限的待办（提案办可见全部，用于督办）", 50, "#922b21",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    }

    /** Shared: every user may read it; what it lists is still only what the user may see. */
    private void create(String name, String description, int priority, String color, TaskQuery query) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!((TaskQueryImpl) existing.getQuery()).getOrderingProperties().isEmpty()) {
                filters.saveFilter(existing.setQuery(query));
            }
            grants.grantEveryone(Resources.FILTER, existing.getId(), Permissions.READ);
            return;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "color", color, "refresh", true,
                        "variables", COLUMNS));
        filters.saveFilter(filter);
        grants.grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}

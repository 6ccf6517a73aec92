package com.proposaldesk.reminder;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Who is responsible for an open task: its assignee, or while nobody has claimed it, its candidate users and groups. */
@Component
public class TaskRecipients {

    private final TaskService tasks;

    public TaskRecipients(TaskService tasks) {
        this.tasks = tasks;
    }

    public List<String> of(Task task) {
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        List<String> ids = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                ids.add(link.getUserId() != null ? link.getUserId() : link.getGroupId());
            }
        }
        return ids;
    }
}

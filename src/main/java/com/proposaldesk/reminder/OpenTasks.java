package com.proposaldesk.reminder;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open tasks a reminder is about, read with the engine's native task query: a plain select on the task table by
 * its indexed columns. The general task query builds its statement from some hundred optional criteria each time it
 * runs, which cost a reminder job more than the rest of its reading together.
 */
@Component
class OpenTasks {

    private final TaskService tasks;
    private final String table;

    OpenTasks(TaskService tasks, ManagementService management) {
        this.tasks = tasks;
        this.table = management.getTableName(Task.class);
    }

    /** The task, while it is open; empty once it is completed or deleted. */
    List<Task> byId(String taskId) {
        return tasks.createNativeTaskQuery().sql("SELECT * FROM " + table + " WHERE ID_ = #{id}")
                .parameter("id", taskId).list();
    }

    /** Every open task of the user task {@code taskKey} in the process instance, oldest first. */
    List<Task> of(String processInstanceId, String taskKey) {
        return tasks.createNativeTaskQuery()
                .sql("SELECT * FROM " + table + " WHERE PROC_INST_ID_ = #{instance} AND TASK_DEF_KEY_ = #{key}"
                        + " ORDER BY CREATE_TIME_, ID_")
                .parameter("instance", processInstanceId).parameter("key", taskKey).list();
    }
}

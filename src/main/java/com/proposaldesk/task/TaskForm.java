package com.proposaldesk.task;

import java.util.List;
import java.util.Set;

/**
 * The server side of one family of Camunda Forms: fills the form when the task is created and
 * validates, stores and routes what the user submitted when the task is completed.
 */
public interface TaskForm {

    /** Task definition ids served, e.g. {@code Task_SignFor}; the same id in both processes is one form. */
    Set<String> tasks();

    /** The keys of the form's input fields; removed from the process once stored, so they never leak into a later step. */
    List<String> fields();

    /** Fills read-only context and previous values into task-local variables. */
    default void prepare(TaskFormContext context) {
    }

    /** Validates and stores the submission; throws {@link TaskInputRejectedException} to refuse it. */
    void submit(TaskFormContext context);
}

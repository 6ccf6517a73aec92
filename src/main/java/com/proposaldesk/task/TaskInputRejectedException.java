package com.proposaldesk.task;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion or registration that carries missing or invalid data. Extends the engine's
 * {@link BadUserRequestException} so that the engine's REST API answers 400 and Tasklist shows the
 * message; the whole command, including anything already written, is rolled back.
 */
public class TaskInputRejectedException extends BadUserRequestException {

    private final transient List<FieldProblem> problems;

    public TaskInputRejectedException(List<FieldProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String describe(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder("提交的内容有误，请修改后重新提交：");
        for (int i = 0; i < problems.size(); i++) {
            FieldProblem problem = problems.get(i);
            text.append(i == 0 ? "" : "；").append(problem.message()).append("（字段 ").append(problem.field()).append("）");
        }
        return text.append("。").toString();
    }
}

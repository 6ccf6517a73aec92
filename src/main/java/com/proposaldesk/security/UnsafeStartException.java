package com.proposaldesk.security;

import java.util.List;

/** The configuration would start the application with a default or weak password; the problems are in Chinese. */
public class UnsafeStartException extends RuntimeException {

    private final List<String> problems;

    public UnsafeStartException(List<String> problems) {
        super("提案办理台拒绝启动：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

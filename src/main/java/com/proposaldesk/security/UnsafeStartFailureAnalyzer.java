package com.proposaldesk.security;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The operator's answer to a refused start: what is wrong and which variables to set, without a stack trace. */
public class UnsafeStartFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeStartException cause) {
        String description = "提案办理台拒绝启动：不使用 demo 配置时，不允许默认口令或弱口令。\n"
                + cause.problems().stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
        String action = "请设置环境变量 " + StartupSecretsCheck.ADMIN_USER_VARIABLE + "（首个管理员账号）和 "
                + StartupSecretsCheck.ADMIN_PASSWORD_VARIABLE + "（其口令：至少 10 个字符，含大写字母、小写字母、数字和特殊字符，"
                + "不含账号和姓名，不用常见口令）后重新启动。只想试用时，请使用 demo 配置（SPRING_PROFILES_ACTIVE=demo）。";
        return new FailureAnalysis(description, action, cause);
    }
}

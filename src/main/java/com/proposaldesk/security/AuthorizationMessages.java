package com.proposaldesk.security;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

/** The engine's refusal ({@link AuthorizationException}, in English) told in Chinese to the user. */
public final class AuthorizationMessages {

    private static final Map<String, String> PERMISSIONS = Map.ofEntries(
            Map.entry("READ", "查看"), Map.entry("UPDATE", "修改"), Map.entry("CREATE", "创建"), Map.entry("DELETE", "删除"),
            Map.entry("ACCESS", "访问"), Map.entry("TASK_WORK", "办理"), Map.entry("TASK_ASSIGN", "分配"),
            Map.entry("READ_TASK", "查看任务"), Map.entry("UPDATE_TASK", "修改任务"),
            Map.entry("READ_INSTANCE", "查看流程实例"), Map.entry("UPDATE_INSTANCE", "修改流程实例"),
            Map.entry("CREATE_INSTANCE", "发起流程"), Map.entry("DELETE_INSTANCE", "删除流程实例"),
            Map.entry("MIGRATE_INSTANCE", "迁移流程实例"), Map.entry("READ_HISTORY", "查看历史"),
            Map.entry("DELETE_HISTORY", "删除历史"), Map.entry("RETRY_JOB", "重试作业"),
            Map.entry("SUSPEND", "挂起"), Map.entry("SUSPEND_INSTANCE", "挂起流程实例"),
            Map.entry("READ_VARIABLE", "查看变量"), Map.entry("UPDATE_VARIABLE", "修改变量"));

    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("Task", "任务"), Map.entry("ProcessDefinition", "流程定义"), Map.entry("ProcessInstance", "流程实例"),
            Map.entry("HistoricTask", "历史任务"), Map.entry("HistoricProcessInstance", "历史流程实例"),
            Map.entry("Deployment", "部署"), Map.entry("Filter", "过滤器"), Map.entry("User", "用户"), Map.entry("Group", "用户组"),
            Map.entry("Authorization", "授权"), Map.entry("Application", "应用"), Map.entry("Batch", "批处理"),
            Map.entry("DecisionDefinition", "决策定义"), Map.entry("Tenant", "租户"), Map.entry("System", "系统"),
            Map.entry("OperationLogCategory", "操作日志"), Map.entry("Group membership", "用户组成员"));

    /** When the engine does not say which permission is missing. */
    public static final String GENERIC = "没有权限执行此操作。如确需办理，请联系提案办或系统管理员。";

    private AuthorizationMessages() {
    }

    /** For example: 没有权限：需要对任务 123 的“办理”权限。如需办理，请联系提案办。 */
    public static String of(AuthorizationException refusal) {
        Set<String> needs = new LinkedHashSet<>();
        for (MissingAuthorization missing : refusal.getMissingAuthorizations()) {
            String resource = RESOURCES.getOrDefault(missing.getResourceType(), missing.getResourceType());
            String id = missing.getResourceId() == null || "*".equals(missing.getResourceId()) ? "" : " " + missing.getResourceId() + " ";
            needs.add("对" + resource + id + "的“"
                    + PERMISSIONS.getOrDefault(missing.getViolatedPermissionName(), missing.getViolatedPermissionName()) + "”权限");
        }
        String what = needs.isEmpty() ? "" : "：需要" + String.join("或", needs);
        return needs.isEmpty() ? GENERIC : "没有权限执行此操作" + what + "。如确需办理，请联系提案办或系统管理员。";
    }
}

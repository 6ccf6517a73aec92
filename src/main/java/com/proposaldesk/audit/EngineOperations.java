package com.proposaldesk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.UserOperationLogEntry;

/** The engine's user operation log in the office's words. */
final class EngineOperations {

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("Task", "任务"), Map.entry("ProcessInstance", "流程实例"), Map.entry("ProcessDefinition", "流程定义"),
            Map.entry("Variable", "流程变量"), Map.entry("Job", "作业"), Map.entry("JobDefinition", "作业定义"),
            Map.entry("Deployment", "部署"), Map.entry("User", "用户"), Map.entry("Group", "用户组"),
            Map.entry("Group membership", "用户组成员"), Map.entry("Tenant", "租户"), Map.entry("TenantMembership", "租户成员"),
            Map.entry("Authorization", "权限"), Map.entry("Filter", "任务过滤器"), Map.entry("IdentityLink", "候选人"),
            Map.entry("Attachment", "附件"), Map.entry("Comment", "意见"), Map.entry("HistoricTask", "历史任务"),
            Map.entry("HistoricProcessInstance", "历史流程实例"), Map.entry("CaseDefinition", "案例定义"), Map.entry("Incident", "故障"),
            Map.entry("Batch", "批处理"), Map.entry("ExternalTask", "外部任务"), Map.entry("DecisionDefinition", "决策定义"),
            Map.entry("DecisionInstance", "决策实例"), Map.entry("Property", "系统属性"), Map.entry("OperationLog", "操作记录"));

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Assign", "指派"), Map.entry("Claim", "认领"), Map.entry("Complete", "完成"), Map.entry("Create", "创建"),
            Map.entry("Delegate", "委托"), Map.entry("Delete", "删除"), Map.entry("Resolve", "办结委托"),
            Map.entry("SetOwner", "设置所有人"), Map.entry("SetPriority", "设置优先级"), Map.entry("Update", "修改"),
            Map.entry("Activate", "激活"), Map.entry("Suspend", "挂起"), Map.entry("Migrate", "迁移"),
            Map.entry("AddUserLink", "添加候选人"), Map.entry("DeleteUserLink", "移除候选人"),
            Map.entry("AddGroupLink", "添加候选组"), Map.entry("DeleteGroupLink", "移除候选组"),
            Map.entry("SetVariable", "设置变量"), Map.entry("SetVariables", "设置变量"), Map.entry("ModifyVariable", "修改变量"),
            Map.entry("RemoveVariable", "删除变量"), Map.entry("ModifyProcessInstance", "调整流程"),
            Map.entry("RestartProcessInstance", "重启流程"), Map.entry("SetJobRetries", "设置重试次数"),
            Map.entry("SetRemovalTime", "设置清理时间"), Map.entry("Unlock", "解锁"), Map.entry("CreateIncident", "创建故障"),
            Map.entry("SetAnnotation", "添加备注"), Map.entry("ClearAnnotation", "清除备注"),
            Map.entry("CorrelateMessage", "关联消息"), Map.entry("Execute", "执行"), Map.entry("SetName", "修改名称"),
            Map.entry("SetDescription", "修改说明"), Map.entry("SetFollowUpDate", "设置跟进日期"),
            Map.entry("SetDueDate", "设置到期日"), Map.entry("RecalculateDueDate", "重算到期日"),
            Map.entry("AddAttachment", "添加附件"), Map.entry("DeleteAttachment", "删除附件"),
            Map.entry("UpdateComment", "修改意见"), Map.entry("DeleteComment", "删除意见"),
            Map.entry("DeleteHistory", "删除历史"), Map.entry("SuspendJob", "挂起作业"), Map.entry("ActivateJob", "激活作业"),
            Map.entry("SuspendJobDefinition", "挂起作业定义"), Map.entry("ActivateJobDefinition", "激活作业定义"),
            Map.entry("SuspendProcessDefinition", "挂起流程定义"), Map.entry("ActivateProcessDefinition", "激活流程定义"),
            Map.entry("UpdateHistoryTimeToLive", "修改历史保留期"), Map.entry("SetExternalTaskRetries", "设置重试次数"),
            Map.entry("Evaluate", "评估"));

    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("assignee", "办理人"), Map.entry("owner", "所有人"),
            Map.entry("name", "名称"), Map.entry("dueDate", "到期日"), Map.entry("priority", "优先级"),
            Map.entry("processDefinitionKey", "流程"), Map.entry("userId", "用户"), Map.entry("groupId", "用户组"),
            Map.entry("candidate", "候选"), Map.entry("suspensionState", "状态"), Map.entry("retries", "重试次数"),
            Map.entry("reason", "原因"), Map.entry("cascade", "级联"), Map.entry("skipCustomListeners", "跳过监听器"),
            Map.entry("nrOfInstances", "实例数"), Map.entry("async", "异步"), Map.entry("annotation", "备注"),
            Map.entry("description", "说明"), Map.entry("followUpDate", "跟进日期"));

    private EngineOperations() {
    }

    static String label(String entityType, String operationType) {
        String entity = ENTITIES.getOrDefault(entityType, entityType);
        String operation = OPERATIONS.getOrDefault(operationType, operationType);
        return entity == null ? operation : entity + " · " + operation;
    }

    /**
     * Each logged property of the operation: 名称：旧 → 新 (or just the new value). The engine's "delete" flag, logged
     * with every completion, says nothing the action does not.
     */
    static String details(List<UserOperationLogEntry> operation) {
        List<String> parts = new ArrayList<>();
        for (UserOperationLogEntry entry : operation) {
            if (entry.getProperty() == null || "delete".equals(entry.getProperty())
                    || (entry.getOrgValue() == null && entry.getNewValue() == null)) {
                continue;
            }
            String property = PROPERTIES.getOrDefault(entry.getProperty(), entry.getProperty());
            parts.add(entry.getOrgValue() == null ? property + "：" + entry.getNewValue()
                    : property + "：" + entry.getOrgValue() + " → " + (entry.getNewValue() == null ? "（空）" : entry.getNewValue()));
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }
}

package com.proposaldesk.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static com.proposaldesk.security.EngineAuthorizations.ANY;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.ProcessElements;

/**
 * Who may do what in the engine, granted at start-up to groups (the engine checks it on every REST call, in
 * Tasklist and in Cockpit):
 * <ul>
 * <li>everyone: Tasklist, the shared filters, the process models (to see diagrams), names of users and groups;
 * nobody but {@code camunda-admin} creates a task outside a process (Tasklist's 创建任务);</li>
 * <li>{@code office} (提案办): every proposal, task and history; register and start proposals; retry failed jobs
 * in Cockpit; filters of their own (创建过滤器). Not change variables, move tokens, delete or migrate process instances: the forms do that;</li>
 * <li>{@code principal} (局长): read everything, sign off key proposals;</li>
 * <li>leader groups (分管局领导): Cockpit, and read the proposals of the departments they oversee (granted per
 * proposal at assignment, see {@link ProposalAccess});</li>
 * <li>department groups ({@code dept-*}, {@code head-*}): their tasks (granted by the engine to a task's candidate
 * group), their proposals (per proposal at assignment), and request an extension (延期) or dispute an assignment;</li>
 * <li>{@code camunda-admin}: everything.</li>
 * </ul>
 */
@Component
public class AccessPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(AccessPolicy.class);

    public static final String PRINCIPAL_GROUP = "principal";
    /**
     * The groups granted every task and its history here (the office; administrators have everything anyway): the engine
     * makes no per-task grants to them ({@link TaskGrants}), and those an older version made are removed at start-up.
     */
    public static final Set<String> GROUPS_WITH_EVERY_TASK = Set.of(CurrentUser.OFFICE_GROUP, Groups.CAMUNDA_ADMIN);
    /** The processes a department starts from Tasklist: 申请延期, 分派异议. */
    static final Set<String> DEPARTMENT_STARTED_PROCESSES = Set.of(ProcessElements.EXTENSION_PROCESS, ProcessElements.DISPUTE_PROCESS);

    private final EngineAuthorizations grants;
    private final DepartmentRepository departments;

    public AccessPolicy(EngineAuthorizations grants, DepartmentRepository departments) {
        this.grants = grants;
        this.departments = departments;
    }

    /** After the departments are synchronised, so that new departments get their grants. */
    @EventListener(ApplicationStartedEvent.class)
    public void grant() {
        for (Resources resource : Resources.values()) {
            grants.grantGroup(Groups.CAMUNDA_ADMIN, resource, ANY, ALL);
        }
        grantEveryone();
        grantOffice();
        grantPrincipal();
        Set<String> leaderGroups = new LinkedHashSet<>();
        for (Department department : departments.all()) {
            grantDepartment(department.handlerGroup());
            grantDepartment(department.headGroup());
            leaderGroups.add(department.leaderGroup());
        }
        leaderGroups.forEach(group -> grants.grantGroup(group, Resources.APPLICATION, "cockpit", ACCESS));
        removeRedundantTaskGrants();
    }

    /**
     * Takes away the per-task grants (task and task history) that the engine made to a group before {@link TaskGrants}:
     * the group-wide grants above cover them. Finds nothing once done.
     */
    private void removeRedundantTaskGrants() {
        int removed = 0;
        for (String group : GROUPS_WITH_EVERY_TASK) {
            removed += grants.revokeSingleGrants(group, Resources.TASK) + grants.revokeSingleGrants(group, Resources.HISTORIC_TASK);
        }
        if (removed > 0) {
            LOG.info("Removed {} per-task grants to groups that are granted every task", removed);
        }
    }

    private void grantEveryone() {
        grants.grantEveryone(Resources.APPLICATION, "tasklist", ACCESS);
        grants.grantEveryone(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        grants.grantEveryone(Resources.USER, ANY, READ);
        grants.grantEveryone(Resources.GROUP, ANY, READ);
        // filters of their own were for everyone before; the shared filters are enough for the departments
        grants.revokeEveryone(Resources.FILTER, ANY);
    }

    private void grantOffice() {
        String office = CurrentUser.OFFICE_GROUP;
        grants.grantGroup(office, Resources.APPLICATION, "cockpit", ACCESS);
        grants.grantGroup(office, Resources.FILTER, ANY, CREATE);
        grants.grantGroup(office, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB);
        grants.grantGroup(office, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB);
        grants.grantGroup(office, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE,
                TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN);
        grants.grantGroup(office, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grants.grantGroup(office, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grants.grantGroup(office, Resources.DEPLOYMENT, ANY, READ);
        grants.grantGroup(office, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    }

    private void grantPrincipal() {
        grants.grantGroup(PRINCIPAL_GROUP, Resources.APPLICATION, "cockpit", ACCESS);
        grants.grantGroup(PRINCIPAL_GROUP, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY);
        grants.grantGroup(PRINCIPAL_GROUP, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grants.grantGroup(PRINCIPAL_GROUP, Resources.TASK, ANY, TaskPermissions.READ);
        grants.grantGroup(PRINCIPAL_GROUP, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grants.grantGroup(PRINCIPAL_GROUP, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    }

    private void grantDepartment(String group) {
        grants.grantGroup(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        for (String process : DEPARTMENT_STARTED_PROCESSES) {
            grants.grantGroup(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
    }
}

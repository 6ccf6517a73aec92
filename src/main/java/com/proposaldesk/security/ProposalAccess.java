package com.proposaldesk.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;

/**
 * Which proposals a user may see: the office, the principal leader and administrators see every proposal; a
 * department's handlers and head see the proposals their department leads or assists; a leader in charge sees
 * those of the departments they oversee. The engine is told the same per proposal, so that Tasklist, Cockpit
 * and the engine's REST API show each user the same proposals as our API.
 */
@Component
public class ProposalAccess {

    private static final Set<String> SEE_EVERYTHING =
            Set.of(CurrentUser.OFFICE_GROUP, AccessPolicy.PRINCIPAL_GROUP, Groups.CAMUNDA_ADMIN);

    private final CurrentUser user;
    private final DepartmentRepository departments;
    private final EngineAuthorizations grants;

    public ProposalAccess(CurrentUser user, DepartmentRepository departments, EngineAuthorizations grants) {
        this.user = user;
        this.departments = departments;
        this.grants = grants;
    }

    /** The proposals the current user may see; everything for the application's own work (no user). */
    public Scope scope() {
        if (user.id() == null || SEE_EVERYTHING.stream().anyMatch(user::isMemberOf)) {
            return Scope.EVERYTHING;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Department department : departments.all()) {
            if (user.isMemberOf(department.handlerGroup()) || user.isMemberOf(department.headGroup())
                    || user.isMemberOf(department.leaderGroup())) {
                codes.add(department.code());
            }
        }
        return new Scope(false, Set.copyOf(codes));
    }

    /** @throws ForbiddenException unless the user sees the whole bureau's figures: office, leaders, administrators */
    public void requireBureauWide(String message) {
        java.util.Set<String> groups = new LinkedHashSet<>(SEE_EVERYTHING);
        departments.all().forEach(department -> groups.add(department.leaderGroup()));
        user.requireAnyGroup(groups, message);
    }

    /** @throws ForbiddenException unless the current user may see a proposal handled by these departments */
    public void requireVisible(String number, String leadDepartment, Collection<String> assistingDepartments) {
        if (!scope().covers(leadDepartment, assistingDepartments)) {
            throw new ForbiddenException("您无权查看提案 " + number + "：它不由您所在的处室办理");
        }
    }

    /**
     * Lets the groups of the lead and assisting departments and their leaders in charge read the proposal's
     * process instance and its history; departments no longer on the proposal (after a re-assignment) lose it.
     * Their tasks the engine grants by itself, to each task's candidate group.
     */
    public void grantDepartments(String processInstanceId, String leadDepartment, Collection<String> assisting) {
        Set<String> wanted = new LinkedHashSet<>();
        Set<String> departmentGroups = new LinkedHashSet<>();
        List<String> involved = new java.util.ArrayList<>();
        involved.add(leadDepartment);
        involved.addAll(assisting);
        for (Department department : departments.all()) {
            List<String> groups = List.of(department.handlerGroup(), department.headGroup(), department.leaderGroup());
            departmentGroups.addAll(groups);
            if (involved.contains(department.code())) {
                wanted.addAll(groups);
            }
        }
        Map<String, Authorization> instanceGrants = grants.groupGrants(Resources.PROCESS_INSTANCE, processInstanceId);
        Map<String, Authorization> historyGrants = grants.groupGrants(Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
        for (String group : instanceGrants.keySet()) {
            if (departmentGroups.contains(group) && !wanted.contains(group)) {
                grants.revokeGroup(group, Resources.PROCESS_INSTANCE, processInstanceId);
                grants.revokeGroup(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
            }
        }
        for (String group : wanted) {
            grants.grantGroup(group, Resources.PROCESS_INSTANCE, processInstanceId, instanceGrants.get(group),
                    ProcessInstancePermissions.READ);
            grants.grantGroup(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, historyGrants.get(group),
                    HistoricProcessInstancePermissions.READ);
        }
    }

    /** Every proposal, or those whose lead or assisting department is one of {@code departments}. */
    public record Scope(boolean everything, Set<String> departments) {

        public static final Scope EVERYTHING = new Scope(true, Set.of());

        public boolean covers(String leadDepartment, Collection<String> assistingDepartments) {
            if (everything) {
                return true;
            }
            return (leadDepartment != null && departments.contains(leadDepartment))
                    || (assistingDepartments != null && assistingDepartments.stream().anyMatch(departments::contains));
        }
    }
}

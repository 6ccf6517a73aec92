package com.proposaldesk.home;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.security.AccessPolicy;
import com.proposaldesk.security.CurrentUser;

/**
 * The links of the home page a user's groups may use, by the same rules as the pages' APIs: the office's pages
 * ({@code requireOffice}), the bureau-wide figures ({@code ProposalAccess.requireBureauWide}) and Cockpit (granted in
 * {@link AccessPolicy}) only to those groups; search, case files and the ledger to everyone, each scoped to what the
 * user may see.
 */
@Component
public class HomeLinks {

    public static final String TASKLIST = "/camunda/app/tasklist/default/";
    public static final String COCKPIT = "/camunda/app/cockpit/default/";
    public static final String ADMIN = "/camunda/app/admin/default/";
    public static final String BOARD = COCKPIT + "#/proposal-board";

    private final DepartmentRepository departments;
    private final EngineClock clock;

    public HomeLinks(DepartmentRepository departments, EngineClock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    public List<Section> forGroups(Collection<String> groups) {
        boolean admin = groups.contains(Groups.CAMUNDA_ADMIN);
        boolean office = admin || groups.contains(CurrentUser.OFFICE_GROUP);
        boolean bureauWide = office || groups.contains(AccessPolicy.PRINCIPAL_GROUP)
                || departments.all().stream().map(Department::leaderGroup).anyMatch(groups::contains);

        List<Link> work = new ArrayList<>();
        work.add(new Link("待办任务", TASKLIST, "在 Tasklist 中办理本人和本处室的任务"));
        work.add(new Link("案卷检索", "/proposals", "按编号、标题、委员、处室、状态查找提案，打开案卷"));
        if (bureauWide) {
            work.add(new Link("挂图作战", BOARD, "在办提案的进度和红黄绿灯，点击编号打开案卷"));
        }
        work.add(new Link("办理台账", "/api/ledger.xlsx", "下载可查看提案的办理台账（Excel）"));
        if (bureauWide) {
            int year = Year.from(clock.today()).getValue();
            work.add(new Link(year + " 年度总结", "/api/reports/annual.docx?year=" + year, "下载本年度办理工作总结初稿（Word）"));
        }
        work.add(new Link("委员联络", "/members.html", "委员联络覆盖情况；联络处室和联络人由提案办维护"));

        List<Link> officeWork = new ArrayList<>();
        if (office) {
            officeWork.add(new Link("导入交办清单", "/import.html", "从 Excel 或 CSV 导入交办清单"));
            officeWork.add(new Link("邮件记录", "/mails.html", "提醒和督办邮件的发送情况"));
            officeWork.add(new Link("操作记录", "/audit.html", "谁在何时做了什么"));
        }

        List<Link> webapps = new ArrayList<>();
        webapps.add(new Link("Tasklist", TASKLIST, "任务列表"));
        if (bureauWide) {
            webapps.add(new Link("Cockpit", COCKPIT, "流程监控"));
        }
        if (admin) {
            webapps.add(new Link("Admin", ADMIN, "用户、用户组和授权管理"));
        }

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("提案办理", work));
        if (!officeWork.isEmpty()) {
            sections.add(new Section("提案办工作", officeWork));
        }
        sections.add(new Section("流程平台", webapps));
        return sections;
    }

    public record Link(String label, String href, String description) {
    }

    public record Section(String title, List<Link> links) {
    }
}

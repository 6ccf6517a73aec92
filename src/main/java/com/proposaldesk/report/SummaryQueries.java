package com.proposaldesk.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.proposal.ProposalRole;

/** The aggregate SQL behind the year-end summary; each method is one query over the proposals in scope. */
@Repository
public class SummaryQueries {

    static final String ANSWERED = "p.role IN ('SOLE', 'LEAD', 'SPLIT')";
    private static final String APPROVED_EXTENSION =
            "EXISTS (SELECT 1 FROM pd_extension e WHERE e.proposal_id = p.id AND e.status = 'APPROVED')";

    private final JdbcClient jdbc;

    public SummaryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per role of proposals, replies, timeliness and evaluations. */
    public Map<ProposalRole, RoleFigures> byRole(ReportScope scope) {
        Map<ProposalRole, RoleFigures> figures = new EnumMap<>(ProposalRole.class);
        for (ProposalRole role : ProposalRole.values()) {
            figures.put(role, RoleFigures.NONE);
        }
        jdbc.sql("""
                SELECT p.role, COUNT(*) AS total,
                       SUM(CASE WHEN p.replied_on IS NOT NULL THEN 1 ELSE 0 END) AS replied,
                       SUM(CASE WHEN p.replied_on IS NOT NULL AND p.replied_on_time = TRUE THEN 1 ELSE 0 END) AS on_time,
                       SUM(CASE WHEN p.replied_on IS NOT NULL AND p.replied_on_time = FALSE THEN 1 ELSE 0 END) AS late,
                       SUM(CASE WHEN p.evaluation = 'SATISFIED' THEN 1 ELSE 0 END) AS satisfied,
                       SUM(CASE WHEN p.evaluation = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END) AS basically,
                       SUM(CASE WHEN p.evaluation = 'UNSATISFIED' THEN 1 ELSE 0 END) AS unsatisfied
                FROM pd_proposal p WHERE\s""" + scope.where() + " GROUP BY p.role")
                .params(scope.params())
                .query(rs -> {
                    figures.put(ProposalRole.valueOf(rs.getString("role")), new RoleFigures(rs.getInt("total"),
                            rs.getInt("replied"), rs.getInt("on_time"), rs.getInt("late"), rs.getInt("satisfied"),
                            rs.getInt("basically"), rs.getInt("unsatisfied")));
                });
        return figures;
    }

    /** Proposals not yet replied (or whose opinion letter is not yet sent), with what a reason needs. */
    public List<AnnualSummary.Pending> pending(ReportScope scope) {
        return jdbc.sql("SELECT p.number, p.session_name, p.title, p.role, p.key_proposal, " + APPROVED_EXTENSION
                        + " AS extended FROM pd_proposal p WHERE " + scope.where()
                        + " AND p.replied_on IS NULL ORDER BY p.number")
                .params(scope.params())
                .query((rs, row) -> new AnnualSummary.Pending(rs.getString("number"), rs.getString("session_name"),
                        rs.getString("title"), rs.getString("role"), rs.getBoolean("key_proposal"),
                        PendingReason.of(rs.getBoolean("key_proposal"), rs.getBoolean("extended"))))
                .list();
    }

    /** Key proposals: numbers of those the bureau leads and those it co-handles. */
    public AnnualSummary.KeyProposals keyProposals(ReportScope scope) {
        List<String> led = new ArrayList<>();
        List<String> coHandled = new ArrayList<>();
        jdbc.sql("SELECT p.number, p.role FROM pd_proposal p WHERE " + scope.where() + " AND p.key_proposal = TRUE ORDER BY p.number")
                .params(scope.params())
                .query(rs -> {
                    (ProposalRole.CO_HANDLING.name().equals(rs.getString("role")) ? coHandled : led).add(rs.getString("number"));
                });
        return new AnnualSummary.KeyProposals(led.size(), led, coHandled.size(), coHandled);
    }

    public AnnualSummary.Extensions extensions(ReportScope scope) {
        List<String> numbers = new ArrayList<>();
        int[] approved = {0};
        jdbc.sql("SELECT p.number, COUNT(*) AS approved FROM pd_proposal p JOIN pd_extension e ON e.proposal_id = p.id WHERE "
                        + scope.where() + " AND e.status = 'APPROVED' GROUP BY p.number ORDER BY p.number")
                .params(scope.params())
                .query(rs -> {
                    numbers.add(rs.getString("number"));
                    approved[0] += rs.getInt("approved");
                });
        return new AnnualSummary.Extensions(approved[0], numbers);
    }

    /** Lead and assisting cases per department, departments with neither left out. */
    public List<AnnualSummary.DepartmentWorkload> departments(ReportScope scope) {
        List<Object> params = new ArrayList<>(scope.params());
        params.addAll(scope.params());
        return jdbc.sql("""
                SELECT d.code, d.name, COALESCE(l.cases, 0) AS lead_cases, COALESCE(a.cases, 0) AS assisting_cases
                FROM pd_department d
                LEFT JOIN (SELECT p.lead_department AS code, COUNT(*) AS cases FROM pd_proposal p
                           WHERE %s AND p.lead_department IS NOT NULL GROUP BY p.lead_department) l ON l.code = d.code
                LEFT JOIN (SELECT ad.department_code AS code, COUNT(*) AS cases FROM pd_proposal p
                           JOIN pd_proposal_assisting_department ad ON ad.proposal_id = p.id
                           WHERE %s GROUP BY ad.department_code) a ON a.code = d.code
                WHERE l.cases IS NOT NULL OR a.cases IS NOT NULL
                ORDER BY d.sort_order, d.code""".formatted(scope.where(), scope.where()))
                .params(params)
                .query((rs, row) -> new AnnualSummary.DepartmentWorkload(rs.getString("code"), rs.getString("name"),
                        rs.getInt("lead_cases"), rs.getInt("assisting_cases")))
                .list();
    }

    /** Numbers of answered proposals replied late. */
    public List<String> answeredLate(ReportScope scope) {
        return numbers(scope, ANSWERED + " AND p.replied_on IS NOT NULL AND p.replied_on_time = FALSE");
    }

    /** Numbers and evaluations of answered proposals not rated satisfied. */
    public List<String[]> answeredNotSatisfied(ReportScope scope) {
        return jdbc.sql("SELECT p.number, p.evaluation FROM pd_proposal p WHERE " + scope.where() + " AND " + ANSWERED
                        + " AND p.evaluation IN ('BASICALLY_SATISFIED', 'UNSATISFIED') ORDER BY p.number")
                .params(scope.params())
                .query((rs, row) -> new String[] {rs.getString("number"), rs.getString("evaluation")})
                .list();
    }

    /** Answered proposals pending without an approved extension whose answer deadline has passed. */
    public List<String> answeredOverdue(ReportScope scope, LocalDate today) {
        List<Object> params = new ArrayList<>(scope.params());
        params.add(Date.valueOf(today));
        return jdbc.sql("SELECT p.number FROM pd_proposal p WHERE " + scope.where() + " AND " + ANSWERED
                        + " AND p.replied_on IS NULL AND NOT " + APPROVED_EXTENSION
                        + " AND p.answer_due < ? ORDER BY p.number")
                .params(params).query(String.class).list();
    }

    /** Answered proposals without a 先沟通后办理 record. */
    public List<String> answeredWithoutCommunication(ReportScope scope) {
        return numbers(scope, ANSWERED + " AND NOT EXISTS (SELECT 1 FROM pd_communication c WHERE c.proposal_id = p.id"
                + " AND c.stage = 'BEFORE_HANDLING')");
    }

    private List<String> numbers(ReportScope scope, String condition) {
        return jdbc.sql("SELECT p.number FROM pd_proposal p WHERE " + scope.where() + " AND " + condition + " ORDER BY p.number")
                .params(scope.params()).query(String.class).list();
    }

    /** One role's figures. */
    public record RoleFigures(int total, int replied, int onTime, int late, int satisfied, int basicallySatisfied,
            int unsatisfied) {

        static final RoleFigures NONE = new RoleFigures(0, 0, 0, 0, 0, 0, 0);

        RoleFigures plus(RoleFigures other) {
            return new RoleFigures(total + other.total, replied + other.replied, onTime + other.onTime, late + other.late,
                    satisfied + other.satisfied, basicallySatisfied + other.basicallySatisfied,
                    unsatisfied + other.unsatisfied);
        }
    }
}

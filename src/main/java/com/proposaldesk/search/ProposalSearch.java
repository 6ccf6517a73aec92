package com.proposaldesk.search;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.security.ProposalAccess;

/**
 * Searches the proposals in SQL: the criteria and the user's scope in one WHERE clause, a page of rows and a count,
 * and the page's assisting departments in one more query. Free text is a case-insensitive substring match
 * ({@code ILIKE}, on H2 and PostgreSQL alike) over titles, suggestions and replies.
 */
@Repository
public class ProposalSearch {

    /** Overdue: answered late, or still unanswered past the answer deadline and not finished. */
    private static final String OVERDUE = """
            (COALESCE(p.replied_on_time, TRUE) = FALSE OR (p.replied_on IS NULL AND p.answer_due IS NOT NULL
             AND p.answer_due < :today AND p.status NOT IN ('CLOSED', 'WITHDRAWN', 'TRANSFERRED')))""";

    private final JdbcClient jdbc;
    private final DepartmentRepository departments;
    private final EngineClock clock;

    public ProposalSearch(JdbcClient jdbc, DepartmentRepository departments, EngineClock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.clock = clock;
    }

    public SearchResult search(SearchFilter filter, ProposalAccess.Scope scope) {
        Where where = where(filter, scope);
        Map<String, String> names = new HashMap<>();
        departments.all().forEach(d -> names.put(d.code(), d.name()));
        // the total comes with the page (one scan of the matches); a count of its own only for a page past the end
        String sql = """
                SELECT p.id, p.number, p.title, p.session_name, p.role, p.key_proposal, p.status, p.lead_department, p.assigned_on,
                       p.answer_due, p.replied_on, p.replied_on_time, m.name AS member_name,
                       CASE WHEN %s THEN TRUE ELSE FALSE END AS overdue, COUNT(*) OVER () AS total
                FROM pd_proposal p JOIN pd_member m ON m.id = p.lead_member_id
                WHERE %s ORDER BY %s %s NULLS LAST, p.number %s OFFSET %d ROWS FETCH NEXT %d ROWS ONLY"""
                .formatted(OVERDUE, where.sql, filter.sort().column, filter.descending() ? "DESC" : "ASC",
                        filter.descending() ? "DESC" : "ASC", (long) filter.page() * filter.size(), filter.size());
        Map<Long, Row> rows = new LinkedHashMap<>();
        long[] total = {0};
        jdbc.sql(sql).params(where.params).query(rs -> {
            total[0] = rs.getLong("total");
            Object onTime = rs.getObject("replied_on_time");
            rows.put(rs.getLong("id"), new Row(rs.getString("number"), rs.getString("title"), rs.getString("session_name"),
                    ProposalRole.valueOf(rs.getString("role")), rs.getBoolean("key_proposal"),
                    ProposalStatus.valueOf(rs.getString("status")), rs.getString("member_name"), rs.getString("lead_department"),
                    date(rs.getDate("assigned_on")), date(rs.getDate("answer_due")), date(rs.getDate("replied_on")),
                    onTime == null ? null : rs.getBoolean("replied_on_time"), rs.getBoolean("overdue")));
        });
        if (rows.isEmpty()) {
            long count = filter.page() == 0 ? 0 : jdbc.sql("SELECT COUNT(*) FROM pd_proposal p JOIN pd_member m"
                    + " ON m.id = p.lead_member_id WHERE " + where.sql).params(where.params).query(Long.class).single();
            return new SearchResult(List.of(), count, filter.page(), filter.size());
        }
        Map<Long, List<String>> assisting = assisting(rows.keySet(), names);
        List<ProposalHit> items = new ArrayList<>();
        rows.forEach((id, row) -> items.add(new ProposalHit(row.number, row.title, row.session, row.role.name(),
                row.role.label(), row.key, row.status.name(), row.status.label(), row.member, row.lead,
                row.lead == null ? null : names.getOrDefault(row.lead, row.lead), assisting.getOrDefault(id, List.of()),
                row.assignedOn, row.answerDue, row.repliedOn, row.repliedOnTime, row.overdue,
                "/proposals/" + row.number)));
        return new SearchResult(items, total[0], filter.page(), filter.size());
    }

    /** Every match's number in the filter's order, no paging. */
    public List<String> numbers(SearchFilter filter, ProposalAccess.Scope scope) {
        Where where = where(filter, scope);
        return jdbc.sql("SELECT p.number FROM pd_proposal p JOIN pd_member m ON m.id = p.lead_member_id WHERE " + where.sql
                + " ORDER BY " + filter.sort().column + (filter.descending() ? " DESC" : " ASC") + " NULLS LAST, p.number"
                + (filter.descending() ? " DESC" : " ASC"))
                .params(where.params).query(String.class).list();
    }

    /** The session names in use, newest first, for the search form. */
    public List<String> sessions() {
        return jdbc.sql("SELECT session_name FROM pd_proposal GROUP BY session_name ORDER BY MAX(assigned_on) DESC")
                .query(String.class).list();
    }

    private Map<Long, List<String>> assisting(Iterable<Long> ids, Map<String, String> names) {
        List<Long> list = new ArrayList<>();
        ids.forEach(list::add);
        Map<Long, List<String>> assisting = new HashMap<>();
        jdbc.sql("SELECT proposal_id, department_code FROM pd_proposal_assisting_department WHERE proposal_id IN (:ids)"
                + " ORDER BY department_code").param("ids", list).query(rs -> {
                    String code = rs.getString("department_code");
                    assisting.computeIfAbsent(rs.getLong("proposal_id"), id -> new ArrayList<>())
                            .add(names.getOrDefault(code, code));
                });
        return assisting;
    }

    private Where where(SearchFilter filter, ProposalAccess.Scope scope) {
        Where where = new Where();
        where.params.put("today", Date.valueOf(clock.today()));
        if (!scope.everything()) {
            if (scope.departments().isEmpty()) {
                where.and("1 = 0");
            } else {
                where.params.put("scope", List.copyOf(scope.departments()));
                where.and("(p.lead_department IN (:scope) OR p.id IN (SELECT sa.proposal_id FROM pd_proposal_assisting_department sa"
                        + " WHERE sa.department_code IN (:scope)))");
            }
        }
        for (int i = 0; i < filter.q().size(); i++) {
            String word = "q" + i;
            where.params.put(word, contains(filter.q().get(i)));
            where.and(("(p.title ILIKE :%1$s OR p.number ILIKE :%1$s"
                    + " OR p.id IN (SELECT s.proposal_id FROM pd_proposal_suggestion s WHERE s.text ILIKE :%1$s)"
                    + " OR p.id IN (SELECT r.proposal_id FROM pd_reply r WHERE r.body ILIKE :%1$s))").formatted(word));
        }
        if (filter.number() != null) {
            where.and("p.number ILIKE :number", "number", contains(filter.number()));
        }
        if (filter.title() != null) {
            where.and("p.title ILIKE :title", "title", contains(filter.title()));
        }
        if (filter.member() != null) {
            where.and("(m.name ILIKE :member OR p.id IN (SELECT c.proposal_id FROM pd_proposal_co_signer c"
                    + " WHERE c.name ILIKE :member))", "member", contains(filter.member()));
        }
        if (filter.department() != null) {
            String leads = "p.lead_department = :department";
            String assists = "p.id IN (SELECT d.proposal_id FROM pd_proposal_assisting_department d"
                    + " WHERE d.department_code = :department)";
            String condition = filter.departmentRole() == null ? "(" + leads + " OR " + assists + ")"
                    : filter.departmentRole() == SearchFilter.DepartmentRole.LEAD ? leads : assists;
            where.and(condition, "department", filter.department());
        }
        if (filter.role() != null) {
            where.and("p.role = :role", "role", filter.role().name());
        }
        if (filter.status() != null) {
            where.and("p.status = :status", "status", filter.status().name());
        }
        if (filter.year() != null) {
            where.params.put("yearFrom", Date.valueOf(LocalDate.of(filter.year(), 1, 1)));
            where.and("p.assigned_on >= :yearFrom AND p.assigned_on < :yearTo", "yearTo",
                    Date.valueOf(LocalDate.of(filter.year() + 1, 1, 1)));
        }
        if (filter.session() != null) {
            where.and("p.session_name ILIKE :session", "session", contains(filter.session()));
        }
        if (filter.key() != null) {
            where.and("p.key_proposal = :key", "key", filter.key());
        }
        if (filter.overdue() != null) {
            where.and(filter.overdue() ? OVERDUE : "NOT " + OVERDUE);
        }
        return where;
    }

    /** A LIKE pattern for the text anywhere, its wildcards taken literally (backslash is the default escape). */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();
        private String sql = "1 = 1";

        void and(String condition) {
            conditions.add(condition);
            sql = String.join(" AND ", conditions);
        }

        void and(String condition, String name, Object value) {
            params.put(name, value);
            and(condition);
        }
    }

    private record Row(String number, String title, String session, ProposalRole role, boolean key, ProposalStatus status,
            String member, String lead, LocalDate assignedOn, LocalDate answerDue, LocalDate repliedOn, Boolean repliedOnTime,
            boolean overdue) {
    }

    /** Whether the code names a department the bureau has or had. */
    boolean isDepartment(String code) {
        return departments.all().stream().map(Department::code).anyMatch(code::equals);
    }
}

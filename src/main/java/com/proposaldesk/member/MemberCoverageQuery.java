package com.proposaldesk.member;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the year's contacts per member from every communication record, with or without a proposal. */
@Repository
public class MemberCoverageQuery {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    public MemberCoverageQuery(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    public MemberCoverage of(int year) {
        List<MemberCoverage.Row> rows = jdbc.sql("""
                SELECT m.id, m.name, m.sector, m.district, m.liaison_department, d.name AS liaison_department_name,
                       m.liaison_user, MAX(c.contact_date) AS last_contact, COUNT(c.id) AS contacts
                FROM pd_member m
                LEFT JOIN pd_department d ON d.code = m.liaison_department
                LEFT JOIN pd_communication c ON c.member_id = m.id AND c.contact_date BETWEEN :from AND :to
                GROUP BY m.id, m.name, m.sector, m.district, m.liaison_department, d.name, m.liaison_user
                ORDER BY m.district, m.name, m.id""")
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, i) -> {
                    Date last = rs.getDate("last_contact");
                    return new MemberCoverage.Row(rs.getLong("id"), rs.getString("name"), rs.getString("sector"),
                            rs.getString("district"), rs.getString("liaison_department"),
                            rs.getString("liaison_department_name"), rs.getString("liaison_user"), null,
                            last == null ? null : last.toLocalDate(), rs.getInt("contacts"));
                })
                .list().stream().map(row -> row.withLiaisonUserName(staff.displayName(row.liaisonUser()))).toList();
        return MemberCoverage.of(year, rows);
    }
}

package com.proposaldesk.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.proposaldesk.proposal.ProposalRole;

/** Writes proposals in their final state straight into the domain tables, as a finished year leaves them. */
final class SummaryRows {

    private final JdbcClient jdbc;
    private final long memberId;

    SummaryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pd_member (name, sector) VALUES ('总结测试委员', '民盟')").update(key, "id");
        this.memberId = key.getKey().longValue();
    }

    /** A proposal; repliedOn null means not replied yet. Returns its id. */
    long proposal(String number, String session, ProposalRole role, boolean key, LocalDate assignedOn, LocalDate answerDue,
            LocalDate repliedOn, Boolean onTime, String evaluation, String lead, List<String> assisting) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.sql("""
                INSERT INTO pd_proposal (number, source, session_name, title, lead_member_id, role, key_proposal, assigned_on,
                       status, lead_department, answer_due, replied_on, replied_on_time, evaluation, created_at, updated_at)
                VALUES (?, 'CPPCC', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, session, "关于第" + number + "号事项的提案", memberId, role.name(), key, Date.valueOf(assignedOn),
                        repliedOn == null ? "HANDLING" : "CLOSED", lead, date(answerDue), date(repliedOn), onTime, evaluation,
                        now, now)
                .update();
        long id = jdbc.sql("SELECT id FROM pd_proposal WHERE number = ?").param(number).query(Long.class).single();
        jdbc.sql("INSERT INTO pd_proposal_suggestion (proposal_id, position, text) VALUES (?, 1, ?)")
                .params(id, "建议一（" + number + "）").update();
        for (String code : assisting) {
            jdbc.sql("INSERT INTO pd_proposal_assisting_department (proposal_id, department_code) VALUES (?, ?)")
                    .params(id, code).update();
        }
        return id;
    }

    void communication(long proposalId, String stage) {
        jdbc.sql("""
                INSERT INTO pd_communication (proposal_id, stage, contact_date, way, participants, recorded_by, recorded_at)
                VALUES (?, ?, ?, 'PHONE', '经办人', 'test', ?)""")
                .params(proposalId, stage, Date.valueOf(LocalDate.of(2023, 3, 1)), Timestamp.valueOf(LocalDateTime.now()))
                .update();
    }

    void approvedExtension(long proposalId, LocalDate previousDue, LocalDate approvedDue) {
        jdbc.sql("""
                INSERT INTO pd_extension (proposal_id, requested_by_kind, reason, requested_due, previous_due, requested_by,
                       requested_at, status, approved_due)
                VALUES (?, 'MEMBER', '委员申请延期', ?, ?, 'test', ?, 'APPROVED', ?)""")
                .params(proposalId, Date.valueOf(approvedDue), Date.valueOf(previousDue),
                        Timestamp.valueOf(LocalDateTime.now()), Date.valueOf(approvedDue))
                .update();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

package com.proposaldesk.proposal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.proposaldesk.member.Member;
import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.TransactionReads;

@Repository
public class ProposalRepository {

    private static final int WARNING_LENGTH = 500;
    /** The proposals read in the current transaction, by number, until this repository changes them. */
    private static final TransactionReads<String, Proposal> READ = new TransactionReads<>(ProposalRepository.class.getName() + ".read");
    /** A proposal with its lead member and its lists, in one statement (ARRAY(query): PostgreSQL and H2). */
    private static final String SELECT = """
            SELECT p.*, m.name AS member_name, m.sector AS member_sector, m.phone AS member_phone,
                   m.email AS member_email, m.district AS member_district,
                   ARRAY(SELECT c.name FROM pd_proposal_co_signer c WHERE c.proposal_id = p.id ORDER BY c.position) AS co_signers,
                   ARRAY(SELECT s.text FROM pd_proposal_suggestion s WHERE s.proposal_id = p.id ORDER BY s.position) AS suggestions,
                   ARRAY(SELECT e.unit_name FROM pd_proposal_external_unit e WHERE e.proposal_id = p.id ORDER BY e.position)
                       AS external_units,
                   ARRAY(SELECT a.department_code FROM pd_proposal_assisting_department a WHERE a.proposal_id = p.id
                         ORDER BY a.department_code) AS assisting_departments
            FROM pd_proposal p JOIN pd_member m ON m.id = p.lead_member_id""";

    private final JdbcClient jdbc;
    private final MemberRepository members;
    private final EngineClock clock;

    public ProposalRepository(JdbcClient jdbc, MemberRepository members, EngineClock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.clock = clock;
    }

    public boolean exists(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_proposal WHERE number = ?").param(number).query(Integer.class).single() > 0;
    }

    /** Inserts a proposal with its deadlines, member, co-signers, suggestions and external units; returns its id. */
    public long insert(NewProposal proposal, ProposalDeadlines deadlines) {
        long memberId = members.findOrCreate(proposal.leadMember());
        LocalDateTime now = clock.localNow();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pd_proposal (number, source, session_name, title, lead_member_id, role, key_proposal, assigned_on,
                       external_lead_unit, status, answer_due, sign_for_due, first_contact_due, hard_limit_due, calendar_warning,
                       created_at, updated_at)
                VALUES (:number, :source, :session, :title, :member, :role, :key, :assignedOn, :externalLead, :status, :answerDue,
                       :signForDue, :firstContactDue, :hardLimitDue, :calendarWarning, :now, :now)""")
                .param("number", proposal.number()).param("source", proposal.source().name())
                .param("session", proposal.sessionName()).param("title", proposal.title()).param("member", memberId)
                .param("role", proposal.role().name()).param("key", proposal.keyProposal())
                .param("assignedOn", Date.valueOf(proposal.assignedOn())).param("externalLead", proposal.externalLeadUnit())
                .param("status", ProposalStatus.REGISTERED.name()).param("answerDue", sqlDate(deadlines.answerDue()))
                .param("signForDue", sqlDate(deadlines.signForDue()))
                .param("firstContactDue", sqlDate(deadlines.firstContactDue()))
                .param("hardLimitDue", sqlDate(deadlines.hardLimitDue()))
                .param("calendarWarning", truncate(deadlines.warningText(), WARNING_LENGTH))
                .param("now", Timestamp.valueOf(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        insertList("pd_proposal_co_signer", "name", id, proposal.coSigners());
        insertList("pd_proposal_suggestion", "text", id, proposal.suggestions());
        insertList("pd_proposal_external_unit", "unit_name", id, proposal.externalCoUnits());
        return id;
    }

    private void insertList(String table, String column, long proposalId, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            jdbc.sql("INSERT INTO " + table + " (proposal_id, position, " + column + ") VALUES (?, ?, ?)")
                    .params(proposalId, i + 1, values.get(i)).update();
        }
    }

    /**
     * The proposal as stored. Within a transaction it is read once and kept until this repository changes it: one
     * task completion asks for it from several listeners. One statement reads it with its lead member, co-signers,
     * suggestions, external units and assisting departments ({@link #SELECT}).
     */
    public Optional<Proposal> find(String number) {
        Map<String, Proposal> read = READ.current();
        Proposal proposal = read == null ? null : read.get(number);
        if (proposal != null) {
            return Optional.of(proposal);
        }
        Optional<Proposal> found = jdbc.sql(SELECT + " WHERE p.number = ?").param(number).query(this::map).optional();
        if (read != null) {
            found.ifPresent(p -> read.put(number, p));
        }
        return found;
    }

    public Proposal get(String number) {
        return find(number).orElseThrow(() -> new ProposalNotFoundException(number));
    }

    public List<Proposal> findAll() {
        return jdbc.sql(SELECT + " ORDER BY p.number").query(this::map).list();
    }

    /** Per department, how many cases it leads that are not finished yet (均衡统筹原则). */
    public Map<String, Integer> openLeadCases() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT lead_department, COUNT(*) AS cases FROM pd_proposal
                WHERE lead_department IS NOT NULL AND status NOT IN ('CLOSED', 'WITHDRAWN')
                GROUP BY lead_department""")
                .query(rs -> {
                    counts.put(rs.getString("lead_department"), rs.getInt("cases"));
                });
        return counts;
    }

    /** The document number (文号) of the proposal's latest signed letter. */
    public void recordDocumentNumber(String number, String documentNumber) {
        update(number, "document_number = ?", documentNumber);
    }

    /** A proposal read in this transaction is kept, in its new status: a status follows every step. */
    public void updateStatus(String number, ProposalStatus status) {
        Map<String, Proposal> read = READ.current();
        Proposal before = read == null ? null : read.get(number);
        update(number, "status = ?", status.name());
        if (before != null) {
            read.put(number, before.withStatus(status));
        }
    }

    public void markSigned(String number, LocalDate signedOn, String userId) {
        update(number, "signed_on = ?", Date.valueOf(signedOn));
        jdbc.sql("INSERT INTO pd_sign_for (proposal_id, signed_on, signed_by, recorded_at) VALUES (?, ?, ?, ?)")
                .params(get(number).id(), Date.valueOf(signedOn), userId, Timestamp.valueOf(clock.localNow())).update();
    }

    /** A signing for the proposal (签收), as recorded. */
    public record SignFor(LocalDate signedOn, String signedBy, LocalDateTime recordedAt) {
    }

    public List<SignFor> signings(long proposalId) {
        return jdbc.sql("SELECT signed_on, signed_by, recorded_at FROM pd_sign_for WHERE proposal_id = ? ORDER BY id")
                .param(proposalId).query(SignFor.class).list();
    }

    public void changeRole(String number, ProposalRole role) {
        update(number, "role = ?", role.name());
    }

    /** The unit that leads a proposal the bureau co-handles: the addressee of its opinion letter. */
    public void changeExternalLeadUnit(String number, String externalLeadUnit) {
        update(number, "external_lead_unit = ?", externalLeadUnit);
    }

    /**
     * Locks the row of the proposal the process instance handles until the transaction ends, so that work on the
     * instance that must not run twice at once (its migration on two nodes) runs one after the other.
     *
     * @return false when no proposal names the process instance
     */
    public boolean lockByProcess(String processInstanceId) {
        return !jdbc.sql("SELECT id FROM pd_proposal WHERE process_instance_id = ? FOR UPDATE").param(processInstanceId)
                .query(Long.class).list().isEmpty();
    }

    public void linkProcess(String number, String processInstanceId) {
        update(number, "process_instance_id = ?", processInstanceId);
    }

    public void assign(String number, String leadDepartment, List<String> assisting) {
        long id = get(number).id();
        update(number, "lead_department = ?", leadDepartment);
        READ.forget(number);
        jdbc.sql("DELETE FROM pd_proposal_assisting_department WHERE proposal_id = ?").param(id).update();
        for (String code : assisting) {
            jdbc.sql("INSERT INTO pd_proposal_assisting_department (proposal_id, department_code) VALUES (?, ?)")
                    .params(id, code).update();
        }
    }

    public void extendAnswer(String number, LocalDate newDue) {
        update(number, "answer_due = ?", Date.valueOf(newDue));
    }

    public void setClassification(String number, String classification) {
        update(number, "reply_classification = ?", classification);
    }

    public void markReplied(String number, LocalDate repliedOn, boolean onTime) {
        update(number, "replied_on = ?", Date.valueOf(repliedOn));
        update(number, "replied_on_time = ?", onTime);
    }

    public void setEvaluation(String number, String evaluation) {
        update(number, "evaluation = ?", evaluation);
    }

    private void update(String number, String assignment, Object value) {
        READ.forget(number);
        int rows = jdbc.sql("UPDATE pd_proposal SET " + assignment + ", updated_at = ? WHERE number = ?")
                .params(value, Timestamp.valueOf(clock.localNow()), number).update();
        if (rows != 1) {
            throw new ProposalNotFoundException(number);
        }
    }

    private Proposal map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Member member = new Member(rs.getLong("lead_member_id"), rs.getString("member_name"), rs.getString("member_sector"),
                rs.getString("member_phone"), rs.getString("member_email"), rs.getString("member_district"));
        Boolean onTime = rs.getObject("replied_on_time") == null ? null : rs.getBoolean("replied_on_time");
        return new Proposal(id, rs.getString("number"), ProposalSource.valueOf(rs.getString("source")),
                rs.getString("session_name"), rs.getString("title"), member, strings(rs, "co_signers"),
                strings(rs, "suggestions"), ProposalRole.valueOf(rs.getString("role")), rs.getBoolean("key_proposal"),
                localDate(rs, "assigned_on"), rs.getString("external_lead_unit"), strings(rs, "external_units"),
                ProposalStatus.valueOf(rs.getString("status")), rs.getString("lead_department"),
                strings(rs, "assisting_departments"), localDate(rs, "answer_due"), localDate(rs, "signed_on"),
                localDate(rs, "replied_on"), onTime, rs.getString("reply_classification"), rs.getString("evaluation"),
                rs.getString("process_instance_id"), localDate(rs, "sign_for_due"), localDate(rs, "first_contact_due"),
                localDate(rs, "hard_limit_due"), rs.getString("calendar_warning"), rs.getString("document_number"));
    }

    /** A list read as an array column of {@link #SELECT}; empty when the proposal has none. */
    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}

package com.proposaldesk.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.communication.CommunicationStage;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.ProposalAccess;

/** The ledger's rows: the proposals that match, with first contacts, approved extensions and department names. */
@Repository
class LedgerQuery {

    private final JdbcClient jdbc;
    private final ProposalRepository proposals;
    private final DepartmentRepository departments;

    LedgerQuery(JdbcClient jdbc, ProposalRepository proposals, DepartmentRepository departments) {
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.departments = departments;
    }

    List<LedgerRow> rows(LedgerFilter filter, ProposalAccess.Scope scope) {
        return rowsOf(proposals.findAll().stream().filter(filter::matches)
                .filter(p -> scope.covers(p.leadDepartment(), p.assistingDepartments())).toList());
    }

    /** The rows of these proposals, in their order. */
    List<LedgerRow> rowsOf(List<Proposal> matches) {
        Map<Long, LocalDate> firstContacts = dates("""
                SELECT proposal_id, MIN(contact_date) AS on_date FROM pd_communication
                WHERE proposal_id IS NOT NULL AND stage = '%s' GROUP BY proposal_id""".formatted(
                CommunicationStage.BEFORE_HANDLING.name()));
        Map<Long, LocalDate> extensions = dates("""
                SELECT proposal_id, MAX(approved_due) AS on_date FROM pd_extension
                WHERE status = 'APPROVED' AND approved_due IS NOT NULL GROUP BY proposal_id""");
        Map<String, String> names = new HashMap<>();
        return matches.stream()
                .map(p -> new LedgerRow(p, p.leadDepartment() == null ? null : name(names, p.leadDepartment()),
                        p.assistingDepartments().stream().map(code -> name(names, code)).toList(),
                        firstContacts.get(p.id()), extensions.get(p.id())))
                .toList();
    }

    private String name(Map<String, String> names, String code) {
        return names.computeIfAbsent(code, departments::nameOf);
    }

    private Map<Long, LocalDate> dates(String sql) {
        Map<Long, LocalDate> dates = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            dates.put(rs.getLong("proposal_id"), rs.getDate("on_date").toLocalDate());
        });
        return dates;
    }
}

package com.proposaldesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.report.SummaryQueries.RoleFigures;

/** Assembles the year-end summary from a handful of aggregate queries. */
@Service
public class AnnualSummaries {

    private final SummaryQueries queries;
    private final TypicalCaseRepository typicalCases;
    private final SelfScorer scorer;

    public AnnualSummaries(SummaryQueries queries, TypicalCaseRepository typicalCases, SelfScorer scorer) {
        this.queries = queries;
        this.typicalCases = typicalCases;
        this.scorer = scorer;
    }

    @Transactional(readOnly = true)
    public AnnualSummary summarise(ReportScope scope) {
        Map<ProposalRole, RoleFigures> roles = queries.byRole(scope);
        List<AnnualSummary.RoleCount> byRole = new ArrayList<>();
        RoleFigures all = RoleFigures.NONE;
        RoleFigures answered = RoleFigures.NONE;
        for (ProposalRole role : ProposalRole.values()) {
            RoleFigures figures = roles.get(role);
            byRole.add(new AnnualSummary.RoleCount(role.name(), role.label(), figures.total()));
            all = all.plus(figures);
            if (role.answersMember()) {
                answered = answered.plus(figures);
            }
        }
        List<AnnualSummary.Pending> pendingAnswered = new ArrayList<>();
        List<AnnualSummary.Pending> pendingCoHandled = new ArrayList<>();
        for (AnnualSummary.Pending pending : queries.pending(scope)) {
            (ProposalRole.CO_HANDLING.name().equals(pending.role()) ? pendingCoHandled : pendingAnswered).add(pending);
        }
        RoleFigures coHandled = roles.get(ProposalRole.CO_HANDLING);
        return new AnnualSummary(
                new AnnualSummary.Scope(scope.year(), scope.session(), scope.label()),
                all.total(), byRole,
                new AnnualSummary.Answered(answered.total(), answered.replied(), answered.onTime(), answered.late(),
                        pendingAnswered),
                new AnnualSummary.Evaluations(answered.satisfied(), answered.basicallySatisfied(), answered.unsatisfied(),
                        answered.total() - answered.satisfied() - answered.basicallySatisfied() - answered.unsatisfied()),
                new AnnualSummary.CoHandling(coHandled.total(), coHandled.replied(), coHandled.onTime(), coHandled.late(),
                        pendingCoHandled),
                all.replied(),
                queries.keyProposals(scope),
                queries.extensions(scope),
                queries.departments(scope),
                typicalCases.inScope(scope),
                scorer.score(scope));
    }
}

package com.proposaldesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.support.ProposalDeskSpringTest;

/** Pending reasons, per-department workload and deductions, on a small year of its own (2019). */
@ProposalDeskSpringTest
class SummaryFiguresTest {

    private static final ReportScope YEAR = new ReportScope(2019, null);
    private static final LocalDate ASSIGNED = LocalDate.of(2019, 3, 1);
    private static final LocalDate DUE = LocalDate.of(2019, 6, 1);

    @Autowired
    AnnualSummaries summaries;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void year2019() {
        if (jdbc.sql("SELECT COUNT(*) FROM pd_proposal WHERE number LIKE 'S2019-%'").query(Integer.class).single() > 0) {
            return;
        }
        SummaryRows rows = new SummaryRows(jdbc);
        String session = "市政协六届四次会议";
        long key = rows.proposal("S2019-A", session, ProposalRole.LEAD, true, ASSIGNED, DUE, null, null, null, "food",
                List.of("ip"));
        rows.communication(key, "BEFORE_HANDLING");
        long extended = rows.proposal("S2019-B", session, ProposalRole.SOLE, false, ASSIGNED, DUE, null, null, null, "food",
                List.of());
        rows.communication(extended, "BEFORE_HANDLING");
        rows.approvedExtension(extended, DUE, DUE.plusMonths(3));
        rows.proposal("S2019-C", session, ProposalRole.SPLIT, false, ASSIGNED, DUE, null, null, null, "ip",
                List.of("food", "standards"));
        rows.proposal("S2019-D", session, ProposalRole.LEAD, false, ASSIGNED, DUE, DUE.plusDays(3), false, "UNSATISFIED",
                "food", List.of());
        rows.proposal("S2019-E", session, ProposalRole.SOLE, false, ASSIGNED, DUE, DUE.minusDays(3), true,
                "BASICALLY_SATISFIED", "drugs", List.of());
        rows.proposal("S2019-F", session, ProposalRole.CO_HANDLING, false, ASSIGNED, DUE, null, null, null, null, List.of());
        rows.proposal("S2018-Z", session, ProposalRole.LEAD, false, LocalDate.of(2018, 12, 31), DUE, null, null, null, "food",
                List.of());
    }

    @Test
    void pendingProposalsSayWhyTheyAreOpen() {
        AnnualSummary summary = summaries.summarise(YEAR);

        assertThat(summary.total()).isEqualTo(6);
        assertThat(summary.answered().pending()).extracting(AnnualSummary.Pending::number, AnnualSummary.Pending::reason)
                .containsExactly(tuple("S2019-A", "重点提案办理中"),
                        tuple("S2019-B", "已批准延期"),
                        tuple("S2019-C", "办理中"));
        assertThat(summary.coHandling().pending()).extracting(AnnualSummary.Pending::reason).containsExactly("办理中");
        assertThat(summary.answered().onTime()).isEqualTo(1);
        assertThat(summary.answered().late()).isEqualTo(1);
        assertThat(summary.evaluations()).isEqualTo(new AnnualSummary.Evaluations(0, 1, 1, 3));
    }

    @Test
    void workloadCountsLeadAndAssistingCasesPerDepartment() {
        AnnualSummary summary = summaries.summarise(YEAR);

        assertThat(summary.departments()).containsExactly(
                new AnnualSummary.DepartmentWorkload("food", "食品安全处", 3, 1),
                new AnnualSummary.DepartmentWorkload("ip", "知识产权处", 1, 1),
                new AnnualSummary.DepartmentWorkload("drugs", "药品医疗器械处", 1, 0),
                new AnnualSummary.DepartmentWorkload("standards", "标准化处", 0, 1));
    }

    @Test
    void everyDeductionHasItsReason() {
        SelfScore score = summaries.summarise(YEAR).selfScore();

        assertThat(score.criteria()).extracting(SelfScore.Item::name, SelfScore.Item::points, SelfScore.Item::max)
                .containsExactly(tuple("办理时效", 0, 20),
                        tuple("答复质量", 40, 50),
                        tuple("办理成效", 10, 30),
                        tuple("沟通率", 0, 0));
        assertThat(score.total()).isEqualTo(50);
        assertThat(score.criteria().get(0).reasons()).containsExactly("第S2019-D号提案未按时答复", "本项要求全部达标，扣20分");
        assertThat(score.criteria().get(1).reasons()).containsExactly("第S2019-D号提案委员评价不满意，扣10分");
        assertThat(score.criteria().get(2).reasons())
                .containsExactly("第S2019-A号提案已超过答复期限仍未答复且未获批延期，扣10分",
                        "第S2019-C号提案已超过答复期限仍未答复且未获批延期，扣10分");
        assertThat(score.criteria().get(3).met()).isFalse();
        assertThat(score.criteria().get(3).reasons()).containsExactly("第S2019-C号提案没有“先沟通后办理”记录",
                "第S2019-D号提案没有“先沟通后办理”记录", "第S2019-E号提案没有“先沟通后办理”记录", "本项要求全部达标，未达标");
    }
}

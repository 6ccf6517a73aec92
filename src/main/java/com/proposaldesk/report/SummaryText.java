package com.proposaldesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The sentences of the summary draft, in the words the bureau's summaries use. */
final class SummaryText {

    private final AnnualSummary summary;
    private final String session;

    SummaryText(AnnualSummary summary) {
        this.summary = summary;
        this.session = summary.scope().session() == null ? "" : summary.scope().session();
    }

    String title() {
        AnnualSummary.Scope scope = summary.scope();
        String period = scope.year() != null ? scope.year() + "年度" : scope.session();
        return "市市场监管局" + period + "政协提案办理工作总结";
    }

    String opening() {
        return "根据市政协办公厅有关通知要求，现将我局办理的" + summary.scope().label() + "政协提案有关情况总结如下：";
    }

    List<String> basics() {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(overview());
        paragraphs.add(keyProposals());
        if (!summary.extensions().numbers().isEmpty()) {
            paragraphs.add("经批准延期办理的提案" + summary.extensions().numbers().size() + "件，为"
                    + numbers(summary.extensions().numbers(), "提案") + "。");
        }
        if (!summary.departments().isEmpty()) {
            paragraphs.add("各单位办理情况：" + summary.departments().stream()
                    .map(d -> d.name() + "牵头" + d.leadCases() + "件、协办" + d.assistingCases() + "件")
                    .collect(Collectors.joining("；")) + "。");
        }
        return paragraphs;
    }

    private String overview() {
        StringBuilder text = new StringBuilder(summary.scope().label()).append("，分派至我局办理的政协提案（以下称“提案”）共")
                .append(summary.total()).append("件，");
        List<AnnualSummary.Pending> pending = new ArrayList<>(summary.answered().pending());
        pending.addAll(summary.coHandling().pending());
        if (pending.isEmpty()) {
            text.append("均已完成答复工作。");
        } else {
            text.append("除").append(pending.size()).append("件提案（").append(pending.stream()
                            .map(p -> session + "第" + p.number() + "号" + (p.keyProposal() ? "重点" : "") + "提案，" + p.reason())
                            .collect(Collectors.joining("；")))
                    .append("）外，其余").append(summary.repliedInAll()).append("件提案均已完成答复工作。");
        }
        AnnualSummary.Answered answered = summary.answered();
        text.append("其中，我局负责主办答复的").append(answered.total()).append("件提案（")
                .append(summary.byRole().stream().filter(r -> !"CO_HANDLING".equals(r.role()))
                        .map(r -> r.label() + r.count() + "件").collect(Collectors.joining("，")))
                .append("），已有").append(summary.evaluations().satisfied()).append("件获得领衔委员的满意评价");
        if (summary.evaluations().basicallySatisfied() > 0) {
            text.append("，").append(summary.evaluations().basicallySatisfied()).append("件评价为基本满意");
        }
        if (summary.evaluations().unsatisfied() > 0) {
            text.append("，").append(summary.evaluations().unsatisfied()).append("件评价为不满意");
        }
        AnnualSummary.CoHandling co = summary.coHandling();
        if (co.total() > 0) {
            text.append("；其余").append(co.total()).append("件会办件");
            if (co.lettersSent() == co.total() && co.late() == 0) {
                text.append("均已按时函复市各牵头单位");
            } else {
                text.append("已函复市各牵头单位").append(co.lettersSent()).append("件（其中按时").append(co.onTime()).append("件）");
            }
        }
        return text.append("。").toString();
    }

    private String keyProposals() {
        AnnualSummary.KeyProposals key = summary.keyProposals();
        return "重点提案办理方面，我局负责主办的重点提案有" + key.led() + "件"
                + (key.ledNumbers().isEmpty() ? "" : "，为" + numbers(key.ledNumbers(), "重点提案"))
                + "；会办（协办）重点提案有" + key.coHandled() + "件"
                + (key.coHandledNumbers().isEmpty() ? "" : "，为" + numbers(key.coHandledNumbers(), "重点提案")) + "。";
    }

    private String numbers(List<String> numbers, String noun) {
        return numbers.stream().map(n -> session + "第" + n + "号" + noun).collect(Collectors.joining("、"));
    }

    List<String> typicalCases() {
        List<String> paragraphs = new ArrayList<>();
        for (AnnualSummary.TypicalCase typical : summary.typicalCases()) {
            StringBuilder text = new StringBuilder("根据《").append(typical.title()).append("》（第").append(typical.number())
                    .append("号）的有关建议");
            if (!typical.suggestions().isEmpty()) {
                text.append("（").append(String.join("；", typical.suggestions())).append("）");
            }
            paragraphs.add(text.append("，").append(typical.achievements()).toString());
        }
        return paragraphs;
    }

    List<String> selfScore() {
        SelfScore score = summary.selfScore();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("根据“政协提案办理”绩效指标评分标准，我局自评绩效得分为" + score.total() + "分"
                + (score.total() == score.max() ? "，为满分。" : "（满分" + score.max() + "分）。"));
        for (SelfScore.Item item : score.criteria()) {
            String line = item.name() + "：" + item.points() + "分（满分" + item.max() + "分）";
            paragraphs.add(item.reasons().isEmpty() ? line + "，达标。" : line + "。" + String.join("；", item.reasons()) + "。");
        }
        return paragraphs;
    }
}

package com.proposaldesk.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.CalendarProperties;
import com.proposaldesk.report.SelfScoreProperties.Criterion;

/** Scores the bureau's handling against the configured criteria, one query per criterion. */
@Component
public class SelfScorer {

    private final SelfScoreProperties properties;
    private final SummaryQueries queries;
    private final ZoneId zone;

    public SelfScorer(SelfScoreProperties properties, SummaryQueries queries, CalendarProperties calendar) {
        this.properties = properties;
        this.queries = queries;
        this.zone = calendar.zone();
    }

    public SelfScore score(ReportScope scope) {
        List<SelfScore.Item> items = new ArrayList<>();
        for (Criterion criterion : properties.criteria()) {
            items.add(switch (criterion.measure()) {
                case ON_TIME -> allOrNothing(criterion, queries.answeredLate(scope), "第%s号提案未按时答复");
                case COMMUNICATION -> allOrNothing(criterion, queries.answeredWithoutCommunication(scope),
                        "第%s号提案没有“先沟通后办理”记录");
                case EVALUATION -> evaluation(criterion, scope);
                case OVERDUE -> perCase(criterion, queries.answeredOverdue(scope, LocalDate.now(zone)),
                        "第%s号提案已超过答复期限仍未答复且未获批延期", criterion.perCase());
            });
        }
        int total = items.stream().mapToInt(SelfScore.Item::points).sum();
        int max = items.stream().mapToInt(SelfScore.Item::max).sum();
        return new SelfScore(total, max, items);
    }

    private static SelfScore.Item allOrNothing(Criterion criterion, List<String> failing, String reason) {
        if (failing.isEmpty()) {
            return new SelfScore.Item(criterion.name(), criterion.points(), criterion.points(), true, List.of());
        }
        List<String> reasons = new ArrayList<>();
        for (String number : failing) {
            reasons.add(reason.formatted(number));
        }
        reasons.add(criterion.points() > 0 ? "本项要求全部达标，扣" + criterion.points() + "分" : "本项要求全部达标，未达标");
        return new SelfScore.Item(criterion.name(), 0, criterion.points(), false, reasons);
    }

    private SelfScore.Item evaluation(Criterion criterion, ReportScope scope) {
        List<String> reasons = new ArrayList<>();
        int deducted = 0;
        for (String[] row : queries.answeredNotSatisfied(scope)) {
            boolean unsatisfied = "UNSATISFIED".equals(row[1]);
            int points = unsatisfied ? criterion.perUnsatisfied() : criterion.perBasicallySatisfied();
            if (points > 0) {
                deducted += points;
                reasons.add("第" + row[0] + "号提案委员评价" + (unsatisfied ? "不满意" : "基本满意") + "，扣" + points + "分");
            }
        }
        return item(criterion, deducted, reasons);
    }

    private static SelfScore.Item perCase(Criterion criterion, List<String> numbers, String reason, int points) {
        List<String> reasons = new ArrayList<>();
        int deducted = 0;
        if (points > 0) {
            for (String number : numbers) {
                deducted += points;
                reasons.add(reason.formatted(number) + "，扣" + points + "分");
            }
        }
        return item(criterion, deducted, reasons);
    }

    private static SelfScore.Item item(Criterion criterion, int deducted, List<String> reasons) {
        int points = Math.max(0, criterion.points() - deducted);
        return new SelfScore.Item(criterion.name(), points, criterion.points(), deducted == 0, reasons);
    }
}

package com.proposaldesk.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.springframework.stereotype.Component;

import com.proposaldesk.assignment.Recommendation.Principle;

/**
 * Applies the four principles in order: the department most related to the proposal's subject; the
 * department responsible for most suggestion items; on a tie, the department of the first suggestion;
 * still tied, the one with fewest open lead cases. Every other department responsible for an item assists.
 */
@Component
public class AssignmentRecommender {

    private final ResponsibilityCatalogue catalogue;

    public AssignmentRecommender(ResponsibilityCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param names           department code to Chinese name, for the explanation
     * @param openLeadCases   department code to the number of open cases it leads
     */
    public Recommendation recommend(String title, List<String> suggestions, Map<String, String> names,
            Map<String, Integer> openLeadCases) {
        List<ResponsibilityCatalogue.Area> areas = catalogue.areas().stream().filter(a -> names.containsKey(a.department())).toList();
        Map<String, Integer> titleHits = new LinkedHashMap<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        for (ResponsibilityCatalogue.Area area : areas) {
            titleHits.put(area.department(), area.hits(title == null ? "" : title));
            items.put(area.department(), 0);
        }
        List<String> itemDepartments = new ArrayList<>();
        for (String suggestion : suggestions) {
            String owner = owner(areas, suggestion);
            itemDepartments.add(owner);
            if (owner != null) {
                items.merge(owner, 1, Integer::sum);
            }
        }
        Set<String> involved = new LinkedHashSet<>();
        titleHits.forEach((code, hits) -> { if (hits > 0) involved.add(code); });
        items.forEach((code, count) -> { if (count > 0) involved.add(code); });
        if (involved.isEmpty()) {
            return Recommendation.none();
        }
        Function<String, String> name = names::get;
        List<String> candidates = new ArrayList<>(involved);

        List<String> byTitle = best(candidates, titleHits::get);
        if (byTitle.size() == 1 && titleHits.get(byTitle.get(0)) > 0) {
            String lead = byTitle.get(0);
            return result(lead, involved, Principle.MOST_RELATED, "提案标题与" + name.apply(lead) + "的职责关联度最高（命中 "
                    + titleHits.get(lead) + " 个职责关键词）");
        }
        if (titleHits.get(byTitle.get(0)) > 0) {
            candidates = byTitle;
        }
        List<String> byItems = best(candidates, items::get);
        int total = suggestions.size();
        if (byItems.size() == 1 && items.get(byItems.get(0)) > 0) {
            String lead = byItems.get(0);
            return result(lead, involved, Principle.MOST_SUGGESTIONS, name.apply(lead) + "负责 " + total + " 项建议中的 "
                    + items.get(lead) + " 项");
        }
        List<String> tied = byItems;
        String first = itemDepartments.isEmpty() ? null : itemDepartments.get(0);
        if (first != null && tied.contains(first)) {
            return result(first, involved, Principle.FIRST_SUGGESTION, describeTie(tied, items, total, name)
                    + "，第一项建议由" + name.apply(first) + "负责");
        }
        String lead = tied.stream().min(Comparator.comparingInt((String code) -> openLeadCases.getOrDefault(code, 0))
                .thenComparingInt(tied::indexOf)).orElseThrow();
        return result(lead, involved, Principle.BALANCED_WORKLOAD, describeTie(tied, items, total, name) + "，"
                + name.apply(lead) + "当前主办在办提案最少（" + openLeadCases.getOrDefault(lead, 0) + " 件）");
    }

    private static String describeTie(List<String> tied, Map<String, Integer> items, int total, Function<String, String> name) {
        return tied.stream().map(name).reduce((a, b) -> a + "、" + b).orElse("") + "关联度相同，各负责 " + total + " 项建议中的 "
                + items.get(tied.get(0)) + " 项";
    }

    private static Recommendation result(String lead, Set<String> involved, Principle principle, String reason) {
        List<String> assisting = involved.stream().filter(code -> !code.equals(lead)).toList();
        return new Recommendation(lead, assisting, principle, principle.label() + "：" + reason);
    }

    /** The department whose keywords a suggestion mentions most; the catalogue's first on a tie; null if none. */
    private static String owner(List<ResponsibilityCatalogue.Area> areas, String suggestion) {
        String owner = null;
        int most = 0;
        for (ResponsibilityCatalogue.Area area : areas) {
            int hits = area.hits(suggestion);
            if (hits > most) {
                most = hits;
                owner = area.department();
            }
        }
        return owner;
    }

    private static List<String> best(List<String> candidates, ToIntFunction<String> score) {
        int max = candidates.stream().mapToInt(score).max().orElse(0);
        return candidates.stream().filter(code -> score.applyAsInt(code) == max).toList();
    }
}

package com.proposaldesk.assignment;

import java.util.List;

/** A proposed assignment and the principle (四大原则) that decided its lead department. */
public record Recommendation(String lead, List<String> assisting, Principle principle, String explanation) {

    public enum Principle {
        MOST_RELATED("最大关联度原则"),
        MOST_SUGGESTIONS("建议事项多数原则"),
        FIRST_SUGGESTION("首项建议牵头原则"),
        BALANCED_WORKLOAD("均衡统筹原则"),
        NONE("无法推荐");

        private final String label;

        Principle(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Recommendation none() {
        return new Recommendation(null, List.of(), Principle.NONE, "未能从提案标题和建议事项中识别出对口处室，请提案办人工分派。");
    }
}

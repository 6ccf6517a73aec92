package com.proposaldesk.report;

import java.util.List;

/** The self-score (自评) against the configured criteria, with the reason for every deduction. */
public record SelfScore(int total, int max, List<Item> criteria) {

    /** One criterion; {@code met} is false when anything was deducted or a requirement failed. */
    public record Item(String name, int points, int max, boolean met, List<String> reasons) {
    }
}

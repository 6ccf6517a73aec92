package com.proposaldesk.search;

import java.util.List;

/** One page of a search: {@code {"items": [...], "total": N, "page": 0, "size": 20}}. */
public record SearchResult(List<ProposalHit> items, long total, int page, int size) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}

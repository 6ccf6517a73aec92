package com.proposaldesk.importing;

import java.util.List;

/** What a successful import registered: every proposal of the file, each with its own process. */
public record ImportResult(String message, int count, List<String> numbers) {
}

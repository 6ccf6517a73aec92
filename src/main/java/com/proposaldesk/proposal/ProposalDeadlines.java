package com.proposaldesk.proposal;

import java.time.LocalDate;
import java.util.List;

/**
 * The deadlines fixed when a proposal is assigned, with the calendar warnings of the years they touch.
 * {@code firstContactDue} is null when the bureau only co-handles and does not contact the member.
 */
public record ProposalDeadlines(
        LocalDate signForDue,
        LocalDate objectionDue,
        LocalDate firstContactDue,
        LocalDate coHandlerOpinionDue,
        LocalDate answerDue,
        LocalDate hardLimitDue,
        List<String> warnings) {

    public ProposalDeadlines {
        warnings = List.copyOf(warnings);
    }

    /** The warnings as one line, or null when there is none. */
    public String warningText() {
        return warnings.isEmpty() ? null : String.join("；", warnings);
    }
}

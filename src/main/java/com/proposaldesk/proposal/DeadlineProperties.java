package com.proposaldesk.proposal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Default time limits counted from the assigned date (DOMAIN.md); configurable per installation. */
@ConfigurationProperties("proposal-desk.deadlines")
public record DeadlineProperties(
        @DefaultValue("3") int answerMonths,
        @DefaultValue("1") int coHandlingOpinionMonths) {
}

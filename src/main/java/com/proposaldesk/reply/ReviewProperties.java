package com.proposaldesk.reply;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bureau's review rules, {@code proposal-desk.review}.
 *
 * @param coSignByAssisting the assisting departments co-sign (会签) the lead department's draft before the review chain
 */
@ConfigurationProperties("proposal-desk.review")
public record ReviewProperties(boolean coSignByAssisting) {
}

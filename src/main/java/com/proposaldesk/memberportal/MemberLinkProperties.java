package com.proposaldesk.memberportal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The links members receive by e-mail ({@code proposal-desk.member-links}).
 *
 * @param secret             the HMAC key that signs every link (PROPOSAL_DESK_MEMBER_LINK_SECRET, at least 32
 *                           characters); blank only in the demo and test profiles, where a random one is drawn at start
 * @param baseUrl            the address members reach the application at; links are {@code <baseUrl>/member/<token>}
 * @param progressValidity   how long a progress link sent at the assignment stays valid
 * @param agreementValidity  how long a link to agree with the draft reply stays valid
 * @param evaluationValidity how long a link to evaluate the reply stays valid
 * @param requestsPerMinute  member-page requests one client address may make per minute; more get 429
 */
@ConfigurationProperties("proposal-desk.member-links")
public record MemberLinkProperties(String secret, String baseUrl, Duration progressValidity, Duration agreementValidity,
        Duration evaluationValidity, Integer requestsPerMinute) {

    public MemberLinkProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip().replaceAll("/+$", "");
        progressValidity = progressValidity == null ? Duration.ofDays(365) : progressValidity;
        agreementValidity = agreementValidity == null ? Duration.ofDays(30) : agreementValidity;
        evaluationValidity = evaluationValidity == null ? Duration.ofDays(60) : evaluationValidity;
        requestsPerMinute = requestsPerMinute == null ? 30 : requestsPerMinute;
    }

    Duration validity(LinkPurpose purpose) {
        return switch (purpose) {
            case PROGRESS -> progressValidity;
            case AGREEMENT -> agreementValidity;
            case EVALUATION -> evaluationValidity;
        };
    }
}

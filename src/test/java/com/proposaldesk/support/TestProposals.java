package com.proposaldesk.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.RegistrationRequest;

/** Registration requests as the city's assignment list would bring them, each with its own number and member. */
public final class TestProposals {

    /** The assigned date of every test proposal; the answer is due three months later, on 2025-07-10. */
    public static final String ASSIGNED_ON = "2025-04-10";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestProposals() {
    }

    /** A number no other test uses in this JVM (the tests share one database). */
    public static String newNumber(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
    }

    public static RegistrationRequest request(String number, ProposalRole role, boolean key, List<String> externalCoUnits) {
        return new RegistrationRequest(number, "CPPCC", "市政协七届三次会议", "关于加强校园周边食品安全监管的提案（" + number + "）",
                new RegistrationRequest.LeadMember("委员" + number, "民盟", "member-" + number.toLowerCase() + "@example.cn",
                        "13800000000", "和平区"),
                List.of("王五", "赵六"),
                List.of("建立校园周边食品经营者台账", "开展季度联合检查", "公开抽检结果"),
                role.name(), key, ASSIGNED_ON,
                role == ProposalRole.CO_HANDLING ? "市教育局" : null, externalCoUnits);
    }

    public static RegistrationRequest request(String number, ProposalRole role) {
        return request(number, role, false, List.of());
    }
}

package com.proposaldesk.memberportal;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;

import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.member.MemberRequest;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** A proposal with a lead member and one co-signer the registry knows, both with an e-mail, walked to where members answer. */
final class MemberProposals {

    private final ProposalSteps steps;
    private final MemberRepository members;

    MemberProposals(ProposalSteps steps, MemberRepository members) {
        this.steps = steps;
        this.members = members;
    }

    /** The number's proposal: lead member 委员<number>, co-signer 联名<number> (e-mail cosigner-<number>@example.cn). */
    ProcessInstance register(String number) {
        String coSigner = coSignerOf(number);
        members.insert(new MemberRequest(coSigner, "民建", null, "cosigner-" + number.toLowerCase() + "@example.cn", "和平区",
                null, null));
        RegistrationRequest base = TestProposals.request(number, ProposalRole.SOLE);
        return steps.register(new RegistrationRequest(base.number(), base.source(), base.session(), base.title(),
                base.leadMember(), List.of(coSigner), base.suggestions(), base.role(), base.key(),
                base.assignedOn(), base.externalLeadUnit(), base.externalCoUnits()));
    }

    static String coSignerOf(String number) {
        return "联名" + number;
    }

    /** Signed for, assigned to 食品安全处, first contact, draft (class A) reviewed and signed: at 先沟通后答复. */
    void toCommunicateBeforeReply(ProcessInstance pi) {
        steps.toDraftReply(pi);
        draftAndSign(pi);
    }

    /** From 办理并起草答复: the draft (class A) reviewed and signed, on to 先沟通后答复. */
    void draftAndSign(ProcessInstance pi) {
        steps.draftReply(pi, "A");
        steps.approve(pi, ProcessElements.TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, ProcessElements.TASK_REVIEW_OFFICE);
        steps.approve(pi, ProcessElements.TASK_SIGN_OFF_LEADER);
    }

    /** On from 先沟通后答复 (the handler records the member's agreement) through the formal reply: at 登记委员评价. */
    void toRecordEvaluation(ProcessInstance pi) {
        toCommunicateBeforeReply(pi);
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-06-20");
    }
}

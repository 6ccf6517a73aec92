package com.proposaldesk.process;

import java.util.Set;

/** Names of the routing variables; see processes/README.md. */
public final class ProcessVariables {

    public static final String PROPOSAL_NUMBER = "proposalNumber";
    public static final String PROPOSAL_TITLE = "proposalTitle";
    public static final String ROLE = "role";
    public static final String KEY_PROPOSAL = "keyProposal";
    public static final String OBJECTION_REQUESTED = "objectionRequested";
    public static final String OBJECTION_OUTCOME = "objectionOutcome";
    public static final String LEAD_DEPARTMENT = "leadDepartment";
    public static final String ASSISTING_DEPARTMENTS = "assistingDepartments";
    public static final String ASSISTING_DEPARTMENT = "assistingDepartment";
    public static final String EXTERNAL_CO_UNITS = "externalCoUnits";
    public static final String EXTERNAL_UNIT = "externalUnit";
    public static final String LEADER_GROUP = "leaderGroup";
    public static final String CO_SIGN_REQUIRED = "coSignRequired";
    public static final String CO_SIGN_DUE = "coSignDue";
    public static final String REVIEW_APPROVED = "reviewApproved";
    public static final String MEMBER_EXPECTED_SATISFIED = "memberExpectedSatisfied";
    public static final String EVALUATION = "evaluation";
    public static final String REPLY_CLASSIFICATION = "replyClassification";
    public static final String COMMITMENT_DONE = "commitmentDone";
    public static final String HANDLING_ROUND = "handlingRound";
    public static final String HANDLING_DUE = "handlingDue";
    public static final String EXTENSION_APPROVED = "extensionApproved";
    public static final String DISPUTE_REASSIGNED = "disputeReassigned";

    /** Every name above: what the models and the gateways read from the process. */
    public static final Set<String> ALL = Set.of(PROPOSAL_NUMBER, PROPOSAL_TITLE, ROLE, KEY_PROPOSAL, OBJECTION_REQUESTED,
            OBJECTION_OUTCOME, LEAD_DEPARTMENT, ASSISTING_DEPARTMENTS, ASSISTING_DEPARTMENT, EXTERNAL_CO_UNITS, EXTERNAL_UNIT,
            LEADER_GROUP, CO_SIGN_REQUIRED, CO_SIGN_DUE, REVIEW_APPROVED, MEMBER_EXPECTED_SATISFIED, EVALUATION,
            REPLY_CLASSIFICATION, COMMITMENT_DONE, HANDLING_ROUND, HANDLING_DUE, EXTENSION_APPROVED, DISPUTE_REASSIGNED);

    private ProcessVariables() {
    }
}

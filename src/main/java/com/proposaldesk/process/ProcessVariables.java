package com.proposaldesk.process;

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

    private ProcessVariables() {
    }
}

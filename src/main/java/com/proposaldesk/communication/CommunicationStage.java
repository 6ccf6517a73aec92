package com.proposaldesk.communication;

/** When the contact happened: 先沟通后办理, 先沟通后答复, or liaison outside a proposal. */
public enum CommunicationStage {
    BEFORE_HANDLING, BEFORE_REPLY, LIAISON
}

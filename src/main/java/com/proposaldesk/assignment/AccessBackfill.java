package com.proposaldesk.assignment;

import java.util.Set;

import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.EngineAuthorizations;
import com.proposaldesk.security.ProposalAccess;

/**
 * Gives the departments of proposals assigned before authorization was switched on (an upgraded database) the
 * access that {@link AssignForm} grants today. Runs at every start-up and finds nothing to do once done.
 */
@Component
class AccessBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(AccessBackfill.class);

    private final ProposalRepository proposals;
    private final ProposalAccess access;
    private final EngineAuthorizations grants;

    AccessBackfill(ProposalRepository proposals, ProposalAccess access, EngineAuthorizations grants) {
        this.proposals = proposals;
        this.access = access;
        this.grants = grants;
    }

    @EventListener(ApplicationStartedEvent.class)
    void grantMissing() {
        Set<String> granted = grants.resourcesGranted(Resources.PROCESS_INSTANCE);
        int backfilled = 0;
        for (Proposal proposal : proposals.findAll()) {
            String instance = proposal.processInstanceId();
            if (instance != null && proposal.leadDepartment() != null && !granted.contains(instance)) {
                access.grantDepartments(instance, proposal.leadDepartment(), proposal.assistingDepartments());
                backfilled++;
            }
        }
        if (backfilled > 0) {
            LOG.info("Granted their departments access to {} proposals assigned before authorization was enabled", backfilled);
        }
    }
}

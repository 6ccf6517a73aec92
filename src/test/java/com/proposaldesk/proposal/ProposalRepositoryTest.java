package com.proposaldesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** The proposal as read within one transaction follows the changes made in it. */
@ProposalDeskSpringTest
class ProposalRepositoryTest {

    @Autowired
    ProposalRepository proposals;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aProposalReadInTheTransactionShowsItsNewStatusAndItsOtherChanges() {
        String number = TestProposals.newNumber("REPO");
        new ProposalSteps(engine, registration).register(TestProposals.request(number, ProposalRole.SOLE));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Proposal before = proposals.get(number);
            proposals.updateStatus(number, ProposalStatus.HANDLING);
            assertThat(proposals.get(number)).isEqualTo(before.withStatus(ProposalStatus.HANDLING));
            proposals.setClassification(number, "A");
            assertThat(proposals.get(number).replyClassification()).isEqualTo("A");
            assertThat(proposals.get(number).status()).isEqualTo(ProposalStatus.HANDLING);
        });

        Proposal stored = proposals.get(number);
        assertThat(stored.status()).isEqualTo(ProposalStatus.HANDLING);
        assertThat(stored.replyClassification()).isEqualTo("A");
    }
}

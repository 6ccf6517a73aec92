package com.proposaldesk.letter;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ProposalDeskSpringTest;

/** Document numbers (文号) on H2: consecutive under parallel sign-offs, no gap after a rollback. */
@ProposalDeskSpringTest
class LetterNumberingTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    DocumentNumbers numbers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private LetterNumberingChecks checks;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        checks = new LetterNumberingChecks(engine, registration, proposals, numbers, jdbc, transactions);
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
    }

    @Test
    void numbersTakenAtOnceAreConsecutiveAndRolledBackOnesAreReused() throws Exception {
        checks.numbersTakenAtOnceAreConsecutiveAndRolledBackOnesAreReused(24);
    }

    @Test
    void parallelSignOffsGetConsecutiveNumbers() throws Exception {
        checks.parallelSignOffsGetConsecutiveNumbers(6);
    }

    @Test
    void aRolledBackSignOffGivesItsNumberBack() {
        checks.aRolledBackSignOffGivesItsNumberBack();
    }
}

package com.proposaldesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.PostgresTestDatabase;

/** Document numbers (文号) and stored letters on PostgreSQL: migration V14, row locks across parallel sign-offs, rollback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LetterNumberingPostgresIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

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
    @Autowired
    ReplyLetters letters;

    private LetterNumberingChecks checks;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
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
    void parallelSignOffsGetConsecutiveNumbersAndTheirLettersAreStored() throws Exception {
        List<String> signed = checks.parallelSignOffsGetConsecutiveNumbers(8);
        for (String number : signed) {
            String documentNumber = proposals.get(number).documentNumber();
            try (PDDocument pdf = Loader.loadPDF(letters.pdf(number).content())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains(documentNumber, "X市市场监督管理局");
            }
        }
    }

    @Test
    void aRolledBackSignOffGivesItsNumberBack() {
        checks.aRolledBackSignOffGivesItsNumberBack();
    }
}

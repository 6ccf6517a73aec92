package com.proposaldesk.letter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-year counter of the letters' document numbers (文号). {@link #next} raises the year's counter row in the
 * caller's transaction (the sign-off's: the engine shares Spring's): the row stays locked until that transaction ends,
 * so concurrent sign-offs, on any node, take consecutive numbers one after the other, and a rolled-back sign-off gives
 * its number back. The unique constraints of {@code pd_reply_letter} guard against a number issued twice all the same.
 */
@Repository
class DocumentNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of {@code year}, taken in the current transaction. */
    int next(int year) {
        if (raise(year) == 0) {
            createCounter(year);
            if (raise(year) == 0) {
                throw new IllegalStateException("No document number counter for " + year);
            }
        }
        return jdbc.sql("SELECT last_number FROM pd_letter_counter WHERE counter_year = ?").param(year)
                .query(Integer.class).single();
    }

    private int raise(int year) {
        return jdbc.sql("UPDATE pd_letter_counter SET last_number = last_number + 1 WHERE counter_year = ?").param(year).update();
    }

    /**
     * The year's first number creates its counter, committed on its own: a failed insert (another node was quicker)
     * would abort the sign-off's transaction on PostgreSQL, and a counter at 0 issues nothing.
     */
    private void createCounter(int year) {
        try {
            separately.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO pd_letter_counter (counter_year, last_number) VALUES (?, 0)").param(year).update());
        } catch (DuplicateKeyException alreadyCreated) {
            // another sign-off created it first
        }
    }
}

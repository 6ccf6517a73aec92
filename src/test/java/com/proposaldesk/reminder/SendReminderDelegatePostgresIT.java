package com.proposaldesk.reminder;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.proposaldesk.support.PostgresTestDatabase;

/**
 * The delegate's tests on PostgreSQL: the outbox writes commit in their own transactions while the engine's job
 * transaction rolls back, and the FAILED row is updated to SENT on the retry.
 */
class SendReminderDelegatePostgresIT extends SendReminderDelegateTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}

package com.proposaldesk.member;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.proposaldesk.support.PostgresTestDatabase;

/** The member registry, liaison records and coverage queries again, on PostgreSQL. */
class MemberLiaisonIT extends MemberLiaisonTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}

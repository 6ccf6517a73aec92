package com.proposaldesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context the Spring tests share (same annotations, so Spring caches it): the
 * whole application on an in-memory H2 ({@code application-test.yaml}) and a random port.
 * <p>
 * Not {@code WebEnvironment.NONE}: the Camunda REST starter cannot start without a servlet
 * environment (it needs {@code JerseyApplicationPath}), see CAMUNDA-NOTES.md pitfall 7. A random
 * port also lets the API tests go through the real HTTP Basic filter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface ProposalDeskSpringTest {
}

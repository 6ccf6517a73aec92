package com.proposaldesk.process;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot that the process engine initializes the database: it creates or updates its ACT_* tables when it
 * starts ({@code camunda.bpm.database.schema-update}). Spring Boot then starts it before Flyway (whose detector comes
 * later in order), so that our migrations may add indexes to the engine's tables (V10) on a fresh database too; and
 * beans that use the database through JdbcClient or JdbcTemplate wait for both, as they waited for Flyway before.
 * <p>
 * Flyway finds the engine's tables in a schema without its history table and baselines at version 0
 * ({@code spring.flyway.baseline-on-migrate}), then applies every migration from V1: our pd_* tables come from the
 * migrations as before. Registered in {@code META-INF/spring.factories}.
 */
public class EngineSchemaFirst extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ProcessEngine.class);
    }

    /** Before Flyway's detector (order 1): detectors later in order have their initializers wait for earlier ones. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

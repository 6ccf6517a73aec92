package com.proposaldesk.reminder;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A reminder job that fails because its mail was not sent is reported once, in {@link ReminderMailer}'s WARN line with
 * the error reference. The engine would report each such attempt twice more, with the whole stack trace
 * (ENGINE-16004 "Exception while closing command context", ENGINE-14006 "Exception while executing job"): this
 * filter leaves those two out for a {@link ReminderNotSentException}, and every other failure as the engine logs it.
 * Added again whenever a context starts, because Spring Boot resets the logging system on each start.
 */
@Component
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
class MailFailureLogFilter extends TurboFilter {

    private static final String NAME = "mail-failure-log-filter";
    private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
    private static final String JOB_EXECUTOR = "org.camunda.bpm.engine.jobexecutor";

    MailFailureLogFilter() {
        setName(NAME);
    }

    @EventListener(ContextRefreshedEvent.class)
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging
                && logging.getTurboFilterList().stream().noneMatch(filter -> NAME.equals(filter.getName()))) {
            start();
            logging.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN)
                || !(ENGINE_CONTEXT.equals(logger.getName()) || JOB_EXECUTOR.equals(logger.getName()))) {
            return FilterReply.NEUTRAL;
        }
        Throwable reported = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        for (Throwable cause = reported; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ReminderNotSentException) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}

package com.proposaldesk.web;

import java.sql.SQLException;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

import com.proposaldesk.reminder.ReminderNotSentException;

/**
 * Failures that belong to normal operation and say nothing about our code: a refused form, a request the engine refuses
 * for what it asks, a lost race between two users or two transactions, an unreachable mail server, a lost database.
 * They are logged as one WARN line with an error reference; a stack trace is kept for the unexpected.
 */
public final class ExpectedFailures {

    /** The engine's "cannot resolve parent … perhaps it was deleted in the meantime". */
    private static final String PARENT_GONE = "ENGINE-03077";

    private ExpectedFailures() {
    }

    public static boolean isExpected(Throwable failure) {
        return RejectedInputMapper.rejection(failure) != null || EngineErrorMessages.isInputFault(failure)
                || DatabaseUnavailable.isCause(failure) || lostRace(failure) || isReportedMailFailure(failure);
    }

    /** A mail not sent, which {@code ReminderMailer} has already logged with its error reference. */
    public static boolean isReportedMailFailure(Throwable failure) {
        return ExceptionUtils.throwableOfType(failure, ReminderNotSentException.class) != null;
    }

    /** What went wrong, in one line for the log: the message of the exception that says it. */
    public static String describe(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            return DatabaseUnavailable.describe(failure);
        }
        Throwable telling = RejectedInputMapper.rejection(failure);
        if (telling == null) {
            telling = ExceptionUtils.throwableOfType(failure, ReminderNotSentException.class);
        }
        if (telling == null) {
            telling = ExceptionUtils.throwableOfType(failure, OptimisticLockingException.class);
        }
        if (telling == null) {
            telling = failure;
        }
        return telling.getClass().getSimpleName() + ": " + firstLine(telling.getMessage());
    }

    /**
     * Two transactions wanted the same rows: the engine's optimistic lock, a task claimed a moment earlier by someone
     * else, the engine finding an execution re-parented under it by another transaction (ENGINE-03077), or the database
     * breaking the tie (SQLSTATE class 40: a deadlock or a serialization failure).
     */
    private static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
                    || t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().contains(PARENT_GONE)
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

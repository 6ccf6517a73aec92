package com.proposaldesk.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The database cannot be reached (down, restarting, refusing connections, or the pool found no live connection in time).
 * Users get 503 and a Chinese message instead of an error page, and nothing they did is half written: each request is one
 * transaction, which the database rolled back or never began.
 */
public final class DatabaseUnavailable {

    public static final String MESSAGE = "数据库暂时无法连接，请稍后重试";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseUnavailable() {
    }

    /** The cause in the chain that says the database is unreachable, or null. */
    public static Throwable cause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return t;
            }
            // SQLSTATE class 08: connection exception; 57P01..57P03: the server terminated the session or is starting
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return t;
            }
            // the rollback failed on the lost connection and hides the error that made it roll back
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                Throwable original = cause(rollback.getApplicationException());
                if (original != null) {
                    return original;
                }
            }
        }
        return null;
    }

    public static boolean isCause(Throwable error) {
        return cause(error) != null;
    }

    /** Short, for the log: the failure is the database's, its stack trace says nothing about our code. */
    public static String describe(Throwable error) {
        Throwable cause = cause(error);
        return cause == null ? String.valueOf(error) : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Answers 503 in the engine REST API's error format ({@code type}, {@code message}) or in ours ({@code message}, {@code errors}). */
    public static void write(HttpServletResponse response, boolean engineFormat, Throwable error) throws IOException {
        Throwable cause = cause(error);
        Map<String, Object> body = engineFormat
                ? Map.of("type", (cause == null ? error : cause).getClass().getSimpleName(), "message", MESSAGE)
                : Map.of("message", MESSAGE, "errors", List.of());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}

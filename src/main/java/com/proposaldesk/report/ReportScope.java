package com.proposaldesk.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which proposals a summary covers: those assigned in a year, those of a CPPCC session, or both.
 * Returned proposals (WITHDRAWN) are never counted.
 */
public record ReportScope(Integer year, String session) {

    public ReportScope {
        session = session == null || session.isBlank() ? null : session.strip();
        if (year == null && session == null) {
            throw new IllegalArgumentException("A year or a session is required");
        }
    }

    /** The WHERE condition on {@code pd_proposal p}, with positional parameters. */
    String where() {
        StringBuilder sql = new StringBuilder("p.status <> 'WITHDRAWN'");
        if (year != null) {
            sql.append(" AND p.assigned_on >= ? AND p.assigned_on < ?");
        }
        if (session != null) {
            sql.append(" AND p.session_name = ?");
        }
        return sql.toString();
    }

    List<Object> params() {
        List<Object> params = new ArrayList<>();
        if (year != null) {
            params.add(Date.valueOf(LocalDate.of(year, 1, 1)));
            params.add(Date.valueOf(LocalDate.of(year + 1, 1, 1)));
        }
        if (session != null) {
            params.add(session);
        }
        return params;
    }

    /** How the summary names its period, e.g. "2023年" or "市政协七届三次会议". */
    public String label() {
        if (session != null && year != null) {
            return year + "年" + session;
        }
        return session != null ? session : year + "年";
    }
}

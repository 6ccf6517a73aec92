package com.proposaldesk.support;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the domain tables (pd_*) directly, to see what a step really wrote. */
public class DomainRows {

    private final JdbcClient jdbc;

    public DomainRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of a table with a proposal_id column that belong to the proposal. */
    public int count(String table, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE proposal_id = (SELECT id FROM pd_proposal WHERE number = ?)")
                .param(number).query(Integer.class).single();
    }

    /** Rows of a whole table. */
    public int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    public int reviews(String number) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM pd_reply_review r JOIN pd_reply p ON p.id = r.reply_id
                WHERE p.proposal_id = (SELECT id FROM pd_proposal WHERE number = ?)""")
                .param(number).query(Integer.class).single();
    }

    /** Rows of a table for the proposal, as column maps (upper-case column names, as H2 reports them). */
    public List<Map<String, Object>> rows(String table, String number) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE proposal_id = (SELECT id FROM pd_proposal WHERE number = ?) ORDER BY id")
                .param(number).query().listOfRows();
    }

    public Map<String, Object> proposal(String number) {
        return jdbc.sql("SELECT * FROM pd_proposal WHERE number = ?").param(number).query().singleRow();
    }
}

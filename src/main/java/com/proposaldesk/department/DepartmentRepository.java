package com.proposaldesk.department;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The departments, as configured ({@link DepartmentCatalog}) and written to {@code pd_department} at start-up. They
 * change only then, so they are read from the table once, after that synchronisation, and kept: the forms, summaries
 * and grants of every step ask for them without a query.
 */
@Repository
public class DepartmentRepository {

    private static final String COLUMNS = "code, name, leader_group, sort_order, active";

    private final JdbcClient jdbc;
    private final DepartmentCatalog catalog;
    private volatile List<Department> departments;

    public DepartmentRepository(JdbcClient jdbc, DepartmentCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<Department> active() {
        return all().stream().filter(Department::active).toList();
    }

    /** Every department the bureau has had, the ones no longer configured included. */
    public List<Department> all() {
        List<Department> read = departments;
        if (read == null) {
            read = List.copyOf(jdbc.sql("SELECT " + COLUMNS + " FROM pd_department ORDER BY sort_order, code")
                    .query(Department.class).list());
            departments = read;
        }
        return read;
    }

    /** The active departments as the choices of a Camunda Form select or checklist ({@code valuesKey}). */
    public List<Map<String, String>> formOptions() {
        return active().stream().map(d -> Map.of("label", d.name(), "value", d.code())).toList();
    }

    public Optional<Department> find(String code) {
        return all().stream().filter(department -> department.code().equals(code)).findFirst();
    }

    public String nameOf(String code) {
        return find(code).map(Department::name).orElse(code);
    }

    /** Makes the table match the configured catalogue; departments no longer listed stay, inactive, for history. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    public void synchronise() {
        jdbc.sql("UPDATE pd_department SET active = FALSE").update();
        int order = 0;
        for (DepartmentCatalog.Entry entry : catalog.departments()) {
            order++;
            int updated = jdbc.sql("UPDATE pd_department SET name = ?, leader_group = ?, sort_order = ?, active = TRUE WHERE code = ?")
                    .params(entry.name(), entry.leaderGroup(), order, entry.code()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO pd_department (" + COLUMNS + ") VALUES (?, ?, ?, ?, TRUE)")
                        .params(entry.code(), entry.name(), entry.leaderGroup(), order).update();
            }
        }
        // read again once this is committed, not before: a reader in between would keep the old rows
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                departments = null;
            }
        });
    }
}

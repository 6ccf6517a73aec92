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

@Repository
public class DepartmentRepository {

    private static final String COLUMNS = "code, name, leader_group, sort_order, active";

    private final JdbcClient jdbc;
    private final DepartmentCatalog catalog;

    public DepartmentRepository(JdbcClient jdbc, DepartmentCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<Department> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pd_department WHERE active ORDER BY sort_order, code")
                .query(Department.class).list();
    }

    /** Every department the bureau has had, the ones no longer configured included. */
    public List<Department> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pd_department ORDER BY sort_order, code").query(Department.class).list();
    }

    /** The active departments as the choices of a Camunda Form select or checklist ({@code valuesKey}). */
    public List<Map<String, String>> formOptions() {
        return active().stream().map(d -> Map.of("label", d.name(), "value", d.code())).toList();
    }

    public Optional<Department> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pd_department WHERE code = ?").param(code)
                .query(Department.class).optional();
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
    }
}

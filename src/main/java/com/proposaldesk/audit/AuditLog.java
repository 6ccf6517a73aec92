package com.proposaldesk.audit;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.proposaldesk.calendar.CalendarProperties;
import com.proposaldesk.member.StaffDirectory;
import com.proposaldesk.security.SystemReads;

/**
 * The audit trail as the office reads it: our own records ({@code pd_audit}) and the engine's user operation log
 * merged, newest first. An engine operation that wrote several log entries (one per changed property) is one line.
 * Both sources are read only as deep as the page asked for needs.
 */
@Service
public class AuditLog {

    static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final RepositoryService repository;
    private final SystemReads reads;
    private final StaffDirectory staff;
    /** The zone the trail is read and filtered in: a day is a day in Beijing, whatever the server's zone. */
    private final ZoneId zone;

    public AuditLog(JdbcClient jdbc, HistoryService history, RepositoryService repository, SystemReads reads,
            StaffDirectory staff, CalendarProperties calendar) {
        this.jdbc = jdbc;
        this.history = history;
        this.repository = repository;
        this.reads = reads;
        this.staff = staff;
        this.zone = calendar.zone();
    }

    public AuditPage search(AuditFilter filter, int page, int size) {
        int offset = page * size;
        int needed = offset + size + 1;
        List<AuditEntry> all = new ArrayList<>(domain(filter, needed));
        all.addAll(engine(filter, needed));
        all.sort(Comparator.comparing(AuditEntry::time).reversed());
        List<AuditEntry> items = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
        Map<String, String> names = new HashMap<>();
        List<AuditEntry> named = items.stream().map(entry -> entry.userId() == null ? entry
                : entry.withUserName(names.computeIfAbsent(entry.userId(), staff::displayName))).toList();
        return new AuditPage(named, page, size, all.size() > offset + size);
    }

    private List<AuditEntry> domain(AuditFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM pd_audit WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.userId() != null) {
            sql.append(" AND user_id = ?");
            params.add(filter.userId());
        }
        if (filter.proposalNumber() != null) {
            sql.append(" AND proposal_number = ?");
            params.add(filter.proposalNumber());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> {
            String action = rs.getString("action");
            String label;
            try {
                label = AuditAction.valueOf(action).label();
            } catch (IllegalArgumentException unknown) {
                label = action;
            }
            return new AuditEntry(LocalDateTime.ofInstant(rs.getTimestamp("occurred_at").toInstant(), zone), AuditEntry.DOMAIN, "业务数据",
                    rs.getString("user_id"), null, action, label, rs.getString("proposal_number"), rs.getString("subject"),
                    rs.getString("details"));
        }).list();
    }

    /**
     * The engine's log, read without the caller's authorizations: whoever may call the audit trail (checked by its
     * controller) sees every operation, whatever engine authorizations they hold.
     */
    private List<AuditEntry> engine(AuditFilter filter, int needed) {
        return reads.read(() -> {
            Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
            if (filter.proposalNumber() == null) {
                collect(query(filter), needed, operations);
            } else {
                for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(filter.proposalNumber()).list()) {
                    collect(query(filter).processInstanceId(instance.getId()), needed, operations);
                }
            }
            return entries(operations.values());
        });
    }

    private UserOperationLogQuery query(AuditFilter filter) {
        UserOperationLogQuery query = history.createUserOperationLogQuery();
        if (filter.userId() != null) {
            query.userId(filter.userId());
        }
        if (filter.from() != null) {
            query.afterTimestamp(Date.from(filter.from().atStartOfDay(zone).toInstant().minusMillis(1)));
        }
        if (filter.to() != null) {
            query.beforeTimestamp(Date.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return query.orderByTimestamp().desc();
    }

    /** Reads the log newest first until it holds {@code needed} operations more than before, or ends. */
    private static void collect(UserOperationLogQuery query, int needed, Map<String, List<UserOperationLogEntry>> into) {
        int target = into.size() + needed;
        int batch = Math.max(needed * 3, 100);
        for (int first = 0; into.size() < target; first += batch) {
            List<UserOperationLogEntry> chunk = query.listPage(first, batch);
            for (UserOperationLogEntry entry : chunk) {
                into.computeIfAbsent(entry.getOperationId() != null ? entry.getOperationId() : entry.getId(),
                        key -> new ArrayList<>()).add(entry);
            }
            if (chunk.size() < batch) {
                return;
            }
        }
    }

    private List<AuditEntry> entries(Collection<List<UserOperationLogEntry>> operations) {
        Set<String> instanceIds = operations.stream().map(entries -> entries.get(0).getProcessInstanceId())
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> numbers = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(instanceIds).list()) {
                numbers.put(instance.getId(), instance.getBusinessKey());
            }
        }
        Map<String, String> names = new HashMap<>();
        List<AuditEntry> result = new ArrayList<>();
        for (List<UserOperationLogEntry> operation : operations) {
            UserOperationLogEntry first = operation.get(0);
            String entity = first.getEntityType();
            String type = first.getOperationType();
            result.add(new AuditEntry(LocalDateTime.ofInstant(first.getTimestamp().toInstant(), zone), AuditEntry.ENGINE,
                    "流程引擎", first.getUserId(), null, entity + ":" + type, EngineOperations.label(entity, type),
                    first.getProcessInstanceId() == null ? null : numbers.get(first.getProcessInstanceId()),
                    subject(first, names), EngineOperations.details(operation)));
        }
        return result;
    }

    /** The task or process by its Chinese name; {@code names} caches the lookups of one page. */
    private String subject(UserOperationLogEntry entry, Map<String, String> names) {
        if (entry.getTaskId() != null) {
            return "任务“" + names.computeIfAbsent("task:" + entry.getTaskId(), key -> {
                HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(entry.getTaskId()).singleResult();
                return task == null || task.getName() == null ? entry.getTaskId() : task.getName();
            }) + "”";
        }
        if (entry.getProcessDefinitionId() != null) {
            return "流程“" + names.computeIfAbsent("process:" + entry.getProcessDefinitionId(), key -> {
                ProcessDefinition definition = repository.createProcessDefinitionQuery()
                        .processDefinitionId(entry.getProcessDefinitionId()).singleResult();
                return definition == null || definition.getName() == null ? entry.getProcessDefinitionKey()
                        : definition.getName();
            }) + "”";
        }
        return null;
    }
}

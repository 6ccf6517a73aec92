package com.proposaldesk.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.department.Department;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.evaluation.EvaluationResult;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.security.ProposalAccess;

/** Builds the progress board from the proposals, their open tasks and the working-day calendar. */
@Service
public class BoardService {

    /** At most this many working days left turns the light amber. */
    public static final int AMBER_WORKING_DAYS = 5;

    static final String UNASSIGNED = "未分派";

    private static final Set<String> SATISFIED =
            Set.of(EvaluationResult.SATISFIED.name(), EvaluationResult.BASICALLY_SATISFIED.name());

    private final ProposalRepository proposals;
    private final DepartmentRepository departments;
    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final EngineClock clock;

    public BoardService(ProposalRepository proposals, DepartmentRepository departments, TaskService tasks,
            WorkingDayCalendar calendar, EngineClock clock) {
        this.proposals = proposals;
        this.departments = departments;
        this.tasks = tasks;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The board over the proposals the scope covers. */
    public Board board(ProposalAccess.Scope scope) {
        LocalDate today = clock.today();
        Map<String, String> departmentNames = new LinkedHashMap<>();
        for (Department department : departments.active()) {
            departmentNames.put(department.code(), department.name());
        }
        List<Board.Row> rows = new ArrayList<>();
        int replied = 0;
        int onTime = 0;
        int evaluated = 0;
        int satisfied = 0;
        for (Proposal p : proposals.findAll()) {
            if (!scope.covers(p.leadDepartment(), p.assistingDepartments())) {
                continue;
            }
            if (p.repliedOnTime() != null) {
                replied++;
                onTime += p.repliedOnTime() ? 1 : 0;
            }
            if (p.repliedOn() != null && p.evaluation() != null) {
                evaluated++;
                satisfied += SATISFIED.contains(p.evaluation()) ? 1 : 0;
            }
            if (!p.status().isFinished()) {
                rows.add(row(p, today, departmentNames));
            }
        }
        rows.sort(Comparator.comparing((Board.Row r) -> r.light().ordinal())
                .thenComparing(r -> r.workingDaysLeft() == null ? Integer.MAX_VALUE : r.workingDaysLeft())
                .thenComparing(Board.Row::number));
        return new Board(today, rows.size(), rows, count(rows, Board.Row::stage),
                count(rows, Board.Row::leadDepartmentName),
                Board.Rate.of(onTime, replied), Board.Rate.of(satisfied, evaluated));
    }

    private Board.Row row(Proposal p, LocalDate today, Map<String, String> departmentNames) {
        Integer left = p.answerDue() == null ? null : calendar.workingDaysBetween(today, p.answerDue());
        Board.Light light = left == null ? Board.Light.GREEN
                : left < 0 ? Board.Light.RED : left <= AMBER_WORKING_DAYS ? Board.Light.AMBER : Board.Light.GREEN;
        String department = p.leadDepartment() == null ? UNASSIGNED
                : departmentNames.computeIfAbsent(p.leadDepartment(), departments::nameOf);
        return new Board.Row(p.number(), p.title(), p.role().name(), p.role().label(), p.keyProposal(), p.status().name(),
                p.status().label(), stage(p), p.leadDepartment(), department, p.answerDue(), left, light, light.label());
    }

    /** The names of the open tasks of the proposal's process, or its status when no task is open. */
    private String stage(Proposal p) {
        List<String> names = tasks.createTaskQuery().processInstanceBusinessKey(p.number()).orderByTaskCreateTime().asc()
                .list().stream().map(Task::getName).filter(name -> name != null && !name.isBlank()).distinct().toList();
        return names.isEmpty() ? p.status().label() : String.join("、", names);
    }

    /** Counts per name, most first. */
    private static List<Board.Count> count(List<Board.Row> rows, Function<Board.Row, String> key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Board.Row row : rows) {
            counts.merge(key.apply(row), 1, Integer::sum);
        }
        List<Board.Count> result = new ArrayList<>();
        counts.forEach((name, count) -> result.add(new Board.Count(name, count)));
        result.sort(Comparator.comparing(Board.Count::count).reversed().thenComparing(Board.Count::name));
        return result;
    }
}

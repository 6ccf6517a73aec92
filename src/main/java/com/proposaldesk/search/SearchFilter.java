package com.proposaldesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.web.BadRequestException;

/**
 * Which proposals a search lists, in which order and which page; every criterion is optional.
 *
 * @param q words that must each occur in the title, a suggestion or a reply (or the number)
 * @param department a department's code: the proposals it leads or assists ({@code departmentRole} narrows it)
 * @param role the bureau's role (承办/主办/分办/会办)
 * @param year the year the proposal was assigned (交办日期)
 * @param overdue answered late, or unanswered past the answer deadline
 * @param page from 0
 */
public record SearchFilter(List<String> q, String number, String title, String member, String department,
        DepartmentRole departmentRole, ProposalRole role, ProposalStatus status, Integer year, String session, Boolean key,
        Boolean overdue, Sort sort, boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** The department's part in the proposal. */
    public enum DepartmentRole {
        LEAD("主办"), ASSISTING("协办");

        private final String label;

        DepartmentRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The columns a search sorts by; the number breaks ties. */
    public enum Sort {
        number("p.number", "编号"), title("p.title", "标题"), member("m.name", "领衔委员"), department("p.lead_department", "主办处室"),
        status("p.status", "状态"), assignedOn("p.assigned_on", "交办日期"), answerDue("p.answer_due", "答复期限"),
        repliedOn("p.replied_on", "答复日期");

        final String column;
        private final String label;

        Sort(String column, String label) {
            this.column = column;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The same criteria and order without paging: every match, as the ledger export wants them. */
    public SearchFilter everything() {
        return new SearchFilter(q, number, title, member, department, departmentRole, role, status, year, session, key, overdue,
                sort, descending, 0, Integer.MAX_VALUE);
    }

    /**
     * The filter the request's parameters describe.
     *
     * @throws BadRequestException naming, in Chinese, every parameter that is not valid
     */
    public static SearchFilter parse(Map<String, String> parameters) {
        Parser in = new Parser(parameters);
        String q = in.text("q");
        SearchFilter filter = new SearchFilter(
                q == null ? List.of() : Arrays.stream(q.split("\\s+")).filter(word -> !word.isEmpty()).toList(),
                in.text("number"), in.text("title"), in.text("member"), in.text("department"),
                in.choice("departmentRole", "处室角色", DepartmentRole.class, DepartmentRole::label),
                in.choice("role", "我局角色", ProposalRole.class, ProposalRole::label),
                in.choice("status", "状态", ProposalStatus.class, ProposalStatus::label),
                in.number("year", "年度", 1949, 2100, null), in.text("session"), in.yesNo("key", "重点提案"),
                in.yesNo("overdue", "逾期"), in.sort(), in.descending(),
                in.number("page", "页码", 0, Integer.MAX_VALUE, 0),
                in.number("size", "每页条数", 1, MAX_SIZE, DEFAULT_SIZE));
        in.check();
        return filter;
    }

    private static final class Parser {

        private final Map<String, String> parameters;
        private final List<String> problems = new ArrayList<>();
        private boolean descending;

        Parser(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        String text(String name) {
            String value = parameters.get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.length() > 200) {
                problems.add("参数 " + name + " 不能超过 200 个字");
                return null;
            }
            return value.strip();
        }

        <E extends Enum<E>> E choice(String name, String label, Class<E> type, Function<E, String> labelOf) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            for (E option : type.getEnumConstants()) {
                if (option.name().equalsIgnoreCase(value) || labelOf.apply(option).equals(value)) {
                    return option;
                }
            }
            problems.add(label + "“" + value + "”无效，可选：" + Arrays.stream(type.getEnumConstants())
                    .map(option -> option.name() + "（" + labelOf.apply(option) + "）").collect(Collectors.joining("、")));
            return null;
        }

        Integer number(String name, String label, int min, int max, Integer otherwise) {
            String value = text(name);
            if (value == null) {
                return otherwise;
            }
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            problems.add(label + "“" + value + "”无效，应为 " + min + " 到 " + max + " 之间的整数");
            return otherwise;
        }

        Boolean yesNo(String name, String label) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase()) {
                case "true", "yes", "1", "是" -> true;
                case "false", "no", "0", "否" -> false;
                default -> {
                    problems.add(label + "“" + value + "”无效，应为 true（是）或 false（否）");
                    yield null;
                }
            };
        }

        /** {@code sort=answerDue} or {@code sort=answerDue,desc}; by assigned date, newest first, when not given. */
        Sort sort() {
            String value = text("sort");
            if (value == null) {
                descending = true;
                return Sort.assignedOn;
            }
            String[] parts = value.split(",", 2);
            String direction = parts.length > 1 ? parts[1].strip().toLowerCase() : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                problems.add("排序方向“" + parts[1].strip() + "”无效，应为 asc 或 desc");
            }
            descending = direction.equals("desc");
            try {
                return Sort.valueOf(parts[0].strip());
            } catch (IllegalArgumentException e) {
                problems.add("排序字段“" + parts[0].strip() + "”无效，可选：" + Arrays.stream(Sort.values())
                        .map(sort -> sort.name() + "（" + sort.label() + "）").collect(Collectors.joining("、")));
                return Sort.assignedOn;
            }
        }

        boolean descending() {
            return descending;
        }

        void check() {
            if (!problems.isEmpty()) {
                throw new BadRequestException("查询条件有误：" + String.join("；", problems));
            }
        }
    }
}

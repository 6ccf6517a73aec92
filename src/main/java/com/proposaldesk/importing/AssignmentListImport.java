package com.proposaldesk.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.importing.ImportRejectedException.Reason;
import com.proposaldesk.importing.RowConverter.ConvertedRow;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationValidator;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskInputRejectedException;

/**
 * Imports the city's assignment list (交办清单) all or nothing: every row is read and checked first,
 * and only a file without a single problem is registered, in one transaction, one process per proposal.
 */
@Service
public class AssignmentListImport {

    private final ImportProperties limits;
    private final XlsxReader xlsx;
    private final CsvReader csv;
    private final RegistrationValidator validator;
    private final ProposalRepository proposals;
    private final ProposalRegistrationService registration;
    private final AuditTrail audit;

    public AssignmentListImport(ImportProperties limits, XlsxReader xlsx, CsvReader csv, RegistrationValidator validator,
            ProposalRepository proposals, ProposalRegistrationService registration, AuditTrail audit) {
        this.audit = audit;
        this.limits = limits;
        this.xlsx = xlsx;
        this.csv = csv;
        this.validator = validator;
        this.proposals = proposals;
        this.registration = registration;
    }

    @Transactional
    public ImportResult importList(String filename, byte[] bytes) {
        List<ConvertedRow> rows = check(read(filename, bytes));
        List<String> numbers = new ArrayList<>();
        for (ConvertedRow row : rows) {
            numbers.add(registration.register(row.request()).number());
        }
        audit.record(AuditAction.ASSIGNMENT_LIST_IMPORTED, null, filename,
                "导入 " + numbers.size() + " 件提案：" + String.join("、", numbers));
        return new ImportResult("已导入 " + numbers.size() + " 件提案，均已进入“签收”环节", numbers.size(), numbers);
    }

    private SheetContent read(String filename, byte[] bytes) {
        if (bytes.length == 0) {
            throw ImportRejectedException.invalidFile("文件是空的，请下载模板填写后再导入");
        }
        if (bytes.length > limits.maxFileSize().toBytes()) {
            String message = "文件超过 " + ImportProperties.describe(limits.maxFileSize()) + " 的上限，请分成几个文件分批导入";
            throw new ImportRejectedException(Reason.TOO_LARGE, message, List.of(ImportProblem.ofFile(message)));
        }
        SheetContent content = switch (SpreadsheetFormat.of(filename, bytes)) {
            case XLSX -> xlsx.read(bytes, limits.maxRows());
            case CSV -> csv.read(bytes, limits.maxRows());
        };
        if (content.isEmpty()) {
            throw ImportRejectedException.invalidFile("文件中没有任何内容，请下载模板填写后再导入");
        }
        return content;
    }

    /** The rows ready to register, or every problem of the file at once. */
    private List<ConvertedRow> check(SheetContent content) {
        HeaderLayout layout = HeaderLayout.of(content.headers());
        if (!layout.problems().isEmpty()) {
            List<ImportProblem> problems = new ArrayList<>(layout.problems());
            problems.addAll(content.problems());
            throw new ImportRejectedException(Reason.INVALID, "表头与交办清单模板不一致，请下载模板核对："
                    + String.join("；", layout.problems().stream().map(ImportProblem::message).toList()), problems);
        }
        if (content.rows().isEmpty()) {
            throw ImportRejectedException.invalidFile("交办清单中没有提案：表头以下都是空行");
        }
        List<ImportProblem> problems = new ArrayList<>(content.problems());
        List<ImportProblem> registered = new ArrayList<>();
        List<String> registeredNumbers = new ArrayList<>();
        Set<String> cellsWithProblems = new HashSet<>();
        content.problems().forEach(problem -> cellsWithProblems.add(problem.row() + "|" + problem.column()));
        Map<String, Integer> firstRowOfNumber = new HashMap<>();
        List<ConvertedRow> rows = new ArrayList<>();
        for (SheetContent.SheetRow sheetRow : content.rows()) {
            ConvertedRow row = RowConverter.convert(sheetRow, layout);
            rows.add(row);
            problems.addAll(row.problems());
            validate(row, cellsWithProblems, problems);
            String number = row.request().number();
            if (number == null) {
                continue;
            }
            Integer first = firstRowOfNumber.putIfAbsent(number, row.row());
            if (first != null) {
                problems.add(ImportProblem.of(row.row(), ImportColumn.NUMBER,
                        "提案编号 " + number + " 与第 " + first + " 行重复"));
            } else if (proposals.exists(number)) {
                registered.add(ImportProblem.of(row.row(), ImportColumn.NUMBER, "提案编号 " + number + " 已经登记，不能重复登记"));
                registeredNumbers.add(number);
            }
        }
        reject(problems, registered, registeredNumbers);
        return rows;
    }

    private void validate(ConvertedRow row, Set<String> cellsWithProblems, List<ImportProblem> problems) {
        try {
            validator.validate(row.request());
        } catch (TaskInputRejectedException e) {
            for (FieldProblem problem : e.problems()) {
                ImportColumn column = ImportColumn.byField(problem.field()).orElse(null);
                String header = column == null ? null : column.header();
                // a formula or merged cell was reported already; its empty value needs no second message
                if (!cellsWithProblems.contains(row.row() + "|" + header)) {
                    problems.add(new ImportProblem(row.row(), header, problem.field(), problem.message()));
                }
            }
        }
    }

    private static void reject(List<ImportProblem> problems, List<ImportProblem> registered, List<String> registeredNumbers) {
        if (problems.isEmpty() && registered.isEmpty()) {
            return;
        }
        if (problems.isEmpty()) {
            throw new ImportRejectedException(Reason.ALREADY_REGISTERED, "以下提案编号已经登记："
                    + String.join("、", registeredNumbers)
                    + "。没有导入任何提案，请从文件中删除已登记的提案后重新导入", registered);
        }
        List<ImportProblem> all = new ArrayList<>(problems);
        all.addAll(registered);
        all.sort(Comparator.comparing(ImportProblem::row, Comparator.nullsFirst(Comparator.naturalOrder())));
        throw new ImportRejectedException(Reason.INVALID, "交办清单有 " + all.size() + " 处问题，没有导入任何提案，请修改后重新导入",
                all);
    }
}

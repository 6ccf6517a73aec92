package com.proposaldesk.search;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.ledger.LedgerExport;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.web.BadRequestException;

/**
 * {@code GET /api/proposals/search?q=&number=&title=&member=&department=&departmentRole=&role=&status=&year=&session=&key=&overdue=&sort=&page=&size=}:
 * a page of the proposals the user may see that match; {@code GET /api/proposals/search.xlsx} with the same
 * criteria: every match as the ledger (台账).
 */
@RestController
public class SearchController {

    private final ProposalSearch search;
    private final ProposalAccess access;
    private final DepartmentRepository departments;
    private final ProposalRepository proposals;
    private final LedgerExport ledger;

    public SearchController(ProposalSearch search, ProposalAccess access, DepartmentRepository departments,
            ProposalRepository proposals, LedgerExport ledger) {
        this.search = search;
        this.access = access;
        this.departments = departments;
        this.proposals = proposals;
        this.ledger = ledger;
    }

    @GetMapping("/api/proposals/search")
    public SearchResult search(@RequestParam Map<String, String> parameters) {
        return search.search(filter(parameters), access.scope());
    }

    @GetMapping("/api/proposals/search.xlsx")
    public ResponseEntity<byte[]> ledger(@RequestParam Map<String, String> parameters) {
        SearchFilter filter = filter(parameters).everything();
        List<String> numbers = search.numbers(filter, access.scope());
        return ledger.download(numbers.stream().map(proposals::get).toList(),
                (filter.year() == null ? "" : filter.year() + "年") + "提案办理台账（查询结果）.xlsx");
    }

    /** The request's criteria, the department checked against the bureau's departments. */
    public SearchFilter filter(Map<String, String> parameters) {
        SearchFilter filter = SearchFilter.parse(parameters);
        if (filter.department() != null && !search.isDepartment(filter.department())) {
            throw new BadRequestException("处室“" + filter.department() + "”不存在，可选：" + departments.active().stream()
                    .map(d -> d.code() + "（" + d.name() + "）").collect(Collectors.joining("、")));
        }
        return filter;
    }
}

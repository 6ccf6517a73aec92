package com.proposaldesk.ledger;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.web.BadRequestException;

/** {@code GET /api/ledger.xlsx?year=&session=&department=&status=}: the ledger (台账) as Excel workbook. */
@RestController
public class LedgerController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerQuery query;
    private final DepartmentRepository departments;
    private final ProposalAccess access;

    public LedgerController(LedgerQuery query, DepartmentRepository departments, ProposalAccess access) {
        this.access = access;
        this.query = query;
        this.departments = departments;
    }

    @GetMapping("/api/ledger.xlsx")
    public ResponseEntity<byte[]> ledger(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String session, @RequestParam(required = false) String department,
            @RequestParam(required = false) String status) {
        LedgerFilter filter = new LedgerFilter(year, blankToNull(session), department(blankToNull(department)),
                status(blankToNull(status)));
        String filename = (year == null ? "" : year + "年") + "提案办理台账.xlsx";
        return LedgerExport.workbook(query.rows(filter, access.scope()), filename);
    }

    private String department(String code) {
        if (code != null && departments.find(code).isEmpty()) {
            throw new BadRequestException("处室“" + code + "”不存在，可选：" + departments.active().stream()
                    .map(d -> d.code() + "（" + d.name() + "）").collect(Collectors.joining("、")));
        }
        return code;
    }

    private static ProposalStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ProposalStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("状态“" + value + "”无效，可选：" + Arrays.stream(ProposalStatus.values())
                    .map(s -> s.name() + "（" + s.label() + "）").collect(Collectors.joining("、")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

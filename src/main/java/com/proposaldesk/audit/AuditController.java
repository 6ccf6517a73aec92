package com.proposaldesk.audit;

import java.time.LocalDate;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.security.ForbiddenException;
import com.proposaldesk.web.BadRequestException;

/**
 * {@code GET /api/audit?user=&proposal=&from=&to=&page=&size=}: who did what when, for the office and the system
 * administrators. Times carry the bureau's offset ({@code 2025-04-11T09:30:00+08:00}).
 */
@RestController
public class AuditController {

    private final AuditLog log;
    private final CurrentUser user;
    private final ObjectMapper json;

    public AuditController(AuditLog log, CurrentUser user, BureauTime time, ObjectMapper json) {
        this.log = log;
        this.user = user;
        this.json = time.json(json);
    }

    @GetMapping("/api/audit")
    public ResponseEntity<byte[]> search(@RequestParam(required = false) String user,
            @RequestParam(required = false) String proposal,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size)
            throws JsonProcessingException {
        if (!this.user.isMemberOf(CurrentUser.OFFICE_GROUP) && !this.user.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            throw new ForbiddenException("只有提案办和系统管理员可以查看操作记录");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("起始日期 " + from + " 晚于截止日期 " + to);
        }
        if (page < 0 || page > 1000) {
            throw new BadRequestException("页码 page 应在 0 到 1000 之间");
        }
        if (size < 1 || size > AuditLog.MAX_PAGE_SIZE) {
            throw new BadRequestException("每页条数 size 应在 1 到 " + AuditLog.MAX_PAGE_SIZE + " 之间");
        }
        AuditPage found = log.search(new AuditFilter(blankToNull(user), blankToNull(proposal), from, to), page, size);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(found));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

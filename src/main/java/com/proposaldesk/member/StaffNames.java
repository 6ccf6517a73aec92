package com.proposaldesk.member;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.proposaldesk.security.SystemReads;

/**
 * The bureau's people as the case file ({@code ${@staffNames.of(id)}}) and the outbox name them: as Tasklist shows them
 * (吴国华 分管局领导), else by their user id (a user since deleted). Each user is looked up once per request.
 */
@Component("staffNames")
public class StaffNames {

    private static final String PER_REQUEST = StaffNames.class.getName();

    private final StaffDirectory staff;
    private final SystemReads reads;

    public StaffNames(StaffDirectory staff, SystemReads reads) {
        this.staff = staff;
        this.reads = reads;
    }

    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return userId;
        }
        Map<String, String> known = known();
        return known == null ? lookUp(userId) : known.computeIfAbsent(userId, this::lookUp);
    }

    private String lookUp(String userId) {
        return reads.read(() -> staff.nameOrId(userId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> known() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Map<String, String> known = (Map<String, String>) request.getAttribute(PER_REQUEST, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = new HashMap<>();
            request.setAttribute(PER_REQUEST, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }
}

package com.proposaldesk.member;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskInputRejectedException;

@RestController
@RequestMapping("/api/members")
public class MemberController {

    private static final String MAINTAINED_BY_OFFICE = "委员信息由提案办维护";

    private final MemberRegistry registry;
    private final MemberCoverageQuery coverage;
    private final CurrentUser user;
    private final DepartmentRepository departments;
    private final StaffDirectory staff;
    private final EngineClock clock;

    public MemberController(MemberRegistry registry, MemberCoverageQuery coverage, CurrentUser user,
            DepartmentRepository departments, StaffDirectory staff, EngineClock clock) {
        this.user = user;
        this.departments = departments;
        this.staff = staff;
        this.registry = registry;
        this.coverage = coverage;
        this.clock = clock;
    }

    /** Filter by district and liaison department; {@code uncontacted=true} keeps those not contacted in {@code year}. */
    @GetMapping
    public List<MemberProfile> list(@RequestParam(required = false) String district,
            @RequestParam(required = false) String department, @RequestParam(defaultValue = "false") boolean uncontacted,
            @RequestParam(required = false) Integer year) {
        return registry.search(blankToNull(district), blankToNull(department), uncontacted ? year(year) : null);
    }

    @GetMapping("/coverage")
    public MemberCoverage coverage(@RequestParam(required = false) Integer year) {
        return coverage.of(year(year));
    }

    /** The departments and staff a member's liaison may be set to (members.html offers them). */
    @GetMapping("/liaison-choices")
    public LiaisonChoices liaisonChoices() {
        return new LiaisonChoices(departments.active().stream()
                .map(d -> new LiaisonChoices.DepartmentChoice(d.code(), d.name())).toList(), staff.staff(departments.active()));
    }

    @GetMapping("/{id}")
    public MemberProfile get(@PathVariable long id) {
        return registry.get(id);
    }

    @PostMapping
    public ResponseEntity<MemberProfile> create(@RequestBody MemberRequest request) {
        user.requireOffice(MAINTAINED_BY_OFFICE);
        MemberProfile member = registry.create(request);
        return ResponseEntity.created(URI.create("/api/members/" + member.id())).body(member);
    }

    @PutMapping("/{id}")
    public MemberProfile update(@PathVariable long id, @RequestBody MemberRequest request) {
        user.requireOffice(MAINTAINED_BY_OFFICE);
        return registry.update(id, request);
    }

    @PutMapping("/{id}/liaison")
    public MemberProfile assignLiaison(@PathVariable long id, @RequestBody MemberLiaisonRequest request) {
        user.requireOffice(MAINTAINED_BY_OFFICE);
        return registry.assignLiaison(id, request);
    }

    /** The current year when none is given; years outside any plausible term are refused. */
    private int year(Integer year) {
        if (year == null) {
            return clock.today().getYear();
        }
        if (year < 1949 || year > 2100) {
            throw new TaskInputRejectedException(List.of(new FieldProblem("year", "年份 " + year + " 无效，例如 2023")));
        }
        return year;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package com.proposaldesk.casefile;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import com.proposaldesk.attachment.AttachmentKind;
import com.proposaldesk.attachment.AttachmentProperties;
import com.proposaldesk.attachment.AttachmentRejectedException;
import com.proposaldesk.attachment.AttachmentService;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.memberportal.MemberLinkController;
import com.proposaldesk.proposal.ProposalNotFoundException;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalStatus;
import com.proposaldesk.search.ProposalSearch;
import com.proposaldesk.search.SearchController;
import com.proposaldesk.search.SearchFilter;
import com.proposaldesk.security.ForbiddenException;
import com.proposaldesk.security.PageCsrf;
import com.proposaldesk.security.PageLogin.LoginRequiredException;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.security.WebappLogin;
import com.proposaldesk.web.BadRequestException;
import com.proposaldesk.web.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The bureau's pages, on the webapps' login ({@link com.proposaldesk.security.PageLogin}): {@code /proposals} searches
 * the proposals, {@code /proposals/{number}} shows one case file.
 */
@Controller
public class ProposalPages {

    private final CaseFileService caseFiles;
    private final ProposalSearch search;
    private final SearchController searchApi;
    private final ProposalAccess access;
    private final DepartmentRepository departments;
    private final AttachmentService attachments;
    private final AttachmentProperties limits;
    private final PageCsrf csrf;
    private final MemberLinkController memberLinks;

    /** What the page says after a form of it was done; a fixed text per key, nothing from the address shows as such. */
    private static final Map<String, String> NOTICES = Map.of("uploaded", "附件已上传。", "deleted", "附件已删除。",
            "link-revoked", "委员链接已撤销，委员再打开它只会看到“链接无法使用”。");

    public ProposalPages(CaseFileService caseFiles, ProposalSearch search, SearchController searchApi, ProposalAccess access,
            DepartmentRepository departments, AttachmentService attachments, AttachmentProperties limits, PageCsrf csrf,
            MemberLinkController memberLinks) {
        this.attachments = attachments;
        this.limits = limits;
        this.csrf = csrf;
        this.memberLinks = memberLinks;
        this.caseFiles = caseFiles;
        this.search = search;
        this.searchApi = searchApi;
        this.access = access;
        this.departments = departments;
    }

    @GetMapping("/proposals")
    public String search(@RequestParam Map<String, String> parameters, Model model) {
        Map<String, String> criteria = new LinkedHashMap<>(parameters);
        criteria.values().removeIf(value -> value == null || value.isBlank());
        SearchFilter filter = searchApi.filter(criteria);
        model.addAttribute("criteria", criteria);
        model.addAttribute("filter", filter);
        model.addAttribute("result", search.search(filter, access.scope()));
        model.addAttribute("links", new Links(criteria));
        model.addAttribute("departments", departments.active());
        model.addAttribute("roles", ProposalRole.values());
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("departmentRoles", SearchFilter.DepartmentRole.values());
        model.addAttribute("sessions", search.sessions());
        model.addAttribute("sorts", Arrays.asList(SearchFilter.Sort.values()));
        return "proposals/search";
    }

    @GetMapping("/proposals/{number}")
    public String caseFile(@PathVariable String number, @RequestParam(required = false) String notice, Model model,
            HttpServletRequest request) {
        model.addAttribute("notice", notice == null ? null : NOTICES.get(notice));
        model.addAttribute("noticeKey", notice);
        if ("too-large".equals(notice)) {
            // the servlet's multipart limit refused the upload before it reached us (importing/UploadErrors)
            model.addAttribute("attachmentError", attachments.tooLargeMessage());
        }
        return showCaseFile(number, model, request);
    }

    /** The upload form of the case file page: back to the page, with the file in the list or the reason it was refused. */
    @PostMapping("/proposals/{number}/attachments")
    public String upload(@PathVariable String number, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String description, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        csrf.check(request);
        try {
            attachments.upload(number, file, kind, description);
        } catch (AttachmentRejectedException e) {
            return refused(number, e, model, request, response);
        }
        return "redirect:" + page(number, "uploaded", "attachments");
    }

    @PostMapping("/proposals/{number}/attachments/{id}/delete")
    public String delete(@PathVariable String number, @PathVariable long id, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        csrf.check(request);
        try {
            attachments.delete(number, id);
        } catch (AttachmentRejectedException e) {
            return refused(number, e, model, request, response);
        }
        return "redirect:" + page(number, "deleted", "attachments");
    }

    /** The office revokes a link sent to a member (a mail that went astray, a member who left). */
    @PostMapping("/proposals/{number}/member-links/{id}/revoke")
    public String revokeMemberLink(@PathVariable String number, @PathVariable long id, HttpServletRequest request) {
        csrf.check(request);
        memberLinks.revoke(number, id);
        return "redirect:" + page(number, "link-revoked", "member-side");
    }

    private String refused(String number, AttachmentRejectedException e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("attachmentError", e.getMessage());
        return showCaseFile(number, model, request);
    }

    private String showCaseFile(String number, Model model, HttpServletRequest request) {
        model.addAttribute("file", caseFiles.of(number));
        model.addAttribute("attachmentRights", attachments.rights(number));
        model.addAttribute("attachmentKinds", AttachmentKind.values());
        model.addAttribute("attachmentLimit", limits.describeMaxFileSize());
        model.addAttribute("csrfToken", csrf.token(request));
        model.addAttribute("memberAnswers", memberLinks.answers(number));
        model.addAttribute("memberLinks", memberLinks.links(number));
        model.addAttribute("mayRevokeLinks", memberLinks.mayRevoke());
        return "proposals/case-file";
    }

    /** The case file page, scrolled to its attachments, with a notice of what was done. */
    /** The case file page after one of its forms: the notice shows in the section the form belongs to. */
    private static String page(String number, String notice, String section) {
        return UriComponentsBuilder.fromPath("/proposals/{number}").queryParam("notice", notice).fragment(section)
                .buildAndExpand(number).encode().toUriString();
    }

    /** Links of the search page that keep its criteria: another page, another order, the ledger export. */
    public record Links(Map<String, String> criteria) {

        public String page(int page) {
            return with(Map.of("page", String.valueOf(page)), List.of(), "/proposals");
        }

        /** Sorts by the column; a second click on the sorted column turns the order round. */
        public String sort(String column) {
            String current = criteria.getOrDefault("sort", "");
            String next = current.equals(column) ? column + ",desc" : column;
            return with(Map.of("sort", next), List.of("page"), "/proposals");
        }

        public String export() {
            return with(Map.of(), List.of("page", "size"), "/api/proposals/search.xlsx");
        }

        private String with(Map<String, String> changes, List<String> dropped, String path) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            Map<String, String> values = new LinkedHashMap<>(criteria);
            dropped.forEach(values::remove);
            values.putAll(changes);
            values.forEach(uri::queryParam);
            return uri.encode().build().toUriString();
        }
    }

    @ExceptionHandler(LoginRequiredException.class)
    ModelAndView loginRequired() {
        ModelAndView page = new ModelAndView("proposals/login-required", HttpStatus.UNAUTHORIZED);
        page.addObject("login", WebappLogin.LOGIN_PAGE);
        return page;
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "没有权限", e.getMessage());
    }

    @ExceptionHandler(ProposalNotFoundException.class)
    ModelAndView notFound(ProposalNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "未找到提案", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "未找到", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ModelAndView badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, "查询条件有误", e.getMessage());
    }

    private static ModelAndView error(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("error", title);
        page.addObject("message", message);
        page.addObject("status", status.value());
        return page;
    }
}

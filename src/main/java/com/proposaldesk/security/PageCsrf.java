package com.proposaldesk.security;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Guards the forms of the bureau's pages ({@code /proposals/**}), which post on the webapps' login session, with the
 * webapps' own CSRF token of that session (the one Tasklist sends with every change): written into the page's forms
 * (field {@value #FIELD}) and checked on every post, so that another site cannot make a logged-in browser upload or
 * delete anything. Scripts may send it in the webapps' header instead.
 */
@Component
public class PageCsrf {

    public static final String FIELD = "_csrf";

    /** The session's token; null when the session has none (the user has not logged in to the webapps). */
    public String token(HttpServletRequest request) {
        return WebappLogin.csrfToken(request);
    }

    /** @throws ForbiddenException unless the request carries its session's token, in the header or the form */
    public void check(HttpServletRequest request) {
        if (!WebappLogin.carriesCsrfToken(request) && !WebappLogin.matchesCsrfToken(request, request.getParameter(FIELD))) {
            throw new ForbiddenException("页面已过期或请求来源不明，请刷新案卷页面后重试");
        }
    }
}

package com.proposaldesk.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The token that guards the forms of the bureau's pages ({@code /proposals/**}), which post on the webapps' login
 * session: each session gets a random token, written into the page's forms (field {@value #FIELD}) and checked on
 * every post, so that another site cannot make a logged-in browser upload or delete anything. The Camunda webapps'
 * own CSRF filter guards {@code /camunda/*} only.
 */
@Component
public class PageCsrf {

    public static final String FIELD = "_csrf";
    /** For scripts: the same token in a header. */
    public static final String HEADER = "X-XSRF-TOKEN";
    private static final String SESSION_ATTRIBUTE = PageCsrf.class.getName();

    private final SecureRandom random = new SecureRandom();

    /** The session's token, made on first use. */
    public String token(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token instanceof String existing) {
            return existing;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, created);
        return created;
    }

    /** @throws ForbiddenException unless the request carries its session's token */
    public void check(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        String sent = request.getHeader(HEADER) != null ? request.getHeader(HEADER) : request.getParameter(FIELD);
        if (!(expected instanceof String token) || sent == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("页面已过期或请求来源不明，请刷新案卷页面后重试");
        }
    }
}

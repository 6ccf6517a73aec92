package com.proposaldesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The login of the Camunda webapps (Tasklist, Cockpit, Admin): one session for them and our pages. */
public final class WebappLogin {

    /** Where a browser logs in: Tasklist's login form. */
    public static final String LOGIN_PAGE = "/camunda/app/tasklist/default/#/login";

    private WebappLogin() {
    }

    /** The user logged in to the webapps for this engine in the request's session; null when nobody is. */
    public static UserAuthentication userOf(HttpServletRequest request, ProcessEngine engine) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
        return authentication instanceof UserAuthentication user && user.getIdentityId() != null ? user : null;
    }

    /**
     * The webapps' CSRF token of the request's session (Tasklist sends it as {@value CsrfConstants#CSRF_TOKEN_HEADER_NAME}
     * with every change); null without a session or token. Our pages send it the same way.
     */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    }

    /** Whether the request carries its session's CSRF token in the {@value CsrfConstants#CSRF_TOKEN_HEADER_NAME} header. */
    public static boolean carriesCsrfToken(HttpServletRequest request) {
        return matchesCsrfToken(request, request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
    }

    /** Whether {@code sent} is the CSRF token of the request's session (compared in constant time). */
    public static boolean matchesCsrfToken(HttpServletRequest request, String sent) {
        String expected = csrfToken(request);
        return expected != null && !expected.isEmpty() && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request claims to come from a page on the webapps' login (it sends a CSRF token header). */
    public static boolean sendsCsrfToken(HttpServletRequest request) {
        return request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) != null;
    }
}

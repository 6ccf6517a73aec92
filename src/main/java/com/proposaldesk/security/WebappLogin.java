package com.proposaldesk.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

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
}

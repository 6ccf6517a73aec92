package com.proposaldesk.importing;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.proposaldesk.security.WebappLogin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /import.html}: the import of the assignment list, on the webapps' login. The page posts the file to
 * {@code /api/proposals/import} with the session's CSRF token; without a login it says where to log in.
 */
@Controller
public class ImportPage {

    private final ObjectProvider<ProcessEngine> engine;

    public ImportPage(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @GetMapping("/import.html")
    public String page(HttpServletRequest request, Model model) {
        boolean loggedIn = WebappLogin.userOf(request, engine.getObject()) != null;
        model.addAttribute("csrfToken", loggedIn ? WebappLogin.csrfToken(request) : null);
        model.addAttribute("login", WebappLogin.LOGIN_PAGE);
        return "import";
    }
}

package com.proposaldesk.home;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.proposaldesk.security.WebappLogin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /}: the bureau's home (工作台) for the user logged in to the Camunda webapps, with the links their groups may
 * use; without that login, the webapps' welcome page, which asks for it.
 */
@Controller
public class HomePage {

    public static final String WELCOME = "/camunda/app/welcome/default/";

    private final ObjectProvider<ProcessEngine> engine;
    private final HomeLinks links;

    public HomePage(ObjectProvider<ProcessEngine> engine, HomeLinks links) {
        this.engine = engine;
        this.links = links;
    }

    @GetMapping("/")
    public String home(HttpServletRequest request, Model model) {
        ProcessEngine processEngine = engine.getObject();
        UserAuthentication user = WebappLogin.userOf(request, processEngine);
        if (user == null) {
            return "redirect:" + WELCOME;
        }
        model.addAttribute("userName", displayName(processEngine, user.getIdentityId()));
        model.addAttribute("sections", links.forGroups(user.getGroupIds() == null ? List.of() : user.getGroupIds()));
        return "home";
    }

    private static String displayName(ProcessEngine engine, String userId) {
        User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
        return user == null || user.getFirstName() == null || user.getFirstName().isBlank() ? userId : user.getFirstName();
    }
}

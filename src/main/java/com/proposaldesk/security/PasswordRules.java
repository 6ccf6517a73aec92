package com.proposaldesk.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/** The engine's default password policy (enable-password-policy) in Chinese. */
public final class PasswordRules {

    private PasswordRules() {
    }

    /** Every rule, for a message that cannot name the broken ones. */
    public static String all() {
        return String.join("，", new DefaultPasswordPolicyImpl().getRules().stream().map(PasswordRules::describe).toList());
    }

    /** The rules the password breaks for this user. */
    static List<String> unmet(String password, User user) {
        List<String> unmet = new ArrayList<>();
        for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
            if (!rule.execute(password, user)) {
                unmet.add(describe(rule));
            }
        }
        return unmet;
    }

    static String describe(PasswordPolicyRule rule) {
        String count = rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
                : rule.getParameters().values().iterator().next();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "至少 " + count + " 个字符";
            case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + count + " 个小写字母";
            case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + count + " 个大写字母";
            case "PASSWORD_POLICY_DIGIT" -> "至少 " + count + " 个数字";
            case "PASSWORD_POLICY_SPECIAL" -> "至少 " + count + " 个特殊字符（如 !@#%&*-_）";
            case "PASSWORD_POLICY_USER_DATA" -> "不能包含账号、姓名或邮箱";
            default -> rule.getPlaceholder();
        };
    }
}

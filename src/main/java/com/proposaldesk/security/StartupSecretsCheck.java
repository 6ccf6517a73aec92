package com.proposaldesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the {@code demo} profile nothing starts with a default or guessable password: the first administrator
 * ({@code camunda.bpm.admin-user}, from PROPOSAL_DESK_ADMIN_USER and PROPOSAL_DESK_ADMIN_PASSWORD) must be given,
 * with a password that meets the engine's password policy and is not a well-known one, and the demo users (all
 * with one shared password) are not created. Runs before the application context: a refused start touches no
 * database, and {@link UnsafeStartFailureAnalyzer} tells the operator what to set.
 */
public class StartupSecretsCheck implements EnvironmentPostProcessor {

    static final String DEMO_PROFILE = "demo";
    static final String ADMIN_USER_VARIABLE = "PROPOSAL_DESK_ADMIN_USER";
    static final String ADMIN_PASSWORD_VARIABLE = "PROPOSAL_DESK_ADMIN_PASSWORD";

    /** Passwords found first in every guessing list, compared ignoring case. */
    static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "administrator", "camunda", "password", "passw0rd",
            "p@ssw0rd", "p@ssword", "changeit", "changeme", "secret", "123456", "12345678", "123456789", "1234567890",
            "qwerty", "letmein", "welcome", "test", "admin123", "admin@123", "admin123!", "admin@1234", "password1",
            "password123", "password1!", "password123!", "p@ssw0rd1", "p@ssw0rd!", "p@ssw0rd123", "passw0rd!",
            "welcome1", "welcome@123", "qwer1234", "abc123", "abc@123", "abc@1234", "aa123456", "aa123456!",
            "1qaz2wsx", "1qaz@wsx", "1qaz!qaz", "qazwsx", "camunda123", "camunda@123", "demo@123", "demo@12345");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return;
        }
        List<String> problems = problems(Binder.get(environment));
        if (!problems.isEmpty()) {
            throw new UnsafeStartException(problems);
        }
    }

    static List<String> problems(Binder config) {
        List<String> problems = new ArrayList<>();
        String id = config.bind("camunda.bpm.admin-user.id", String.class).orElse("").strip();
        String password = config.bind("camunda.bpm.admin-user.password", String.class).orElse("");
        if (id.isEmpty()) {
            problems.add("未设置首个管理员的账号：环境变量 " + ADMIN_USER_VARIABLE + "（配置项 camunda.bpm.admin-user.id）为空或缺失");
        }
        if (password.isBlank()) {
            problems.add("未设置首个管理员的口令：环境变量 " + ADMIN_PASSWORD_VARIABLE + "（配置项 camunda.bpm.admin-user.password）为空或缺失");
        } else if (isWellKnown(password, id)) {
            problems.add("首个管理员的口令（" + ADMIN_PASSWORD_VARIABLE + "）是常见的默认口令，请换一个只有管理员知道的口令");
        } else {
            UserEntity admin = new UserEntity(id);
            admin.setFirstName(config.bind("camunda.bpm.admin-user.first-name", String.class).orElse(null));
            admin.setLastName(config.bind("camunda.bpm.admin-user.last-name", String.class).orElse(null));
            admin.setEmail(config.bind("camunda.bpm.admin-user.email", String.class).orElse(null));
            List<String> unmet = PasswordRules.unmet(password, admin);
            if (!unmet.isEmpty()) {
                problems.add("首个管理员的口令（" + ADMIN_PASSWORD_VARIABLE + "）不符合口令规则：" + String.join("；", unmet));
            }
        }
        if (config.bind("proposal-desk.demo.enabled", Boolean.class).orElse(false)) {
            String demoPassword = config.bind("proposal-desk.demo.password", String.class).orElse("");
            problems.add("proposal-desk.demo.enabled=true 会创建 admin、office 等 10 个公开的演示账号，口令都是“"
                    + (demoPassword.isBlank() ? "（空）" : mask(demoPassword)) + "”；演示数据只能在 demo 配置下启用");
        }
        return problems;
    }

    static boolean isWellKnown(String password, String userId) {
        String candidate = password.strip().toLowerCase(Locale.ROOT);
        return WELL_KNOWN.contains(candidate) || candidate.equals(userId.toLowerCase(Locale.ROOT));
    }

    /** Only a hint of a configured password goes to the log. */
    private static String mask(String password) {
        return WELL_KNOWN.contains(password.strip().toLowerCase(Locale.ROOT)) ? password : password.charAt(0) + "***";
    }
}

package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.proposaldesk.ProposalDeskApplication;

/**
 * Starts of the real application on the {@code postgres} profile, as an operator would run it, with the operator's
 * environment variables: each unsafe one is refused before anything touches a database, with a Chinese message that
 * names the variables to set and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSecretsCheckTest {

    private static final String STRONG = "Yun-Wei-2025!q";

    @Test
    void withoutTheAdministratorsVariablesTheApplicationRefusesToStartAndSaysWhichToSet(CapturedOutput output) {
        Throwable refused = start(Map.of());

        assertThat(refused).isInstanceOf(UnsafeStartException.class);
        assertThat(((UnsafeStartException) refused).problems()).containsExactly(
                "未设置首个管理员的账号：环境变量 PROPOSAL_DESK_ADMIN_USER（配置项 camunda.bpm.admin-user.id）为空或缺失",
                "未设置首个管理员的口令：环境变量 PROPOSAL_DESK_ADMIN_PASSWORD（配置项 camunda.bpm.admin-user.password）为空或缺失");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "提案办理台拒绝启动", "PROPOSAL_DESK_ADMIN_USER",
                        "PROPOSAL_DESK_ADMIN_PASSWORD", "SPRING_PROFILES_ACTIVE=demo")
                .doesNotContain("Could not resolve placeholder", "at com.proposaldesk", "at org.springframework");
    }

    @Test
    void blankVariablesAreMissingVariables() {
        UnsafeStartException refused = (UnsafeStartException) start(
                Map.of("PROPOSAL_DESK_ADMIN_USER", "   ", "PROPOSAL_DESK_ADMIN_PASSWORD", STRONG));

        assertThat(refused.problems()).singleElement().asString().contains("PROPOSAL_DESK_ADMIN_USER", "为空或缺失");

        refused = (UnsafeStartException) start(Map.of("PROPOSAL_DESK_ADMIN_USER", "admin", "PROPOSAL_DESK_ADMIN_PASSWORD", " "));
        assertThat(refused.problems()).singleElement().asString().contains("PROPOSAL_DESK_ADMIN_PASSWORD", "为空或缺失");
    }

    @Test
    void aWellKnownPasswordIsRefused() {
        for (String password : new String[] {"demo", "DEMO", "admin", "P@ssw0rd", "camunda", "admin"}) {
            UnsafeStartException refused = (UnsafeStartException) start(
                    Map.of("PROPOSAL_DESK_ADMIN_USER", "admin", "PROPOSAL_DESK_ADMIN_PASSWORD", password));
            assertThat(refused.problems()).as(password).singleElement().asString()
                    .isEqualTo("首个管理员的口令（PROPOSAL_DESK_ADMIN_PASSWORD）是常见的默认口令，请换一个只有管理员知道的口令");
        }
    }

    @Test
    void aPasswordThatBreaksThePasswordPolicyIsRefusedWithEveryBrokenRule() {
        UnsafeStartException refused = (UnsafeStartException) start(
                Map.of("PROPOSAL_DESK_ADMIN_USER", "ops", "PROPOSAL_DESK_ADMIN_PASSWORD", "short1"));
        assertThat(refused.problems()).singleElement().asString().isEqualTo(
                "首个管理员的口令（PROPOSAL_DESK_ADMIN_PASSWORD）不符合口令规则：至少 10 个字符；至少 1 个大写字母；"
                        + "至少 1 个特殊字符（如 !@#%&*-_）");

        refused = (UnsafeStartException) start(
                Map.of("PROPOSAL_DESK_ADMIN_USER", "wangwu", "PROPOSAL_DESK_ADMIN_PASSWORD", "Wangwu-2025!x"));
        assertThat(refused.problems()).singleElement().asString().endsWith("不能包含账号、姓名或邮箱");
    }

    @Test
    void demoDataOutsideTheDemoProfileIsRefused() {
        UnsafeStartException refused = (UnsafeStartException) start(Map.of("PROPOSAL_DESK_ADMIN_USER", "ops",
                "PROPOSAL_DESK_ADMIN_PASSWORD", STRONG, "PROPOSAL_DESK_DEMO_ENABLED", "true",
                "PROPOSAL_DESK_DEMO_PASSWORD", "demo"));

        assertThat(refused.problems()).singleElement().asString()
                .contains("proposal-desk.demo.enabled=true", "口令都是“demo”", "只能在 demo 配置下启用");
    }

    @Test
    void theDemoProfileKeepsItsWellKnownPasswordAndNeedsNoAdministrator() {
        StandardEnvironment demo = environment(Map.of());
        demo.setActiveProfiles("demo");
        demo.getPropertySources().addFirst(new MapPropertySource("demo-settings",
                Map.of("proposal-desk.demo.enabled", "true", "proposal-desk.demo.password", "demo")));

        new StartupSecretsCheck().postProcessEnvironment(demo, null);
    }

    @Test
    void aStrongPasswordPassesTheCheck() {
        StandardEnvironment environment = environment(Map.of("PROPOSAL_DESK_ADMIN_USER", "ops",
                "PROPOSAL_DESK_ADMIN_PASSWORD", STRONG));
        environment.getPropertySources().addLast(new MapPropertySource("postgres-profile",
                Map.of("camunda.bpm.admin-user.id", "${PROPOSAL_DESK_ADMIN_USER:}",
                        "camunda.bpm.admin-user.password", "${PROPOSAL_DESK_ADMIN_PASSWORD:}")));

        new StartupSecretsCheck().postProcessEnvironment(environment, null);
    }

    /**
     * Runs the application on the {@code postgres} profile with these environment variables only; the refusal comes
     * before the database is reached, so the database variables are left unset as an operator might.
     */
    private static Throwable start(Map<String, String> variables) {
        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(ProposalDeskApplication.class)
                .environment(environment(variables)).profiles("postgres").run("--server.port=0"));
        assertThat(thrown).as("the application must refuse to start").isNotNull();
        return thrown;
    }

    /** An environment whose operating-system variables are exactly these. */
    private static StandardEnvironment environment(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        return environment;
    }
}

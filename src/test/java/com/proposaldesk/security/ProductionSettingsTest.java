package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The application as it runs in production, on the {@code postgres} profile (here on an in-memory H2 database) with
 * the operator's variables: the first administrator from the environment, the password policy on, login throttling,
 * {@code proposal-desk.tls=true} (PROPOSAL_DESK_TLS) for Secure cookies and HSTS, and the bureau's mail server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "SPRING_DATASOURCE_URL=jdbc:h2:mem:pd-production-${random.uuid};DB_CLOSE_DELAY=-1",
        "SPRING_DATASOURCE_USERNAME=sa",
        "SPRING_DATASOURCE_PASSWORD=",
        "PROPOSAL_DESK_ADMIN_USER=ops-admin",
        "PROPOSAL_DESK_ADMIN_PASSWORD=Yun-Wei-2025!q",
        "PROPOSAL_DESK_MEMBER_LINK_SECRET=production-test-member-link-secret-0123456789",
        "proposal-desk.tls=true",
        "spring.mail.host=mail.bureau.example.cn",
        "spring.mail.port=587",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class ProductionSettingsTest {

    private static final String ADMIN = "ops-admin";
    private static final String ADMIN_PASSWORD = "Yun-Wei-2025!q";
    private static final String CLERK_PASSWORD = "Ti-An-Ban-2025!";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void thisEngine() {
        ProcessEngines.registerProcessEngine(engine);
        ClockUtil.reset();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironment() throws Exception {
        User admin = identity.createUserQuery().userId(ADMIN).singleResult();
        assertThat(admin).isNotNull();
        assertThat(admin.getFirstName()).isEqualTo("系统");
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()).extracting(User::getId)
                .containsExactly(ADMIN);
        assertThat(identity.createUserQuery().userId("demo").count() + identity.createUserQuery().userId("admin").count())
                .as("no demo users").isZero();
        assertThat(get("/engine-rest/user/" + ADMIN + "/profile", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void thePasswordPolicyIsOnAndAWeakPasswordCannotBeSet() throws Exception {
        assertThat(configuration().isEnablePasswordPolicy()).isTrue();

        User weak = identity.newUser("weak-clerk");
        weak.setPassword("demo");
        assertThat(catchThrowable(() -> identity.saveUser(weak))).hasMessageContaining("Password does not match policy");

        HttpResponse<String> created = post("/engine-rest/user/create", ADMIN, ADMIN_PASSWORD,
                "{\"profile\": {\"id\": \"weak-clerk\", \"firstName\": \"弱\", \"lastName\": \"口令\"},"
                        + " \"credentials\": {\"password\": \"demo\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(json.readTree(created.body()).path("message").asText()).isEqualTo("口令不符合口令规则：不能包含账号、姓名或邮箱，"
                + "至少 10 个字符，至少 1 个小写字母，至少 1 个大写字母，至少 1 个数字，至少 1 个特殊字符（如 !@#%&*-_）");
        assertThat(identity.createUserQuery().userId("weak-clerk").count()).isZero();

        HttpResponse<String> policy = get("/engine-rest/identity/password-policy", ADMIN, ADMIN_PASSWORD);
        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(json.readTree(policy.body()).path("rules").findValuesAsText("placeholder"))
                .contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_UPPERCASE", "PASSWORD_POLICY_SPECIAL");
    }

    @Test
    void loginThrottlingIsConfiguredExplicitly() {
        ProcessEngineConfigurationImpl configuration = configuration();
        assertThat(List.of(configuration.getLoginMaxAttempts(), configuration.getLoginDelayFactor(),
                configuration.getLoginDelayMaxTime(), configuration.getLoginDelayBase())).containsExactly(10, 2, 60, 3);
    }

    /**
     * With small settings (3 attempts, 1 s doubling to at most 2 s): after a wrong password even the right one is
     * refused until the delay has passed, and after the third wrong one the account stays locked until an
     * administrator unlocks it. The engine's clock stands in for waiting.
     */
    @Test
    void afterWrongPasswordsTheRightOneIsRefusedUntilTheDelayHasPassed() throws Exception {
        ProcessEngineConfigurationImpl configuration = configuration();
        int[] configured = {configuration.getLoginMaxAttempts(), configuration.getLoginDelayFactor(),
                configuration.getLoginDelayMaxTime(), configuration.getLoginDelayBase()};
        configuration.setLoginMaxAttempts(3);
        configuration.setLoginDelayFactor(2);
        configuration.setLoginDelayMaxTime(2);
        configuration.setLoginDelayBase(1);
        try {
            String clerk = "throttled-clerk";
            User user = identity.newUser(clerk);
            user.setPassword(CLERK_PASSWORD);
            identity.saveUser(user);
            long now = System.currentTimeMillis();
            ClockUtil.setCurrentTime(new Date(now));

            assertThat(taskList(clerk, "Wrong-Password-1")).isEqualTo(401);
            assertThat(taskList(clerk, CLERK_PASSWORD)).as("right password within the 1 s delay").isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(now += 900));
            assertThat(taskList(clerk, CLERK_PASSWORD)).as("still within the delay").isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(now += 200));
            assertThat(taskList(clerk, CLERK_PASSWORD)).as("after the delay").isEqualTo(200);

            assertThat(taskList(clerk, "Wrong-Password-1")).isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(now += 1_100));
            assertThat(taskList(clerk, "Wrong-Password-2")).isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(now += 1_900));
            assertThat(taskList(clerk, CLERK_PASSWORD)).as("the second delay is 2 s").isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(now += 200));
            assertThat(taskList(clerk, "Wrong-Password-3")).as("third wrong password: locked").isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(now + 3_600_000));
            assertThat(taskList(clerk, CLERK_PASSWORD)).as("locked an hour later").isEqualTo(401);

            identity.unlockUser(clerk);
            assertThat(taskList(clerk, CLERK_PASSWORD)).as("unlocked by the administrator").isEqualTo(200);
        } finally {
            configuration.setLoginMaxAttempts(configured[0]);
            configuration.setLoginDelayFactor(configured[1]);
            configuration.setLoginDelayMaxTime(configured[2]);
            configuration.setLoginDelayBase(configured[3]);
        }
    }

    @Test
    void withAMailHostTheMailsGoThereAndNoEmbeddedMailServerStarts() {
        assertThat(context.getBeanNamesForType(GreenMail.class)).isEmpty();
        JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
        assertThat(sender.getHost()).isEqualTo("mail.bureau.example.cn");
        assertThat(sender.getPort()).isEqualTo(587);
    }

    @Test
    void everyAnswerCarriesHsts() throws Exception {
        for (String path : List.of("/engine-rest/engine", "/import.html", "/camunda/app/welcome/default/")) {
            HttpResponse<String> response = get(path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).hasValue("max-age=31536000");
        }
        HttpResponse<String> api = get("/api/calendar/working-day?date=2023-10-07", ADMIN, ADMIN_PASSWORD);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(get("/api/calendar/working-day?date=2023-10-07", null, null).headers()
                .firstValue("Strict-Transport-Security")).as("also on a refusal").hasValue("max-age=31536000");
    }

    @Test
    void theWebappsSessionAndCsrfCookiesAreSecure() throws Exception {
        HttpResponse<String> welcome = get("/camunda/app/welcome/default/", null, null);
        List<String> first = welcome.headers().allValues("Set-Cookie");
        String session = cookie(first, "JSESSIONID");
        String csrf = cookie(first, "XSRF-TOKEN");
        assertThat(first).filteredOn(c -> c.startsWith("JSESSIONID=") || c.startsWith("XSRF-TOKEN="))
                .hasSize(2).allSatisfy(c -> assertThat(c).containsPattern("(?i);\\s*Secure\\b"));

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/welcome"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf)
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=Yun-Wei-2025%21q"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).containsPattern("(?i);\\s*Secure\\b"));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private int taskList(String user, String password) throws IOException, InterruptedException {
        return get("/engine-rest/task", user, password).statusCode();
    }

    private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String password, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .orElseThrow(() -> new AssertionError("No " + name + " cookie in " + setCookies));
    }
}

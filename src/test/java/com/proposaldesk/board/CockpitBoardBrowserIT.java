package com.proposaldesk.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.proposal.ProposalRegistrationService;
import com.proposaldesk.proposal.RegistrationRequest;
import com.proposaldesk.support.PostgresTestDatabase;

/**
 * The progress board as a manager sees it: Cockpit in headless Chromium (Debian's chromium and
 * chromium-driver, which {@code .ci/run} installs), logged in through the Cockpit login page, with the
 * board's table, lights and totals checked against the data. The screenshot is kept in
 * {@code target/e2e/cockpit-board.png}. Without a browser the test is reported as skipped, with the reason;
 * with {@code -De2e.required=true} (CI) it fails instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitBoardBrowserIT {

    private static final String MANAGER = "board-manager";
    private static final String PASSWORD = "Board-secret-1";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    BoardService boards;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        Path chromium = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
        boolean available = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        String missing = "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)";
        if (!available && Boolean.getBoolean("e2e.required")) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(available, missing);
        if (identity.createUserQuery().userId(MANAGER).count() == 0) {
            User manager = identity.newUser(MANAGER);
            manager.setFirstName("局领导");
            manager.setPassword(PASSWORD);
            identity.saveUser(manager);
            if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
                identity.saveGroup(identity.newGroup(Groups.CAMUNDA_ADMIN));
            }
            identity.createMembership(MANAGER, Groups.CAMUNDA_ADMIN);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--window-size=1500,1100", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theBoardInCockpitShowsEveryOpenProposalWithItsLight() throws Exception {
        LocalDate today = LocalDate.now();
        register("E2E-RED", today.minusMonths(5));
        register("E2E-GREEN", today);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(MANAGER);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/proposal-board']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pd-proposals tbody tr")));

        Board board = boards.board(ProposalAccess.Scope.EVERYTHING);
        List<WebElement> rows = browser.findElements(By.cssSelector(".pd-proposals tbody tr"));
        assertThat(rows).hasSize(board.openCount());
        Map<String, String> lightsOnScreen = rows.stream().collect(Collectors.toMap(row -> row.getAttribute("data-number"),
                row -> row.findElement(By.cssSelector(".pd-light")).getAttribute("class")));
        Map<String, Board.Row> byNumber = board.proposals().stream().collect(Collectors.toMap(Board.Row::number, Function.identity()));
        assertThat(lightsOnScreen.keySet()).isEqualTo(byNumber.keySet());
        assertThat(lightsOnScreen.get("E2E-RED")).contains("pd-light-red");
        assertThat(lightsOnScreen.get("E2E-GREEN")).contains("pd-light-green");
        assertThat(byNumber.get("E2E-RED").light()).isEqualTo(Board.Light.RED);
        String page = browser.findElement(By.cssSelector(".pd-board")).getText();
        assertThat(page).contains("挂图作战").contains("在办提案").contains("超期").contains("关于加强E2E-RED号提案测试的提案");

        Path screenshot = Path.of("target", "e2e", "cockpit-board.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(screenshot).isNotEmptyFile();
    }

    private void register(String number, LocalDate assignedOn) {
        registration.register(new RegistrationRequest(number, "CPPCC", "市政协七届三次会议", "关于加强" + number + "号提案测试的提案",
                new RegistrationRequest.LeadMember("测试委员", null, null, null, null), List.of(), List.of("建议一"), "SOLE", false,
                assignedOn.toString(), null, List.of()));
    }
}

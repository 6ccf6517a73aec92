package com.proposaldesk.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;

/**
 * The progress board as a manager sees it: Cockpit in headless Chromium, logged in through the Cockpit login
 * page, with the board's table, lights and totals checked against the data. The screenshot is kept in
 * {@code target/e2e/cockpit-board.png}.
 */
class CockpitBoardBrowserIT extends BrowserTestBase {

    private static final String MANAGER = "board-manager";
    private static final String PASSWORD = "Board-secret-1";

    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    BoardService boards;

    @BeforeEach
    void manager() {
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
    }

    @Test
    void theBoardInCockpitShowsEveryOpenProposalWithItsLight() throws Exception {
        LocalDate today = LocalDate.now();
        register("E2E-RED", today.minusMonths(5));
        register("E2E-GREEN", today);

        HeadlessChromium chromium = browser("zh-CN");
        chromium.logIn("/camunda/app/cockpit/default/", MANAGER, PASSWORD);
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/proposal-board']"))).click();
        chromium.visible(By.cssSelector(".pd-proposals tbody tr"));
        ChromeDriver browser = chromium.driver();

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

        Path screenshot = chromium.screenshot("cockpit-board");
        assertThat(screenshot).isNotEmptyFile();
    }

    private void register(String number, LocalDate assignedOn) {
        registration.register(new RegistrationRequest(number, "CPPCC", "市政协七届三次会议", "关于加强" + number + "号提案测试的提案",
                new RegistrationRequest.LeadMember("测试委员", null, null, null, null), List.of(), List.of("建议一"), "SOLE", false,
                assignedOn.toString(), null, List.of()));
    }
}

package com.proposaldesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven by its chromedriver (packages chromium,
 * chromium-l10n and chromium-driver, and fonts-noto-cjk for Chinese screenshots, which {@code .ci/run}
 * installs), with the language and the time zone of a user in the bureau. Screenshots go to {@code target/e2e/}, kept as test artifacts.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path ARTIFACTS = Path.of("target", "e2e");
    public static final String TIME_ZONE = "Asia/Shanghai";
    private static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
    /** Chromium's Chinese, from chromium-l10n: without it Chromium is English whatever the language asked for. */
    private static final Path CHINESE = Path.of(System.getProperty("e2e.chromium-locale", "/usr/lib/chromium/locales/zh-CN.pak"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    private HeadlessChromium(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100));
    }

    /**
     * Skips the calling test, with the reason, when Chromium or chromedriver is missing; with
     * {@code -De2e.required=true} (CI) it fails instead.
     */
    public static void requireInstalled() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.isRegularFile(CHINESE);
        String missing = "browser tests need Debian's chromium, chromium-l10n and chromium-driver "
                + "(apt-get install -y chromium chromium-l10n chromium-driver fonts-noto-cjk)";
        if (!available && Boolean.getBoolean("e2e.required")) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(available, missing);
    }

    /** A new browser, with no cookies or storage, whose first language is {@code language} (e.g. zh-CN, en-US). */
    public static HeadlessChromium start(String baseUrl, String language) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--window-size=1500,1100", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                // Chromium takes the language of dates and numbers (Intl, the form's date format) from the
                // environment; its translations come with Debian's chromium-l10n
                .withEnvironment(Map.of("TZ", TIME_ZONE, "LANG", language.replace('-', '_') + ".UTF-8",
                        "LANGUAGE", language.replace('-', '_')))
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), baseUrl);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 60 seconds, polling every 100 ms. */
    public WebDriverWait waiting() {
        return wait;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * Opens a webapp page, e.g. {@code /camunda/app/tasklist/default/}, and logs in on its login form. The form's button
     * is disabled while the page still loads (translations, plugins), and a click then does nothing; the form may also be
     * drawn anew, empty, once the translations arrive. So the fields are filled again whenever they lost what was typed,
     * and the button is pressed again when it is enabled and the form is still there a few seconds later.
     */
    public void logIn(String path, String user, String password) {
        open(path);
        By username = By.cssSelector("input[ng-model='username']");
        By secret = By.cssSelector("input[ng-model='password']");
        By submit = By.cssSelector("form[name='signinForm'] button[type='submit']");
        By refusal = By.cssSelector(".alert-danger");
        wait.until(ExpectedConditions.visibilityOfElementLocated(username));
        Instant[] nextPress = {Instant.MIN};
        WebDriverWait loggingIn = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100));
        loggingIn.ignoring(StaleElementReferenceException.class).withMessage(() -> "login as " + user
                + " neither done nor refused; the page shows: " + abridged(text()));
        loggingIn.until(d -> {
            List<WebElement> names = d.findElements(username);
            if (names.isEmpty() || !names.get(0).isDisplayed() || shown(d.findElements(refusal))) {
                return true;
            }
            fill(names.get(0), user);
            fill(d.findElement(secret), password);
            WebElement button = d.findElement(submit);
            if (button.isEnabled() && Instant.now().isAfter(nextPress[0])) {
                button.click();
                nextPress[0] = Instant.now().plusSeconds(5);
            }
            return false;
        });
        List<WebElement> refused = driver.findElements(refusal);
        if (shown(refused)) {
            throw new IllegalStateException("Login as " + user + " refused: " + refused.get(0).getText());
        }
    }

    private static String abridged(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "…";
    }

    private static void fill(WebElement field, String value) {
        if (!value.equals(field.getDomProperty("value"))) {
            field.clear();
            field.sendKeys(value);
        }
    }

    private static boolean shown(List<WebElement> elements) {
        return !elements.isEmpty() && elements.get(0).isDisplayed();
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows as {@code target/e2e/<name>.png}. */
    public Path screenshot(String name) {
        Path file = ARTIFACTS.resolve(name + ".png");
        try {
            Files.createDirectories(ARTIFACTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

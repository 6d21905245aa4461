package org.lfr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (both installed by {@code scripts/infra browser};
 * given by path so that nothing is downloaded), with what the dashboard tests need: a real login typed into
 * Keycloak's page, screenshots under target/screenshots, and an axe-core accessibility check.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("src", "test", "browser", "node_modules", "axe-core", "axe.min.js");

    public final ChromeDriver driver;
    public final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A van laptop's screen by default (1366×768). */
    public static Browser open(String base) {
        return open(base, 1366, 768);
    }

    public static Browser open(String base, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "/usr/bin/chromium"));
        // root in CI: no sandbox; small /dev/shm in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en-GB",
                "--window-size=" + width + "," + height, "--autoplay-policy=no-user-gesture-required");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // for contentSecurityPolicyViolations
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, base);
    }

    private static String executable(String name, String fallback) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fallback;
    }

    /** Opens the dashboard, types the user's name and password into Keycloak's login page, and waits to be back. */
    public Browser signIn(String username, String hash) {
        driver.get(base + "/dashboard/" + hash);
        WebElement user = waitFor(By.id("username"), Duration.ofSeconds(30));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(KeycloakTokens.password(username));
        driver.findElement(By.id("kc-login")).click();
        waitUntilText(By.id("who"), "Signed in as " + username, Duration.ofSeconds(30));
        return this;
    }

    public WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitUntilText(By by, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** The whole text of the first element the selector finds, hidden or not (a closed details' contents too). */
    public String textContent(String css) {
        return String.valueOf(script("return document.querySelector(arguments[0]).textContent;", css));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs an async script: the last argument is the callback. */
    public Object asyncScript(String js, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // the whole page (up to 3,000 px high), not just the window
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) script("return {w: document.documentElement.clientWidth,"
                    + " h: Math.min(3000, document.documentElement.scrollHeight)};");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("w"), "height",
                            size.get("h"), "scale", 1)));
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * axe-core's WCAG 2.x A/AA rules on the current page; returns the serious and critical violations as
     * "rule: target…" lines (empty when there are none).
     */
    @SuppressWarnings("unchecked")
    /** What the page's Content-Security-Policy refused since the last call (Chromium logs each refusal). */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    public List<String> seriousAccessibilityViolations() {
        try {
            script(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core not installed: npm ci --prefix src/test/browser", e);
        }
        Object result = asyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return new ArrayList<>((List<String>) result);
    }

    /** Records every GraphQL response body the page receives from now on (install before the page loads). */
    public void recordGraphQLResponses() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__graphql = []; const f = window.fetch; window.fetch = async (...a) => { const r = await f(...a);"
                        + " if (String(a[0]).includes('/graphql')) { r.clone().text().then(t => window.__graphql.push(t)); }"
                        + " return r; };"));
    }

    @SuppressWarnings("unchecked")
    public List<String> graphQLResponses() {
        return (List<String>) script("return window.__graphql || [];");
    }

    @Override
    public void close() {
        driver.quit();
    }
}

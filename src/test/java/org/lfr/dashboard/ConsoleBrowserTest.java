package org.lfr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertRecorder;
import org.lfr.alert.NewAlert;
import org.lfr.common.Actor;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Browser;
import org.lfr.support.Fixtures;
import org.lfr.support.KeycloakAdmin;
import org.lfr.support.KeycloakTokens;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;
import org.lfr.watchlist.WatchlistService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The van console over the hours of a deployment, in a real browser against real Keycloak and PostgreSQL: the live
 * queue across an access token's expiry (the dashboard's client is given 30 s tokens for the test through Keycloak's
 * admin API), a colleague's decision reaching the other officer's open card, a decision with the keyboard alone that
 * fits a 1366×768 van screen, and an ended sign-in that keeps what was being typed.
 */
@QuarkusTest
class ConsoleBrowserTest {

    static final String LIN = DashboardBrowserTest.LIN;
    static final Actor CAROL = Fixtures.officer("carol.officer");
    static final Duration WAIT = Duration.ofSeconds(30);

    final List<DeploymentView> running = new java.util.ArrayList<>();

    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void anAlertCommittedAfterTheFirstTokenExpiredAppearsWithoutAReload() throws Exception {
        DeploymentView d = started(Fixtures.activeWith(CAROL, new CameraInput("Bridge camera", null, true, null, "Bridge"), Map.of()));
        try (AutoCloseable shortTokens = KeycloakAdmin.accessTokenLifespan("lfr-web", Duration.ofSeconds(30));
                Browser browser = Browser.open(base()).signIn("carol.officer", "#/alerts")) {
            browser.waitUntilText(By.id("connection"), "connected", WAIT);
            browser.script("window.notReloaded = true;");
            // the server closes the socket when the token it was opened with expires (1008), 30 s after sign-in
            new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(x -> closes(browser).contains(1008L));
            browser.waitUntilText(By.id("connection"), "connected", WAIT);
            String id = Fixtures.alert(d).id().toString();
            browser.waitFor(By.cssSelector("article[data-alert-id='" + id + "']"), Duration.ofSeconds(60));
            assertThat(browser.script("return window.notReloaded === true;")).as("no reload").isEqualTo(true);
            countIsTheServices(browser, "carol.officer");
        }
    }

    @Test
    void anOfficerSignsInAndDecidesTheNewestAlertWithTheKeyboardAloneOnAVanScreen() throws Exception {
        DeploymentView d = started(Fixtures.activeWith(CAROL, new CameraInput("Market camera", null, true, null, "Market"),
                Map.of("LIN-MANUEL-MIRANDA", LIN)));
        raise(d, 0.86);
        String newest = raise(d, 0.91);
        try (Browser browser = Browser.open(base(), 1366, 768)) {
            browser.driver.get(base() + "/dashboard/#/alerts");
            browser.waitFor(By.id("username"), WAIT);
            // Keycloak's page puts the cursor in the username field; the rest is typed
            browser.driver.switchTo().activeElement().sendKeys("carol.officer", Keys.TAB,
                    KeycloakTokens.password("carol.officer"), Keys.ENTER);
            WebElement card = browser.waitFor(By.cssSelector("article[data-alert-id='" + newest + "']"), WAIT);
            new WebDriverWait(browser.driver, WAIT).until(x -> card.findElements(By.tagName("img")).stream()
                    .filter(img -> !"0".equals(img.getDomProperty("naturalWidth"))).count() == 2);
            long waiting = countIsTheServices(browser, "carol.officer");
            assertThat(waiting).isGreaterThanOrEqualTo(2).isEqualTo(cards(browser));
            assertThat(browser.script("return document.querySelector('#queue article').dataset.alertId;"))
                    .as("the newest alert first").isEqualTo(newest);
            @SuppressWarnings("unchecked")
            List<String> outside = (List<String>) browser.script("const card = arguments[0];"
                    + " return [...card.querySelectorAll('img, button')].filter(e => { const r = e.getBoundingClientRect();"
                    + " return r.top < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth; })"
                    + ".map(e => e.alt || e.textContent);", card);
            assertThat(browser.script("return window.scrollY;")).isEqualTo(0L);
            assertThat(outside).as("both faces and the decision buttons in a 1366×768 window, unscrolled").isEmpty();
            browser.screenshot("officer-console-1366x768");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // the keyboard alone: Tab to "Go to the newest alert", Enter, then the card's own fields and buttons
            for (int i = 0; i < 30 && !"go-newest".equals(browser.driver.switchTo().activeElement().getAttribute("id")); i++) {
                browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            }
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("go-newest");
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            WebElement outcome = browser.driver.switchTo().activeElement();
            assertThat(card.findElements(By.tagName("select"))).containsExactly(outcome);
            outcome.sendKeys("Words");
            outcome.sendKeys(Keys.TAB);
            browser.driver.switchTo().activeElement().sendKeys("Spoken to and released", Keys.TAB);
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Confirm match");
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            new WebDriverWait(browser.driver, WAIT).until(x -> pendingCount(browser) == waiting - 1);
            assertThat(browser.driver.findElements(By.cssSelector("#queue article[data-alert-id='" + newest + "']"))).isEmpty();
            assertThat(browser.textContent("#decided-list li[data-alert-id='" + newest + "']")).contains("Confirmed match by carol.officer", "Words of advice",
                    "Spoken to and released");
        }
        assertThat(Sql.count("select count(*) from alert where id = ? and adjudication = 'CONFIRMED_MATCH'"
                + " and outcome = 'ADVICE' and outcome_notes = 'Spoken to and released'", UUID.fromString(newest))).isOne();
        assertThat(Sql.count("select count(*) from audit_event where action = 'ALERT_ADJUDICATED' and subject_id = ?"
                + " and actor = 'carol.officer'", newest)).isOne();
    }

    @Test
    void aColleaguesDecisionReachesTheOtherOfficersOpenCardAndASupervisorIsShownNoDecision() throws Exception {
        DeploymentView d = started(Fixtures.activeWith(CAROL, new CameraInput("Square camera", null, true, null, "Square"), Map.of()));
        Fixtures.assign(d.id(), "carol.officer", "dave.officer");
        String id = Fixtures.alert(d).id().toString();
        By card = By.cssSelector("#queue article[data-alert-id='" + id + "']");
        try (Browser carol = Browser.open(base()).signIn("carol.officer", "#/alerts");
                Browser dave = Browser.open(base()).signIn("dave.officer", "#/alerts");
                Browser alice = Browser.open(base()).signIn("alice.supervisor", "#/alerts")) {
            dave.waitFor(card, WAIT).findElement(By.tagName("textarea")).sendKeys("About to decide");
            assertThat(alice.waitFor(card, WAIT).findElements(By.tagName("button"))).as("a supervisor does not decide")
                    .isEmpty();
            assertThat(alice.driver.findElement(card).getText()).contains("Only the officers assigned to this deployment");
            carol.waitFor(card, WAIT).findElement(By.xpath(".//button[normalize-space()='False alert']")).click();
            for (Browser other : List.of(dave, alice)) {
                new WebDriverWait(other.driver, WAIT).until(x -> other.driver.findElements(card).isEmpty());
                assertThat(other.textContent("#decided-list li[data-alert-id='" + id + "']")).contains("False alert by carol.officer");
                if (other == dave) {
                    countIsTheServices(dave, "dave.officer");
                }
            }
            assertThat(dave.driver.findElement(By.id("announce")).getAttribute("textContent"))
                    .contains("False alert by carol.officer");
            // the decided list is searchable
            dave.driver.findElement(By.cssSelector("#decided summary")).click();
            dave.driver.findElement(By.id("decided-search")).sendKeys("nobody-has-this-name");
            assertThat(dave.driver.findElement(By.cssSelector("#decided-list li[data-alert-id='" + id + "']")).isDisplayed())
                    .isFalse();
        }
    }

    @Test
    void anEndedSignInAsksToSignInAgainAndKeepsTheHalfTypedDecision() throws Exception {
        DeploymentView d = started(Fixtures.activeWith(CAROL, new CameraInput("Arcade camera", null, true, null, "Arcade"), Map.of()));
        String id = Fixtures.alert(d).id().toString();
        By notes = By.cssSelector("article[data-alert-id='" + id + "'] textarea");
        try (AutoCloseable shortTokens = KeycloakAdmin.accessTokenLifespan("lfr-web", Duration.ofSeconds(30));
                Browser browser = Browser.open(base()).signIn("carol.officer", "#/alerts")) {
            browser.waitFor(notes, WAIT).sendKeys("Subject walked towards the station");
            KeycloakAdmin.endSessions("carol.officer");
            browser.waitFor(By.id("sign-in-again"), Duration.ofSeconds(90));
            assertThat(browser.driver.findElement(notes).getDomProperty("value")).isEqualTo("Subject walked towards the station");
            browser.driver.findElement(By.xpath("//button[normalize-space()='Sign in again']")).click();
            browser.waitFor(By.id("username"), WAIT).sendKeys("carol.officer");
            browser.driver.findElement(By.id("password")).sendKeys(KeycloakTokens.password("carol.officer"));
            browser.driver.findElement(By.id("kc-login")).click();
            assertThat(browser.waitFor(notes, WAIT).getDomProperty("value")).isEqualTo("Subject walked towards the station");
        }
    }

    private static String raise(DeploymentView d, double similarity) {
        UUID entry = await(() -> Fixtures.bean(WatchlistService.class).get(Fixtures.APPROVER, d.id())).entries().get(0).id();
        byte[] face = SharedEval.bytes(LIN);
        return await(() -> Fixtures.bean(AlertRecorder.class).raise(new NewAlert(d.id(), d.cameras().get(0).id(), entry,
                similarity, Instant.now(), face, "image/png"))).id().toString();
    }

    private static long pendingCount(Browser browser) {
        return Long.parseLong(browser.driver.findElement(By.id("pending-count")).getText().split(" ")[0]);
    }

    /**
     * The "alerts waiting" count equals the undecided alerts of the running deployments the officer operates, counted
     * in PostgreSQL; returns it.
     */
    private static long countIsTheServices(Browser browser, String operator) {
        long expected = Sql.count("select count(*) from alert a join deployment d on d.id = a.deployment_id"
                + " where a.adjudication is null and d.status in ('ACTIVE', 'PAUSED') and ? = any(d.operators)", operator);
        new WebDriverWait(browser.driver, WAIT).until(x -> pendingCount(browser) == expected);
        return expected;
    }

    private static long cards(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#queue article")).size();
    }

    /** Started by a test: stopped after it whatever happened, so no other test's queue holds its alerts. */
    private DeploymentView started(DeploymentView d) {
        running.add(d);
        return d;
    }

    @AfterEach
    void stopWhatRuns() {
        for (DeploymentView d : running) {
            String status = Fixtures.deployment(d.id()).status().name();
            if (status.equals("ACTIVE") || status.equals("PAUSED")) {
                await(() -> Fixtures.bean(DeploymentService.class).stop(CAROL, d.id()));
            }
        }
        running.clear();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> closes(Browser browser) {
        return (List<Long>) browser.script("return window.lfrLiveCloses || [];");
    }
}

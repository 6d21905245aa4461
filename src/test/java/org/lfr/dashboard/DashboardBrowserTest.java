package org.lfr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.alert.AlertRecorder;
import org.lfr.alert.NewAlert;
import org.lfr.common.Actor;
import org.lfr.deployment.CameraInput;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.notice.NoticeChannel;
import org.lfr.notice.NoticeInput;
import org.lfr.notice.NoticeService;
import org.lfr.recognition.runtime.FramePush;
import org.lfr.support.AuditTamper;
import org.lfr.support.Browser;
import org.lfr.support.Fixtures;
import org.lfr.support.Frames;
import org.lfr.support.GraphQL;
import org.lfr.support.KeycloakTokensCache;
import org.lfr.support.Sql;
import org.lfr.transparency.DeploymentRecordService;
import org.lfr.watchlist.WatchlistService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The command dashboard in a real browser (Debian's Chromium, headless) against the running service, with real
 * Keycloak logins typed into Keycloak's own page, real PostgreSQL, and a real face pushed through the pipeline.
 * Each main view is screenshotted under target/screenshots and checked with axe-core (serious or critical WCAG 2.x
 * A/AA violations fail the test).
 */
@QuarkusTest
class DashboardBrowserTest {

    static final String LIN = "face_recognition_examples/lin_manuel_miranda/lin-manuel-miranda.png";
    static final Actor CAROL = Fixtures.officer("carol.officer");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL root;

    @Inject
    FramePush frames;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void anOfficerSeesBothImagesOfALiveAlertAndConfirmsIt() throws Exception {
        DeploymentView d = Fixtures.activeWith(CAROL, new CameraInput("Door camera", null, true, null, "Door"),
                Map.of("LIN-MANUEL-MIRANDA", LIN));
        UUID camera = d.cameras().get(0).id();
        try (Browser browser = Browser.open(base()).signIn("carol.officer", "#/alerts")) {
            browser.waitUntilText(By.id("connection"), "connected", WAIT);
            byte[] frame = Frames.faceAt(LIN, 420);
            frames.push(CAROL, camera, frame); // two agreeing frames of one tracked face: one alert
            Thread.sleep(300);
            frames.push(CAROL, camera, frame);
            String alertId = null;
            for (int i = 0; i < 100 && alertId == null; i++) {
                alertId = Fixtures.alerts(CAROL, d.id()).stream().findFirst().map(a -> a.id().toString()).orElse(null);
                Thread.sleep(alertId == null ? 200 : 0);
            }
            WebElement card = alertCard(browser, alertId);
            new WebDriverWait(browser.driver, WAIT).until(x -> loadedImages(card) == 2);
            assertThat(card.getText()).contains("LIN-MANUEL-MIRANDA", "threshold 0.815", "Wanted by the courts",
                    "Door camera");
            assertThat(browser.driver.findElement(By.id("announce")).getAttribute("textContent"))
                    .contains("New alert: LIN-MANUEL-MIRANDA");
            browser.screenshot("officer-alerts");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat(browser.contentSecurityPolicyViolations()).as("under the strict CSP (images are blob: URLs)")
                    .isEmpty();

            card.findElement(By.xpath(".//button[normalize-space()='Confirm match']")).click();
            // decided: the card leaves the queue for the Decided list, with who decided
            String decided = "#decided-list li[data-alert-id='" + alertId + "']";
            browser.waitFor(By.cssSelector("#decided"), WAIT);
            new WebDriverWait(browser.driver, WAIT).until(x -> !x.findElements(By.cssSelector(decided)).isEmpty());
            assertThat(browser.textContent(decided)).contains("Confirmed match by carol.officer");
            assertThat(browser.driver.findElements(By.cssSelector("#queue article[data-alert-id='" + alertId + "']"))).isEmpty();
            GraphQL.ok(KeycloakTokensCache.token("carol.officer"), "query($a: ID!) { alert(id: $a) { adjudication } }",
                    Map.of("a", alertId)).body("data.alert.adjudication", org.hamcrest.Matchers.equalTo("CONFIRMED_MATCH"));
            assertThat(Sql.count("select count(*) from audit_event where action = 'ALERT_ADJUDICATED' and subject_id = ?"
                    + " and actor = 'carol.officer'", alertId)).isOne();
        }
        await(() -> Fixtures.bean(DeploymentService.class).stop(CAROL, d.id()));
    }

    /**
     * Measured, not asserted: commit → on screen for 20 alerts (report in target/dashboard-latency.json); then the
     * live connection is cut and held off while three alerts are committed, and on reconnect the queue catches up
     * with no alert lost and none twice.
     */
    @Test
    void theQueueShowsEveryAlertOnceAndCatchesUpAfterItsConnectionDrops() throws Exception {
        DeploymentView d = Fixtures.activeWith(CAROL, new CameraInput("Gate camera", null, true, null, "Gate"), Map.of());
        UUID entry = await(() -> Fixtures.bean(WatchlistService.class).get(Fixtures.APPROVER, d.id())).entries().get(0).id();
        UUID camera = d.cameras().get(0).id();
        try (Browser browser = Browser.open(base(), 1920, 1080).signIn("carol.officer", "#/alerts")) {
            browser.waitUntilText(By.id("connection"), "connected", WAIT);
            Map<String, Long> committed = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                String id = raise(d.id(), camera, entry).toString();
                committed.put(id, System.currentTimeMillis());
                Thread.sleep(250);
            }
            new WebDriverWait(browser.driver, WAIT).until(x -> shown(browser, committed.keySet()) == 20);
            browser.screenshot("officer-queue-1080p");
            report(browser, committed);

            // the van loses its network: the socket is cut and cannot come back until the network does
            browser.driver.executeCdpCommand("Network.enable", Map.of());
            browser.driver.executeCdpCommand("Network.emulateNetworkConditions", network(true));
            browser.script("window.lfrLive.terminate();");
            browser.waitUntilText(By.id("connection"), "reconnecting", WAIT);
            List<String> whileAway = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                whileAway.add(raise(d.id(), camera, entry).toString());
            }
            Thread.sleep(2000);
            assertThat(shown(browser, whileAway)).as("nothing arrives while the connection is down").isZero();
            browser.driver.executeCdpCommand("Network.emulateNetworkConditions", network(false));
            new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(x -> shown(browser, whileAway) == 3);
            browser.waitUntilText(By.id("connection"), "connected", WAIT);
            @SuppressWarnings("unchecked")
            List<String> cards = (List<String>) browser.script("return [...document.querySelectorAll('article[data-alert-id]')]"
                    + ".map(a => a.dataset.alertId);");
            assertThat(cards).as("no alert twice").doesNotHaveDuplicates().containsAll(committed.keySet())
                    .containsAll(whileAway);
        }
        await(() -> Fixtures.bean(DeploymentService.class).stop(CAROL, d.id()));
    }

    @Test
    void aSupervisorSeesWhyADeploymentCannotStartFixesItInThePageAndAuthorisesIt() throws Exception {
        DeploymentView draft = Fixtures.withCamera(Fixtures.DRAFTER, Fixtures.draft(Fixtures.DRAFTER));
        Fixtures.entry(Fixtures.DRAFTER, draft.id(), false);
        try (Browser browser = Browser.open(base()).signIn("frank.dual", "#/deployments/" + draft.id())) {
            browser.waitFor(By.id("checklist"), WAIT);
            assertThat(unmet(browser)).contains("SIGNAGE_NOT_PLACED", "WATCHLIST_NOT_FROZEN", "NOT_AUTHORISED",
                    "COMMUNITY_NOTICE_LEAD_TIME");
            browser.screenshot("supervisor-gate");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            // bad input is refused with the API's words and changes nothing
            WebElement text = browser.driver.findElement(By.xpath("//label[normalize-space()='Notice text']/following::textarea[1]"));
            WebElement area = browser.driver.findElement(By.xpath("//label[normalize-space()='Area']/following::input[1]"));
            clickButton(browser, "Publish notice");
            browser.waitFor(By.cssSelector(".govuk-error-summary"), WAIT);
            browser.script("arguments[0].value = 'x'.repeat(10000);", text);
            area.sendKeys("High street");
            clickButton(browser, "Publish notice");
            browser.waitFor(By.cssSelector(".govuk-error-summary"), WAIT);
            assertThat(Sql.count("select count(*) from community_notice where deployment_id = ?", draft.id())).isZero();

            String hostile = "<script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\"> سوق المدينة";
            browser.script("arguments[0].value = arguments[1];", text, hostile);
            clickAndReload(browser, "Publish notice");
            // the published notice, its channel in words and its text shown as typed
            assertThat(browser.driver.findElement(By.cssSelector("#notices table")).getText()).contains("Web page")
                    .contains("<script>window.injected = 1</script>");
            assertThat(browser.script("return window.injected === undefined;")).isEqualTo(true);

            clickAndReload(browser, "Record sign placed");
            waitMet(browser, "SIGNAGE_NOT_PLACED");
            clickAndReload(browser, "Approve watchlist");
            browser.waitUntilText(By.id("watchlist-state"), "Approved by frank.dual", WAIT);
            clickAndReload(browser, "Submit for authorisation");
            browser.waitUntilText(By.id("status"), "SUBMITTED", WAIT);
            clickAndReload(browser, "Authorise");
            browser.waitUntilText(By.id("status"), "AUTHORISED", WAIT);
            waitMet(browser, "NOT_AUTHORISED");
            waitMet(browser, "FOUR_EYES");
            waitMet(browser, "WATCHLIST_NOT_FROZEN");
        }
        assertThat(Fixtures.deployment(draft.id()).status().name()).isEqualTo("AUTHORISED");
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_AUTHORISED' and subject_id = ?"
                + " and actor = 'frank.dual'", draft.id().toString())).isOne();
    }

    @Test
    void theDpoVerifiesTheAuditChainAndSeesTheTamperedRowNamed() throws Exception {
        Fixtures.draft(Fixtures.DRAFTER);
        Fixtures.draft(Fixtures.DRAFTER);
        try (Browser browser = Browser.open(base(), 1920, 1080).signIn("erin.dpo", "#/oversight")) {
            clickButton(browser, "Verify the audit chain");
            browser.waitFor(By.id("chain-intact"), WAIT);
            // the audit filter's actions come from the API (auditActions): introspection is off
            browser.waitFor(By.cssSelector("option[value='OPERATORS_ASSIGNED']"), WAIT);
            browser.screenshot("dpo-oversight");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat(browser.contentSecurityPolicyViolations()).as("under the strict CSP").isEmpty();
            // positive control: an inline script (as an injected one would be) is refused, and the refusal is seen
            browser.script("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                    + " document.body.appendChild(s);");
            assertThat(browser.script("return window.inlineRan === undefined;")).isEqualTo(true);
            assertThat(browser.contentSecurityPolicyViolations()).as("the refused inline script").isNotEmpty();
            try (AuditTamper tamper = AuditTamper.editEvent(1)) {
                clickButton(browser, "Verify the audit chain");
                browser.waitUntilText(By.id("chain-broken"), "Audit chain broken at event " + tamper.seq, WAIT);
                assertThat(browser.driver.findElement(By.id("chain-broken")).getText()).contains(tamper.id,
                        "content does not match its hash");
            }
            clickButton(browser, "Verify the audit chain");
            browser.waitFor(By.id("chain-intact"), WAIT);
        }
    }

    @Test
    void theDpoSeesTheEventsLostInARestoreInsteadOfIntact() throws Exception {
        Fixtures.draft(Fixtures.DRAFTER);
        long head = Sql.count("select max(seq) from audit_event");
        // what scripts/restore writes (RestoreRecoveryTest and BackupRestoreIT cover how it gets there)
        Sql.asOwner("insert into restore_marker (backup_file, backup_taken_at, restored_at, head_seq, head_hash, head_at)"
                + " select 'b.dump', occurred_at, now(), seq, hash, occurred_at from audit_event where seq = ?", head);
        try (Browser browser = Browser.open(base(), 1920, 1080).signIn("erin.dpo", "#/oversight")) {
            clickButton(browser, "Verify the audit chain");
            browser.waitUntilText(By.id("chain-restored"), "Audit events after #" + head
                    + " were lost in a restore from backup", WAIT);
            assertThat(browser.driver.findElement(By.id("chain-restored")).getText()).contains("Events after #" + head
                    + " on ", "were lost in the restore");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        } finally {
            Sql.asOwner("delete from restore_marker");
        }
    }

    @Test
    void thePublicPageShowsNoticesAndRecordsAndNothingPrivate() throws Exception {
        String subject = "PRIVATE-SUBJECT-" + UUID.randomUUID().toString().substring(0, 8);
        DeploymentView d = Fixtures.activeWith(CAROL, new CameraInput("Secret camera name", null, true, null, "Roof"),
                Map.of());
        await(() -> Fixtures.bean(NoticeService.class).publish(Fixtures.APPROVER, d.id(), new NoticeInput(
                List.of(NoticeChannel.WEB_PAGE), "Queen Street", "Cameras on <b>Queen Street</b> <script>window.injected = 1</script>",
                null)));
        await(() -> Fixtures.bean(DeploymentService.class).stop(CAROL, d.id()));
        await(() -> Fixtures.bean(DeploymentRecordService.class).generateDue());
        await(() -> Fixtures.bean(DeploymentRecordService.class).publish(Fixtures.APPROVER, d.id()));
        String entrySubject = await(() -> Fixtures.bean(WatchlistService.class).get(Fixtures.APPROVER, d.id()))
                .entries().get(0).subjectReference();
        try (Browser browser = Browser.open(base())) {
            browser.recordGraphQLResponses();
            browser.driver.get(base() + "/public/");
            browser.waitUntilText(By.id("content"), d.reference(), WAIT);
            browser.waitUntilText(By.id("content"), "<script>window.injected = 1</script>", WAIT);
            assertThat(browser.script("return window.injected === undefined;")).isEqualTo(true);
            browser.screenshot("public");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat(browser.contentSecurityPolicyViolations()).as("under the strict CSP").isEmpty();
            String page = browser.driver.getPageSource();
            List<String> responses = browser.graphQLResponses();
            assertThat(responses).isNotEmpty();
            for (String leak : List.of(entrySubject, subject, "Secret camera name", d.cameras().get(0).id().toString(),
                    "streamUrl", "subjectReference", "/crop", "/image")) {
                assertThat(page).as("page source").doesNotContain(leak);
                assertThat(responses).as("GraphQL responses").noneMatch(r -> r.contains(leak));
            }
        }
    }

    @Test
    void anOfficerNotOnADeploymentNeitherSeesNorCanFetchItsAlerts() throws Exception {
        DeploymentView d = Fixtures.active(CAROL);
        String alertId = Fixtures.alert(d).id().toString();
        try (Browser browser = Browser.open(base()).signIn("dave.officer", "#/alerts")) {
            browser.waitFor(By.tagName("h1"), WAIT);
            Thread.sleep(1000);
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain(d.reference());
            assertThat(browser.driver.findElements(By.cssSelector("article[data-alert-id='" + alertId + "']"))).isEmpty();
            Object forced = browser.asyncScript("const done = arguments[arguments.length - 1];"
                    + " import('/dashboard/js/session.js').then(s => s.gql('query($a: ID!) { alert(id: $a) { id subjectReference } }',"
                    + " {a: arguments[0]})).then(d => done('answered: ' + JSON.stringify(d)))"
                    + ".catch(e => done('refused: ' + JSON.stringify(e.problems)));", alertId);
            assertThat(String.valueOf(forced)).startsWith("refused: ").contains("\"code\":\"forbidden\"");
        }
        await(() -> Fixtures.bean(DeploymentService.class).stop(CAROL, d.id()));
    }

    @Test
    void aSupervisorKeepsAnAlertForProceedingsFromTheDeploymentPage() throws Exception {
        DeploymentView d = Fixtures.active(CAROL);
        String alertId = Fixtures.alert(d).id().toString();
        try (Browser browser = Browser.open(base()).signIn("alice.supervisor", "#/deployments/" + d.id())) {
            WebElement alerts = browser.waitFor(By.id("alerts"), WAIT);
            alerts.findElement(By.cssSelector("input")).sendKeys("Evidence in R v Example, Cardiff Crown Court");
            clickAndReload(browser, "Place legal hold");
            browser.waitUntilText(By.id("alerts"), "held by alice.supervisor: Evidence in R v Example", WAIT);
        }
        GraphQL.ok(KeycloakTokensCache.token("alice.supervisor"), "query($a: ID!) { alert(id: $a) { legalHoldBy } }",
                Map.of("a", alertId)).body("data.alert.legalHoldBy", org.hamcrest.Matchers.equalTo("alice.supervisor"));
        assertThat(Sql.count("select count(*) from audit_event where action = 'LEGAL_HOLD_PLACED' and subject_id = ?",
                alertId)).isOne();
        await(() -> Fixtures.bean(DeploymentService.class).stop(CAROL, d.id()));
    }

    @Test
    void aDeploymentHeldAfterARestoreIsListedWithWhyAndASupervisorStopsItWithAReason() throws Exception {
        DeploymentView d = Fixtures.active(CAROL);
        // as the service's first start on a restored database leaves it (RestoreRecoveryTest, BackupRestoreIT)
        Sql.update("update deployment set status = 'PAUSED', hold_reason = 'restored from backup' where id = ?", d.id());
        try (Browser browser = Browser.open(base()).signIn("alice.supervisor", "#/deployments")) {
            browser.waitUntilText(By.id("held-deployments"), d.reference(), WAIT);
            assertThat(browser.driver.findElement(By.id("held-deployments")).getText()).contains("restored from backup");
            browser.driver.get(base() + "/dashboard/#/deployments/" + d.id());
            browser.waitUntilText(By.id("held"), "Held by the service: restored from backup", WAIT);
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.waitFor(By.tagName("textarea"), WAIT).sendKeys("Stopped and purged before the restore");
            clickAndReload(browser, "Stop (held)");
            browser.waitUntilText(By.id("status"), "CLOSED", WAIT);
        }
        assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_CLOSED' and subject_id = ?"
                + " and actor = 'alice.supervisor' and details like '%Stopped and purged before the restore%'",
                d.id().toString())).isOne();
    }

    // ------------------------------------------------------------------ helpers

    private UUID raise(UUID deployment, UUID camera, UUID entry) {
        return await(() -> Fixtures.bean(AlertRecorder.class).raise(new NewAlert(deployment, camera, entry, 0.9,
                Instant.now(), Fixtures.TINY_JPEG, "image/jpeg"))).id();
    }

    private static Map<String, Object> network(boolean offline) {
        return Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
    }

    private static WebElement alertCard(Browser browser, String alertId) {
        assertThat(alertId).as("the pushed face raised an alert").isNotNull();
        return browser.waitFor(By.cssSelector("article[data-alert-id='" + alertId + "']"), WAIT);
    }

    private static long loadedImages(WebElement card) {
        return card.findElements(By.tagName("img")).stream()
                .filter(img -> !"0".equals(img.getDomProperty("naturalWidth"))).count();
    }

    private static long shown(Browser browser, java.util.Collection<String> ids) {
        return ids.stream().filter(id -> !browser.driver.findElements(By.cssSelector("article[data-alert-id='" + id + "']"))
                .isEmpty()).count();
    }

    @SuppressWarnings("unchecked")
    private static List<String> unmet(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#checklist li[data-met=false]')]"
                + ".map(li => li.dataset.rule);");
    }

    private static void waitMet(Browser browser, String rule) {
        browser.waitFor(By.cssSelector("#checklist li[data-rule='" + rule + "'][data-met='true']"), WAIT);
    }

    /** Clicks an action that succeeds: the page is then drawn again from the API. */
    private static void clickAndReload(Browser browser, String label) {
        WebElement before = browser.driver.findElement(By.id("status"));
        clickButton(browser, label);
        new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.stalenessOf(before));
        browser.waitFor(By.id("status"), WAIT);
    }

    private static void clickButton(Browser browser, String label) {
        browser.waitFor(By.xpath("//button[normalize-space()='" + label + "']"), WAIT).click();
    }

    /** Commit → on screen, per alert, from the browser's own record of when each card appeared (same clock). */
    @SuppressWarnings("unchecked")
    private static void report(Browser browser, Map<String, Long> committed) throws Exception {
        List<Map<String, Object>> shownAt = (List<Map<String, Object>>) browser.script("return window.lfrShown;");
        List<Long> latencies = new ArrayList<>();
        for (Map<String, Object> s : shownAt) {
            Long at = committed.get((String) s.get("id"));
            if (at != null) {
                latencies.add(((Number) s.get("at")).longValue() - at);
            }
        }
        latencies.sort(Long::compare);
        long p50 = latencies.get(latencies.size() / 2);
        long p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> transfer = (Map<String, Object>) browser.script("const e = performance.getEntriesByType('resource');"
                + " const n = performance.getEntriesByType('navigation')[0];"
                + " return {resources: e.length, transferBytes: e.reduce((s, r) => s + r.transferSize, 0) + n.transferSize,"
                + " decodedBytes: e.reduce((s, r) => s + r.decodedBodySize, 0) + n.decodedBodySize};");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("alerts", latencies.size());
        report.put("commit_to_screen_ms", Map.of("p50", p50, "p95", p95, "max", latencies.get(latencies.size() - 1),
                "all", latencies));
        report.put("first_load_after_login", transfer);
        Path out = Path.of("target", "dashboard-latency.json");
        Files.writeString(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.out.println("dashboard latency: " + report);
        assertThat(latencies).as("every alert measured").hasSize(committed.size());
    }
}

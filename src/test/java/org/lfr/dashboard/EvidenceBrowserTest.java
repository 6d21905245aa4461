package org.lfr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;
import static org.lfr.support.Fixtures.bean;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.alert.Adjudication;
import org.lfr.alert.AdjudicationInput;
import org.lfr.alert.AlertService;
import org.lfr.common.Actor;
import org.lfr.deployment.DeploymentDrafting;
import org.lfr.deployment.DeploymentInput;
import org.lfr.deployment.DeploymentService;
import org.lfr.deployment.DeploymentView;
import org.lfr.deployment.FaceCount;
import org.lfr.support.Browser;
import org.lfr.support.Fixtures;
import org.lfr.transparency.DeploymentRecordService;
import org.lfr.watchlist.WatchlistService;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #22 in the browser, signed in on Keycloak's page: the expected false alerts on the authorisation view; the
 * live check's banner reaching a supervisor's console on the subscription, and the paused state on the deployment
 * page; the published record's new fields on the public page (exemption, range, roles, open-data links). Each view is
 * checked with axe-core and screenshotted.
 */
@QuarkusTest
class EvidenceBrowserTest {

    static final Actor CAROL = Fixtures.officer("carol.officer");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void theAuthorisationViewStatesTheExpectedFalseAlerts() throws Exception {
        DeploymentView d = Fixtures.draft(Fixtures.DRAFTER);
        DeploymentInput in = Fixtures.input(d.plannedStart(), d.plannedEnd());
        await(() -> bean(DeploymentDrafting.class).update(Fixtures.DRAFTER, d.id(), new DeploymentInput(d.reference(),
                in.purpose(), in.locationName(), in.latitude(), in.longitude(), in.areaDescription(),
                in.locationRationale(), in.plannedStart(), in.plannedEnd(), in.dpiaReference(),
                in.equalityImpactReference(), null, 3000)));
        Fixtures.withCamera(Fixtures.DRAFTER, d);
        Fixtures.sign(Fixtures.DRAFTER, Fixtures.deployment(d.id()).cameras().get(0).id());
        Fixtures.entry(Fixtures.DRAFTER, d.id(), false);
        await(() -> bean(WatchlistService.class).approve(Fixtures.APPROVER, d.id()));
        await(() -> bean(DeploymentDrafting.class).submit(Fixtures.DRAFTER, d.id()));
        try (Browser browser = Browser.open(base()).signIn("alice.supervisor", "#/deployments/" + d.id())) {
            browser.waitUntilText(By.id("expected-false-alerts"), "faces an hour", WAIT);
            String text = browser.driver.findElement(By.id("expected-false-alerts")).getText();
            // 3,000 an hour for 4 h at group F's 1 in 1,060: 11.3 expected
            assertThat(text).contains("About 11 false alerts expected over 4 h at 3,000 faces an hour (5–18)")
                    .contains("group F").contains("everyone");
            browser.screenshot("evidence-authorisation");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void aSupervisorIsToldLiveAndTheDeploymentPageShowsItPaused() throws Exception {
        DeploymentView d = Fixtures.active(CAROL);
        await(() -> bean(FaceCount.class).add(d.id(), 40));
        try (Browser browser = Browser.open(base(), 1280, 1024).signIn("alice.supervisor", "#/alerts")) {
            browser.waitFor(By.id("connection"), WAIT);
            assertThat(browser.driver.findElements(By.id("false-alert-banners"))).hasSize(1);
            Thread.sleep(2000); // the console's subscription is open
            for (int i = 0; i < 7; i++) {
                UUID alert = Fixtures.alert(d).id();
                await(() -> bean(AlertService.class).adjudicate(CAROL, new AdjudicationInput(alert,
                        Adjudication.FALSE_ALERT, null, null)));
            }
            browser.waitUntilText(By.id("false-alert-banners"), "7 false alerts in 40 faces", WAIT);
            browser.screenshot("evidence-live-notice");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();

            browser.driver.get(base() + "/dashboard/#/deployments/" + d.id());
            browser.waitUntilText(By.id("status"), "PAUSED", WAIT);
            browser.waitUntilText(By.id("held"), "false alerts significantly above the calibrated rate", WAIT);
            browser.waitUntilText(By.id("evidence"), "significantly more than promised", WAIT);
            browser.screenshot("evidence-paused");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void thePublicPageShowsTheRecordsNewFieldsAndLinksTheOpenData() throws Exception {
        DeploymentView d = Fixtures.active(CAROL); // authorised under a critical-threat exemption
        await(() -> bean(FaceCount.class).add(d.id(), 5000));
        UUID decided = Fixtures.alert(d).id();
        await(() -> bean(AlertService.class).adjudicate(CAROL, new AdjudicationInput(decided, Adjudication.FALSE_ALERT,
                null, null)));
        Fixtures.alert(d); // never decided
        await(() -> bean(DeploymentService.class).stop(CAROL, d.id()));
        await(() -> bean(DeploymentRecordService.class).generateDue());
        await(() -> bean(DeploymentRecordService.class).publish(Fixtures.APPROVER, d.id()));
        try (Browser browser = Browser.open(base())) {
            browser.driver.get(base() + "/public/");
            By record = By.cssSelector("[data-record='" + d.reference() + "']");
            browser.waitUntilText(record, "critical-threat exemption", WAIT);
            String text = browser.driver.findElement(record).getText();
            assertThat(text).contains("Between 1 in 5,000 and 1 in 2,500: 1 alert was never decided")
                    .contains("1 of 2 alerts were never decided").contains("Supervisor")
                    .doesNotContain("fixture.supervisor").doesNotContain("carol.officer");
            assertThat(browser.driver.findElement(By.id("open-data")).getText()).contains("CSV").contains("JSON");
            assertThat(browser.driver.findElement(By.linkText("CSV")).getAttribute("href"))
                    .endsWith("/open-data/deployment-records.csv");
            browser.screenshot("evidence-public-record");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }
}

package org.lfr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.retention.RetentionService;
import org.lfr.support.ApiScenario;
import org.lfr.support.Browser;
import org.lfr.support.Fixtures;
import org.lfr.support.Frames;
import org.lfr.support.GraphQL;
import org.lfr.support.KeycloakTokens;
import org.lfr.support.KeycloakTokensCache;
import org.lfr.support.LifecycleScreens;
import org.lfr.support.PlanningScreens;
import org.lfr.support.PlanningScreens.Entry;
import org.lfr.support.PlanningScreens.Plan;
import org.lfr.support.Sql;
import org.lfr.transparency.DeploymentRecordService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One whole deployment through the screens alone, in a real browser (Debian's Chromium) with real Keycloak logins,
 * real PostgreSQL and a real face through the recognition pipeline. The test itself makes no GraphQL or REST call
 * except to push the camera's frames (as the camera's own device) and to read outcomes; the scheduled jobs that
 * purge a closed deployment's watchlist and generate its record (off in tests) are run when their minute would have
 * come. At every state it passes through, the checklist on the page agrees with the start gate
 * ({@code deploymentReadiness}) and no ticked line carries a rule's failure text; each step's audit event is checked
 * under the person who took it.
 */
@QuarkusTest
class WholeDeploymentBrowserTest {

    static final String LIN = DashboardBrowserTest.LIN;
    static final String BIDEN = PlanningBrowserTest.BIDEN;
    static final String TWO_FACES = PlanningBrowserTest.TWO_FACES;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String EXEMPTION = "Credible intelligence of a planned assault at the market today";

    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void anOfficerAndASupervisorRunOneWholeDeploymentThroughTheScreens() throws Exception {
        String reference = "WHOLE-" + UUID.randomUUID().toString().substring(0, 8);
        String lin = "LIN-" + UUID.randomUUID().toString().substring(0, 6);
        String biden = "BIDEN-" + UUID.randomUUID().toString().substring(0, 6);
        Path work = Files.createDirectories(Path.of("target", "whole-deployment-test"));
        Path twoFaces = PlanningScreens.photoFile(TWO_FACES, work.resolve("two-faces.jpg"));
        Path linPhoto = PlanningScreens.photoFile(LIN, work.resolve("lin.png"));
        Path zip = PlanningScreens.zipOf(work.resolve("bulk.zip"), Map.of(biden + ".jpg", BIDEN));
        LocalDateTime start = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES).minusMinutes(1);
        Plan plan = new Plan(reference, "Locate people wanted for violent offences at the market", "Market Street, Cardiff",
                "51.4800", "-3.1800", "Market Street between the arcade and the station",
                "Two people wanted for violent offences were seen here this week; footfall is high on market days",
                start, start.plusHours(4), "DPIA-2026-021", "EIA-2026-012", List.of("carol.officer"));
        String id;
        String camera;

        // the planning officer: drafts, adds the push camera, builds the watchlist from photos, notice and sign
        try (Browser officer = Browser.open(base()).signIn("carol.officer", "#/deployments")) {
            PlanningScreens plans = new PlanningScreens(officer);
            LifecycleScreens page = new LifecycleScreens(officer);
            id = plans.openNewDeployment().fillPlan(plan).savePlan();
            checklistAgreesWithTheGate(page, id);
            plans.addPushCamera("Market camera", "Lamp post by the arcade", "lfr-camera");
            camera = Sql.strings("select id::text from camera where deployment_id = ?", UUID.fromString(id)).get(0);
            plans.proposeEntry(Entry.typical(lin)).proposeEntry(Entry.typical(biden));
            assertThat(plans.uploadPhoto(lin, twoFaces)).as("a refused photo, with its reason in words")
                    .contains("more than one face");
            assertThat(plans.uploadResult(lin)).isEqualTo("refused");
            assertThat(plans.uploadPhoto(lin, linPhoto)).contains("one usable face");
            assertThat(plans.bulkUpload(zip)).as("the progress bar, from nothing to the end").containsSubsequence(0L, 1L);
            assertThat(plans.progress()).containsExactly(1, 1);
            assertThat(plans.bulkLines()).anyMatch(l -> l.startsWith("ENROLLED: ") && l.contains(biden));
            checklistAgreesWithTheGate(page, id);
            plans.publishNotice("Market Street, Cardiff", "Live facial recognition cameras are in use on Market Street"
                    + " today; see our web page for why and how to ask about it.");
            plans.recordSign("Market camera");
            checklistAgreesWithTheGate(page, id);
            page.click("Submit for authorisation");
            assertThat(page.status()).isEqualTo("SUBMITTED");
        }

        // the supervisor: approves the watchlist and authorises, recording why there was no 24 h notice
        try (Browser supervisor = Browser.open(base()).signIn("alice.supervisor", "#/deployments/" + id)) {
            LifecycleScreens page = new LifecycleScreens(supervisor).open(id);
            page.click("Approve watchlist");
            checklistAgreesWithTheGate(page, id);
            page.authoriseWithExemption(EXEMPTION);
            assertThat(page.status()).isEqualTo("AUTHORISED");
            supervisor.screenshot("supervisor-authorised-checklist");
            assertThat(supervisor.seriousAccessibilityViolations()).isEmpty();
        }

        // the officer starts it, and decides the alert that a face pushed to the camera raises
        try (Browser officer = Browser.open(base()).signIn("carol.officer", "#/deployments/" + id)) {
            LifecycleScreens page = new LifecycleScreens(officer).open(id);
            Map<String, Boolean> ready = checklistAgreesWithTheGate(page, id);
            assertThat(ready).as("every rule holds before the start").doesNotContainValue(false);
            page.click("Start matching");
            assertThat(page.status()).isEqualTo("ACTIVE");

            officer.driver.get(base() + "/dashboard/#/alerts");
            officer.waitUntilText(By.id("connection"), "connected", WAIT);
            String device = KeycloakTokens.cameraDeviceToken();
            byte[] frame = Frames.faceAt(LIN, 420);
            String alert = null;
            for (int i = 0; i < 60 && alert == null; i++) {
                assertThat(ApiScenario.push(root.getPort(), device, camera, frame)).isEqualTo(202);
                Thread.sleep(300);
                alert = Sql.strings("select id::text from alert where deployment_id = ?", UUID.fromString(id)).stream()
                        .findFirst().orElse(null);
            }
            assertThat(alert).as("the pushed face alerts").isNotNull();
            WebElement card = officer.waitFor(By.cssSelector("#queue article[data-alert-id='" + alert + "']"), WAIT);
            assertThat(card.getText()).contains(lin);
            card.findElement(By.xpath(".//button[normalize-space()='Confirm match']")).click();
            String decided = alert;
            new WebDriverWait(officer.driver, WAIT).until(x -> x.findElements(
                    By.cssSelector("#queue article[data-alert-id='" + decided + "']")).isEmpty());

            // stop: the warning says what it does, then the purge is counted down and shown
            page.open(id);
            String warning = page.confirm("Stop deployment");
            assertThat(warning).contains("cannot be undone", "purged within 15 minutes", "Every alert has been decided");
            assertThat(page.status()).isEqualTo("CLOSED");
            assertThat(page.waitForText("purge", "will be purged by")).contains("at the latest");
            await(() -> Fixtures.bean(RetentionService.class).run(org.lfr.common.Actor.SYSTEM)); // the retention job's minute
            assertThat(page.waitForText("purge", "Images and embeddings purged at")).isNotEmpty();
        }

        // the supervisor sees what the public will see, publishes it, and the public page shows it
        await(() -> Fixtures.bean(DeploymentRecordService.class).generateDue()); // the records job's next run
        try (Browser supervisor = Browser.open(base())) {
            supervisor.recordGraphQLResponses();
            supervisor.signIn("alice.supervisor", "#/deployments/" + id);
            LifecycleScreens page = new LifecycleScreens(supervisor).open(id);
            String preview = page.waitForText("record", "exactly what the public will see");
            assertThat(preview).contains(reference, "waived under a recorded critical-threat exemption")
                    .doesNotContain("carol.officer", "alice.supervisor", lin, biden, EXEMPTION);
            supervisor.screenshot("supervisor-record-preview");
            assertThat(supervisor.seriousAccessibilityViolations()).isEmpty();
            try {
                page.click("Publish this record");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; GraphQL answers: " + supervisor.graphQLResponses().stream()
                        .map(r -> r.substring(0, Math.min(300, r.length()))).toList(), e);
            }
            page.waitForText("record", "Published");
        }
        try (Browser visitor = Browser.open(base())) {
            visitor.driver.get(base() + "/public/");
            visitor.waitUntilText(By.id("content"), reference, WAIT);
            assertThat(visitor.driver.findElement(By.id("content")).getText()).doesNotContain("carol.officer",
                    "alice.supervisor", lin, biden, EXEMPTION);
        }

        // each step in the audit trail under the person who took it
        for (var step : List.of(List.of("DEPLOYMENT_CREATED", "carol.officer"), List.of("CAMERA_ADDED", "carol.officer"),
                List.of("NOTICE_PUBLISHED", "carol.officer"), List.of("SIGNAGE_PLACED", "carol.officer"),
                List.of("DEPLOYMENT_SUBMITTED", "carol.officer"), List.of("WATCHLIST_APPROVED", "alice.supervisor"),
                List.of("DEPLOYMENT_AUTHORISED", "alice.supervisor"), List.of("DEPLOYMENT_STARTED", "carol.officer"),
                List.of("DEPLOYMENT_CLOSED", "carol.officer"), List.of("DEPLOYMENT_RECORD_PUBLISHED", "alice.supervisor"))) {
            assertThat(Sql.count("select count(*) from audit_event where action = ? and subject_id = ? and actor = ?",
                    step.get(0), id, step.get(1))).as(step.toString()).isOne();
        }
        assertThat(Sql.count("select count(*) from audit_event e join watchlist_entry w on w.id::text = e.subject_id"
                + " where w.deployment_id = ? and e.action = 'WATCHLIST_ENTRY_PROPOSED' and e.actor = 'carol.officer'",
                UUID.fromString(id))).isEqualTo(2);
        assertThat(Sql.count("select count(*) from audit_event e join watchlist_entry w on w.id::text = e.subject_id"
                + " where w.deployment_id = ? and e.action = 'ENROLMENT_IMAGE_STORED' and e.actor = 'carol.officer'",
                UUID.fromString(id))).isEqualTo(2);
        assertThat(Sql.count("select count(*) from audit_event e join alert a on a.id::text = e.subject_id"
                + " where a.deployment_id = ? and e.action = 'ALERT_ADJUDICATED' and e.actor = 'carol.officer'",
                UUID.fromString(id))).isOne();
        assertThat(Sql.count("select count(*) from audit_event where action = 'WATCHLIST_PURGED' and subject_id = ?", id))
                .isOne();
    }

    /** The page's checklist is the start gate's own answer, and no ticked line reads as a failure. */
    private static Map<String, Boolean> checklistAgreesWithTheGate(LifecycleScreens page, String id) {
        page.open(id);
        List<Map<String, Object>> gate = GraphQL.ok(KeycloakTokensCache.token("alice.supervisor"),
                "query($d: ID!) { deploymentReadiness(deploymentId: $d) { rule met description } }", Map.of("d", id))
                .extract().jsonPath().getList("data.deploymentReadiness");
        Map<String, Boolean> shown = page.checklist();
        assertThat(shown).as("the checklist on the page").hasSize(gate.size());
        gate.forEach(r -> assertThat(shown.get((String) r.get("rule"))).as((String) r.get("rule")).isEqualTo(r.get("met")));
        List<String> descriptions = gate.stream().map(r -> (String) r.get("description")).toList();
        assertThat(page.tickedTexts()).noneMatch(t -> descriptions.stream().anyMatch(t::contains));
        return shown;
    }
}

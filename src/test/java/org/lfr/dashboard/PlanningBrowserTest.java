package org.lfr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.DeploymentView;
import org.lfr.support.Browser;
import org.lfr.support.Fixtures;
import org.lfr.support.GraphQL;
import org.lfr.support.KeycloakTokensCache;
import org.lfr.support.PlanningScreens;
import org.lfr.support.PlanningScreens.Entry;
import org.lfr.support.PlanningScreens.Plan;
import org.lfr.support.SharedEval;
import org.lfr.support.Sql;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The planning screens in a real browser (Debian's Chromium, headless): an officer signs in on Keycloak's own page
 * and plans a deployment through the forms alone — the plan (an API field error shown beside its field, nothing
 * typed lost), a push camera, a stream camera the URL policy refuses, two watchlist entries enrolled from real
 * photos (one by single upload after a refused photo, one by a bulk zip with its progress bar), a notice, a sign and
 * leaflets. The outcome is read from the service (PostgreSQL and GraphQL), and each new view is checked with
 * axe-core and the strict Content-Security-Policy.
 */
@QuarkusTest
class PlanningBrowserTest {

    static final String OBAMA = "face_recognition_examples/obama/obama.jpg";
    static final String BIDEN = "face_recognition_examples/biden/biden.jpg";
    static final String TWO_FACES = "face_recognition_examples/_multi/obama_and_biden.jpg";
    static final String OTHER = "face_recognition_examples/obama/obama2.jpg";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL root;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void anOfficerPlansADeploymentThroughTheScreensAlone() throws Exception {
        String reference = "PLAN-" + UUID.randomUUID().toString().substring(0, 8);
        String first = "SUBJ-" + UUID.randomUUID().toString().substring(0, 6);
        String second = "SUBJ-" + UUID.randomUUID().toString().substring(0, 6);
        String nobody = "NOBODY-" + UUID.randomUUID().toString().substring(0, 6);
        Path work = Files.createDirectories(Path.of("target", "planning-browser-test"));
        Path refused = PlanningScreens.photoFile(TWO_FACES, work.resolve("two-faces.jpg"));
        Path single = PlanningScreens.photoFile(OBAMA, work.resolve("obama.jpg"));
        Path zip = PlanningScreens.zipOf(work.resolve("photos.zip"), Map.of(second + ".jpg", BIDEN, nobody + ".jpg", OTHER));

        try (Browser browser = Browser.open(base()).signIn("carol.officer", "#/deployments")) {
            PlanningScreens screens = new PlanningScreens(browser);
            Plan plan = Plan.typical(reference, "carol.officer", "dave.officer");

            // 1. the plan: a rationale too short for the API is refused beside its field, and nothing typed is lost
            screens.openNewDeployment().fillPlan(plan.withRationale("Busy street")).savePlanExpectingErrors();
            assertThat(screens.fieldError("plan-form", "locationRationale")).as("the API's Bean Validation error,"
                    + " beside its field").contains("Why this location").contains("20");
            assertThat(screens.errorSummary("plan-problems")).anyMatch(l -> l.contains("Why this location"));
            assertThat(screens.fieldError("plan-form", "reference")).isEmpty();
            assertThat(screens.value("plan-form", "reference")).isEqualTo(reference);
            assertThat(screens.value("plan-form", "purpose")).isEqualTo(plan.purpose());
            assertThat(screens.value("plan-form", "locationRationale")).isEqualTo("Busy street");
            assertThat(screens.value("plan-form", "usernames")).isEqualTo("carol.officer\ndave.officer");
            assertThat(screens.dateTimeValue("plannedStart")).isEqualTo(plan.start().getDayOfMonth() + " "
                    + plan.start().getMonthValue() + " " + plan.start().getYear() + " 10 00");
            assertThat(Sql.count("select count(*) from deployment where reference = ?", reference)).isZero();
            browser.screenshot("plan-new-deployment-error");
            assertThat(browser.seriousAccessibilityViolations()).as("the form with its errors").isEmpty();

            // a window longer than the service allows: DeploymentInputRules' refusal, beside "Planned end"
            screens.fillPlan(new Plan(reference, plan.purpose(), plan.placeName(), plan.latitude(), plan.longitude(),
                    plan.area(), plan.rationale(), plan.start(), plan.start().plusHours(30), plan.dpia(),
                    plan.equalityImpact(), plan.operators())).savePlanExpectingErrors();
            assertThat(screens.fieldError("plan-form", "plannedEnd")).contains("Planned end").contains("at most");
            assertThat(screens.fieldError("plan-form", "locationRationale")).isEmpty();

            String id = screens.fillPlan(plan).savePlan();
            UUID uuid = UUID.fromString(id);
            assertThat(Sql.strings("select created_by || ' ' || status from deployment where reference = ?", reference))
                    .containsExactly("carol.officer DRAFT");
            assertThat(Sql.count("select count(*) from audit_event where action = 'DEPLOYMENT_CREATED' and subject_id = ?"
                    + " and actor = 'carol.officer'", id)).isOne();
            assertThat(Sql.count("select count(*) from audit_event where action = 'OPERATORS_ASSIGNED' and subject_id = ?"
                    + " and actor = 'carol.officer' and details like '%dave.officer%'", id)).isOne();
            assertThat(browser.driver.findElement(By.id("threshold")).getText()).as("the threshold with its rates")
                    .contains("0.815");

            // edit while a draft: the form comes back filled in, the reference cannot be changed
            screens.openEditPlan();
            assertThat(screens.value("plan-form", "locationName"))
                    .isEqualTo(plan.placeName());
            assertThat(browser.driver.findElement(By.cssSelector("#plan-form [data-field='reference'] input"))
                    .getDomAttribute("readonly")).isNotNull();
            assertThat(browser.seriousAccessibilityViolations()).as("the edit form").isEmpty();
            screens.fillPlan(new Plan(reference, plan.purpose(), "Queen Street, Cardiff", plan.latitude(),
                    plan.longitude(), plan.area(), plan.rationale(), plan.start(), plan.end(), plan.dpia(),
                    plan.equalityImpact(), plan.operators())).savePlan();
            assertThat(Sql.strings("select location_name from deployment where id = ?", uuid))
                    .containsExactly("Queen Street, Cardiff");

            // 2. cameras: a push camera is added; a stream to a denied host is refused in words and not stored
            screens.addPushCamera("Door camera", "Lamp post outside no. 12", "door-camera-device");
            String refusal = screens.addStreamCamera("Market camera", "Market hall roof",
                    "rtsp://203.0.113.7/stream1", "operator", "s3cret-pass");
            assertThat(refusal).as("the URL policy's reason in words").contains("not one the service may connect to");
            assertThat(screens.fieldError("camera-form", "streamUrl")).contains("Stream address");
            assertThat(Sql.count("select count(*) from camera where deployment_id = ?", uuid)).isOne();
            assertThat(Sql.strings("select device_client_id from camera where deployment_id = ? and push_mode", uuid))
                    .containsExactly("door-camera-device");
            assertThat(browser.driver.getPageSource()).as("the password typed stays out of every answer shown")
                    .doesNotContain("s3cret-pass\"");

            // 3. the watchlist from photos
            screens.proposeEntry(Entry.typical(first)).proposeEntry(Entry.typical(second));
            assertThat(Sql.strings("select added_by from watchlist_entry where deployment_id = ?", uuid))
                    .containsExactly("carol.officer", "carol.officer");

            String no = screens.uploadPhoto(first, refused);
            assertThat(screens.uploadResult(first)).isEqualTo("refused");
            assertThat(no).as("the reason in words, not MULTIPLE_FACES").contains("more than one face")
                    .doesNotContain("MULTIPLE_FACES");
            screens.screenshotOf(By.cssSelector(".govuk-summary-card[data-subject='" + first + "']"), "plan-photo-refused");
            assertThat(browser.seriousAccessibilityViolations()).as("a refused photo").isEmpty();

            String yes = screens.uploadPhoto(first, single);
            assertThat(screens.uploadResult(first)).isEqualTo("enrolled");
            assertThat(yes).contains("one usable face");
            assertThat(screens.showsEnrolledFace(first)).as("the face the service kept, loaded from it").isTrue();

            List<Long> seen = screens.bulkUpload(zip);
            assertThat(seen).as("the bar drawn before the first line, after each line, and at the end")
                    .containsSubsequence(0L, 1L, 2L).isSorted();
            assertThat(screens.progress()).containsExactly(2, 2);
            assertThat(screens.bulkLines()).anyMatch(l -> l.startsWith("ENROLLED: ") && l.contains(second))
                    .anyMatch(l -> l.startsWith("NO_ENTRY: ") && l.contains("no one on this watchlist has the reference "
                            + nobody));
            screens.screenshotOf(By.id("bulk-form"), "plan-bulk-progress");
            assertThat(browser.seriousAccessibilityViolations()).as("the bulk progress").isEmpty();
            List<Map<String, Object>> entries = GraphQL.ok(KeycloakTokensCache.token("carol.officer"),
                    "query($d: ID!) { watchlist(deploymentId: $d) { entries { subjectReference hasEmbedding } } }",
                    Map.of("d", id)).extract().jsonPath().getList("data.watchlist.entries");
            assertThat(entries).filteredOn(e -> Boolean.TRUE.equals(e.get("hasEmbedding")))
                    .extracting(e -> e.get("subjectReference")).containsExactlyInAnyOrder(first, second);

            // 4. a notice, the sign, leaflets
            screens.publishNotice("Cardiff city centre", "Live facial recognition cameras will be in use on the High"
                    + " Street on Saturday; see our web page for why.", "Leaflets");
            assertThat(Sql.strings("select published_by || ' ' || channels from community_notice where deployment_id = ?", uuid))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("carol.officer").contains("WEB_PAGE").contains("LEAFLET");
            assertThat(browser.driver.findElement(By.id("notices")).getText()).contains("Web page, Leaflets");
            screens.recordSign("Door camera");
            assertThat(Sql.strings("select s.placed_by || ' ' || c.name from signage s join camera c on c.id = s.camera_id"
                    + " where s.deployment_id = ?", uuid)).containsExactly("carol.officer Door camera");
            screens.recordLeaflets(150);
            GraphQL.ok(KeycloakTokensCache.token("carol.officer"), "query($d: ID!) { deployment(id: $d) { leaflets { count"
                    + " handedOutBy } } }", Map.of("d", id)).body("data.deployment.leaflets[0].count",
                            org.hamcrest.Matchers.equalTo(150));
            browser.screenshot("plan-deployment-page");
            screens.screenshotOf(By.id("cameras"), "plan-cameras");
            screens.screenshotOf(By.id("notice-form"), "plan-notice-form");
            assertThat(browser.seriousAccessibilityViolations()).as("the deployment page with its forms").isEmpty();
            assertThat(browser.contentSecurityPolicyViolations()).as("under the strict CSP").isEmpty();
        }
    }

    /**
     * A folder chosen with the folder picker is zipped by the page (jszip) and enrolled like a zip: photos named after
     * the entries (or in a folder of that name) are enrolled, other files are left out, and the bar ends full. Then a
     * stream camera with a user name and password: the page and every GraphQL answer show its URL without them.
     */
    @Test
    void aFolderOfPhotosIsZippedByThePageAndEnrolledAndAStreamsCredentialsAreNeverShown() throws Exception {
        DeploymentView d = Fixtures.draft(Fixtures.officer("carol.officer"));
        String one = Fixtures.entry(Fixtures.officer("carol.officer"), d.id(), false).subjectReference();
        String two = Fixtures.entry(Fixtures.officer("carol.officer"), d.id(), false).subjectReference();
        Path folder = Files.createDirectories(Path.of("target", "planning-browser-test", "folder-" + UUID.randomUUID(),
                "photos"));
        PlanningScreens.photoFile(OBAMA, folder.resolve(one + ".jpg"));
        PlanningScreens.photoFile(BIDEN, Files.createDirectories(folder.resolve(two)).resolve("portrait.jpg"));
        Files.writeString(folder.resolve("notes.txt"), "not a photo: the page leaves it out");
        try (Browser browser = Browser.open(base())) {
            browser.recordGraphQLResponses();
            browser.signIn("carol.officer", "#/deployments/" + d.id());
            PlanningScreens screens = new PlanningScreens(browser);
            browser.waitFor(By.id("bulk-form"), WAIT);
            List<Long> seen = screens.bulkUploadFolder(folder);
            assertThat(seen).containsSubsequence(0L, 1L, 2L).isSorted();
            assertThat(screens.progress()).containsExactly(2, 2);
            assertThat(screens.bulkLines()).hasSize(2).allMatch(l -> l.startsWith("ENROLLED: "));
            assertThat(browser.contentSecurityPolicyViolations()).as("jszip loaded under the strict CSP").isEmpty();

            // a stream camera's credentials are typed once: stored apart, never in the page again
            assertThat(screens.addStreamCamera("Market camera", "Market hall roof", "rtsp://127.0.0.1:8554/market",
                    "operator", "s3cret-pass")).as("added").isNull();
            String row = browser.driver.findElement(By.xpath("//table[caption[normalize-space()='Cameras']]"
                    + "//tr[td[1][normalize-space()='Market camera']]")).getText();
            assertThat(row).contains("rtsp://127.0.0.1:8554/market").contains("with credentials, not shown")
                    .doesNotContain("operator:").doesNotContain("s3cret");
            assertThat(browser.driver.getPageSource()).doesNotContain("s3cret-pass");
            assertThat(browser.graphQLResponses()).noneMatch(r -> r.contains("s3cret"));
        }
        assertThat(Sql.strings("select stream_url from camera where deployment_id = ?", d.id()))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).doesNotContain("s3cret");
        List<Map<String, Object>> entries = GraphQL.ok(KeycloakTokensCache.token("carol.officer"),
                "query($d: ID!) { watchlist(deploymentId: $d) { entries { subjectReference hasEmbedding } } }",
                Map.of("d", d.id().toString())).extract().jsonPath().getList("data.watchlist.entries");
        assertThat(entries).filteredOn(e -> Boolean.TRUE.equals(e.get("hasEmbedding")))
                .extracting(e -> e.get("subjectReference")).containsExactlyInAnyOrder(one, two);
    }

    /** A supervisor records the override an under-18 entry needs, removes another entry and assigns the operators. */
    @Test
    void aSupervisorOverridesAnUnder18EntryRemovesAnotherAndAssignsTheOperators() throws Exception {
        DeploymentView d = Fixtures.draft(Fixtures.officer("carol.officer"));
        String young = Fixtures.entry(Fixtures.officer("carol.officer"), d.id(), true).subjectReference();
        var removed = Fixtures.entry(Fixtures.officer("carol.officer"), d.id(), false);
        String other = removed.subjectReference();
        try (Browser browser = Browser.open(base()).signIn("alice.supervisor", "#/deployments/" + d.id())) {
            PlanningScreens screens = new PlanningScreens(browser);
            assertThat(screens.card(young).getText()).contains("Needed: a supervisor must record why");
            assertThat(browser.driver.findElements(By.id("propose-form"))).as("proposing is an officer's").isEmpty();
            assertThat(browser.driver.findElements(By.id("camera-form"))).as("adding cameras is the drafter's").isEmpty();
            assertThat(browser.seriousAccessibilityViolations()).as("the supervisor's view of a draft").isEmpty();

            screens.overrideEntry(young, "Missing 15-year-old at risk of exploitation; the family asked the force to look");
            assertThat(screens.card(young).getText()).contains("Missing 15-year-old").contains("alice.supervisor");
            Path photo = PlanningScreens.photoFile(OBAMA, Files.createDirectories(Path.of("target", "planning-browser-test")).resolve("dropped.jpg"));
            assertThat(screens.dropPhoto(young, photo, "image/jpeg")).as("a photo dropped on the entry's box")
                    .contains("Enrolled from dropped.jpg");
            assertThat(screens.showsEnrolledFace(young)).isTrue();
            screens.removeEntry(other);
            assertThat(browser.driver.findElements(By.cssSelector(".govuk-summary-card[data-subject='" + other + "']")))
                    .isEmpty();
            screens.assignOperators("carol.officer", "dave.officer");
        }
        assertThat(Sql.strings("select override_by from watchlist_entry where deployment_id = ? and subject_reference = ?",
                d.id(), young)).containsExactly("alice.supervisor");
        assertThat(Sql.count("select count(*) from watchlist_entry where deployment_id = ?", d.id())).isOne();
        assertThat(Sql.count("select count(*) from audit_event where action = 'WATCHLIST_ENTRY_REMOVED'"
                + " and actor = 'alice.supervisor' and subject_id = ?", removed.id().toString())).isOne();
        assertThat(Sql.count("select count(*) from audit_event where action = 'OPERATORS_ASSIGNED' and subject_id = ?"
                + " and actor = 'alice.supervisor' and details like '%dave.officer%'", d.id().toString())).isOne();
    }
}

package org.lfr.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's planning screens (docs/DASHBOARD.md, "Planning"), driven as a person would: typing into the
 * fields, choosing files, pressing the buttons. Each step waits for the page's answer, so a caller (a browser test,
 * or a whole-deployment walk-through) chains them and then reads the outcome from the page or the service.
 */
public final class PlanningScreens {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final Browser browser;

    public PlanningScreens(Browser browser) {
        this.browser = browser;
    }

    /** What an officer types into "New deployment"; times in the browser's local time. */
    public record Plan(String reference, String purpose, String placeName, String latitude, String longitude,
            String area, String rationale, LocalDateTime start, LocalDateTime end, String dpia, String equalityImpact,
            List<String> operators) {

        /** A plausible plan two days ahead, four hours long, operated by {@code operators}. */
        public static Plan typical(String reference, String... operators) {
            LocalDateTime start = LocalDate.now().plusDays(2).atTime(10, 0);
            return new Plan(reference, "Locate people wanted for violent offences during the Saturday market",
                    "High Street, Cardiff", "51.4816", "-3.1791", "The pedestrian zone between Queen St and St Mary St",
                    "Three violent offenders on the list were last seen here; footfall is high on market days",
                    start, start.plusHours(4), "DPIA-2026-014", "EIA-2026-009", List.of(operators));
        }

        public Plan withRationale(String rationale) {
            return new Plan(reference, purpose, placeName, latitude, longitude, area, rationale, start, end, dpia,
                    equalityImpact, operators);
        }
    }

    /** A person proposed for the watchlist. */
    public record Entry(String subjectReference, String categoryText, String legalBasis, String justification,
            String imageSource, LocalDate imageDate, boolean under18) {

        public static Entry typical(String subjectReference) {
            return new Entry(subjectReference, "Wanted by the courts", "Arrest warrant, Cardiff Magistrates' Court",
                    "Failed to appear for trial on a charge of wounding", "Custody image",
                    LocalDate.now().minusMonths(3), false);
        }
    }

    // ------------------------------------------------------------------ the plan

    /** From the Deployments list, the "New deployment" button. */
    public PlanningScreens openNewDeployment() {
        browser.driver.get(browser.base + "/dashboard/#/deployments");
        browser.waitFor(By.id("new-deployment"), WAIT).click();
        browser.waitFor(By.id("plan-form"), WAIT);
        return this;
    }

    /** Types every field of the plan form (replacing what is there). */
    public PlanningScreens fillPlan(Plan p) {
        if (browser.driver.findElement(control("plan-form", "reference")).getAttribute("readonly") == null) {
            type("plan-form", "reference", p.reference());
        }
        type("plan-form", "purpose", p.purpose());
        type("plan-form", "locationName", p.placeName());
        type("plan-form", "latitude", p.latitude());
        type("plan-form", "longitude", p.longitude());
        type("plan-form", "areaDescription", p.area());
        type("plan-form", "locationRationale", p.rationale());
        dateTime("plannedStart", p.start());
        dateTime("plannedEnd", p.end());
        type("plan-form", "dpiaReference", p.dpia());
        type("plan-form", "equalityImpactReference", p.equalityImpact());
        type("plan-form", "usernames", String.join("\n", p.operators()));
        return this;
    }

    /** Saves the plan and expects it refused: waits for the error summary, stays on the form. */
    public PlanningScreens savePlanExpectingErrors() {
        By summary = By.cssSelector("#plan-problems .govuk-error-summary");
        List<WebElement> before = browser.driver.findElements(summary);
        submit("plan-form");
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(summary).stream().anyMatch(e -> !before.contains(e)));
        return this;
    }

    /** Saves the plan and waits for the deployment's page; returns the deployment's id (from the address). */
    public String savePlan() {
        submit("plan-form");
        browser.waitFor(By.id("status"), WAIT);
        String hash = (String) browser.script("return location.hash;");
        return hash.replaceFirst("^#/deployments/", "");
    }

    /** "Change the plan" on a draft's page. */
    public PlanningScreens openEditPlan() {
        browser.waitFor(By.id("edit-plan"), WAIT).click();
        browser.waitFor(By.id("plan-form"), WAIT);
        return this;
    }

    /** The inline error beside a field of a form ("" when none). */
    public String fieldError(String formId, String field) {
        List<WebElement> errors = browser.driver.findElements(By.cssSelector("#" + formId + " [data-field='" + field
                + "'].govuk-form-group--error .govuk-error-message"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    /** What a field of a form holds now. */
    public String value(String formId, String field) {
        return browser.driver.findElement(control(formId, field)).getDomProperty("value");
    }

    public String dateTimeValue(String field) {
        return String.join(" ", List.of("day", "month", "year", "hour", "minute").stream()
                .map(p -> browser.driver.findElement(By.id(field + "-" + p)).getDomProperty("value")).toList());
    }

    /** The error summary's lines, and whether each links to a field. */
    public List<String> errorSummary(String hostId) {
        return browser.driver.findElements(By.cssSelector("#" + hostId + " .govuk-error-summary__list li")).stream()
                .map(WebElement::getText).toList();
    }

    // ------------------------------------------------------------------ cameras, signs, leaflets

    public PlanningScreens addPushCamera(String name, String position, String deviceClientId) {
        choose(By.cssSelector("#camera-form input[value='push']"));
        type("camera-form", "name", name);
        type("camera-form", "positionDescription", position);
        type("camera-form", "deviceClientId", deviceClientId);
        return submitAndWaitForRedraw("camera-form");
    }

    /** Types a stream camera and adds it; returns the error summary's text when refused, null when added. */
    public String addStreamCamera(String name, String position, String url, String user, String password) {
        choose(By.cssSelector("#camera-form input[value='stream']"));
        type("camera-form", "name", name);
        type("camera-form", "positionDescription", position);
        type("camera-form", "streamUrl", url);
        type("camera-form", "streamUser", user);
        type("camera-form", "streamPassword", password);
        WebElement status = browser.driver.findElement(By.id("status"));
        By summary = By.cssSelector("#camera-problems .govuk-error-summary");
        List<WebElement> before = browser.driver.findElements(summary);
        submit("camera-form");
        new WebDriverWait(browser.driver, WAIT).until(d -> isStale(status)
                || d.findElements(summary).stream().anyMatch(e -> !before.contains(e)));
        return isStale(status) ? null : browser.driver.findElement(By.id("camera-problems")).getText();
    }

    public PlanningScreens recordSign(String cameraName) {
        return clickAndWaitForRedraw(By.xpath("//table[caption[normalize-space()='Cameras']]//tr[td[1][normalize-space()='"
                + cameraName + "']]//button[normalize-space()='Record sign placed']"));
    }

    public PlanningScreens recordLeaflets(int count) {
        type("leaflet-form", "count", Integer.toString(count));
        return submitAndWaitForRedraw("leaflet-form");
    }

    // ------------------------------------------------------------------ watchlist

    public PlanningScreens proposeEntry(Entry e) {
        type("propose-form", "subjectReference", e.subjectReference());
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(control("propose-form", "category")))
                .selectByVisibleText(e.categoryText());
        type("propose-form", "legalBasis", e.legalBasis());
        type("propose-form", "justification", e.justification());
        type("propose-form", "imageSource", e.imageSource());
        type(By.id("imageDate-day"), Integer.toString(e.imageDate().getDayOfMonth()));
        type(By.id("imageDate-month"), Integer.toString(e.imageDate().getMonthValue()));
        type(By.id("imageDate-year"), Integer.toString(e.imageDate().getYear()));
        WebElement under18 = browser.driver.findElement(By.id("subject-under-18"));
        if (under18.isSelected() != e.under18()) {
            choose(By.id("subject-under-18"));
        }
        return submitAndWaitForRedraw("propose-form");
    }

    /** Chooses a photo for an entry with the file picker and uploads it; returns the outcome shown on its card. */
    public String uploadPhoto(String subject, Path photo) {
        WebElement card = card(subject);
        card.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toAbsolutePath().toString());
        card.findElement(By.xpath(".//button[normalize-space()='Upload photo of " + subject + "']")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(card));
        return browser.waitFor(By.cssSelector("[data-subject='" + subject + "'] [data-result]"), WAIT).getText();
    }

    /** A supervisor's override of an entry that needs one (under 18, or an old image), with its reason. */
    public PlanningScreens overrideEntry(String subject, String reason) {
        WebElement text = card(subject).findElement(By.cssSelector(".lfr-override textarea"));
        text.clear();
        text.sendKeys(reason);
        return clickAndWaitForRedraw(By.xpath("//div[@data-subject='" + subject + "']//button[normalize-space()='Record override']"));
    }

    /** Removes an entry, answering "Yes, remove" to the question that follows. */
    public PlanningScreens removeEntry(String subject) {
        card(subject).findElement(By.xpath(".//button[normalize-space()='Remove " + subject + "']")).click();
        return clickAndWaitForRedraw(By.xpath("//div[@data-subject='" + subject + "']//button[normalize-space()='Yes, remove']"));
    }

    /** A supervisor's "Change who operates it". */
    public PlanningScreens assignOperators(String... usernames) {
        type("operators-form", "usernames", String.join("\n", usernames));
        return submitAndWaitForRedraw("operators-form");
    }

    /**
     * Drops a photo on an entry's box (a drop event carrying the file, as the browser makes one when a file is dragged
     * from the desktop, which Selenium cannot do) and uploads it; returns the outcome shown on its card.
     */
    public String dropPhoto(String subject, Path photo, String contentType) throws java.io.IOException {
        WebElement card = card(subject);
        browser.script("const [zone, b64, name, type] = arguments; const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));"
                + " const dt = new DataTransfer(); dt.items.add(new File([bytes], name, {type}));"
                + " zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                card.findElement(By.cssSelector(".lfr-drop")),
                java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(photo)), photo.getFileName().toString(),
                contentType);
        browser.waitUntilText(By.cssSelector(".govuk-summary-card[data-subject='" + subject + "'] .lfr-upload"),
                "Dropped: " + photo.getFileName(), WAIT);
        card.findElement(By.xpath(".//button[normalize-space()='Upload photo of " + subject + "']")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(card));
        return browser.waitFor(By.cssSelector(".govuk-summary-card[data-subject='" + subject + "'] [data-result]"), WAIT)
                .getText();
    }

    /** "enrolled" or "refused": what the card says of its last upload. */
    public String uploadResult(String subject) {
        return card(subject).findElement(By.cssSelector("[data-result]")).getDomAttribute("data-result");
    }

    /** Whether the card shows the enrolled face (loaded from the service). */
    public boolean showsEnrolledFace(String subject) {
        new WebDriverWait(browser.driver, WAIT).until(d -> !card(subject).findElements(By.cssSelector(".lfr-entry-face img"))
                .isEmpty());
        return card(subject).findElements(By.cssSelector(".lfr-entry-face img")).stream()
                .anyMatch(img -> !"0".equals(img.getDomProperty("naturalWidth")));
    }

    public WebElement card(String subject) {
        return browser.waitFor(By.cssSelector(".govuk-summary-card[data-subject='" + subject + "']"), WAIT);
    }

    /**
     * Uploads a zip with the bulk form and waits for the end; returns every value the progress bar was drawn with,
     * in order (recorded by the page's own mutations, so a chunk that brings two lines still shows both steps).
     */
    @SuppressWarnings("unchecked")
    public List<Long> bulkUpload(Path zip) {
        return bulk("zip", zip);
    }

    /** The same with a folder chosen in the folder picker: the page zips its photos itself. */
    public List<Long> bulkUploadFolder(Path folder) {
        return bulk("folder", folder);
    }

    @SuppressWarnings("unchecked")
    private List<Long> bulk(String field, Path path) {
        browser.script("window.__bulkSeen = []; new MutationObserver((records) => records.forEach((r) =>"
                + " r.addedNodes.forEach((n) => { if (n.id === 'bulk-bar') window.__bulkSeen.push(Number(n.getAttribute('value'))); })))"
                + ".observe(document.getElementById('main'), {childList: true, subtree: true});");
        browser.driver.findElement(control("bulk-form", field)).sendKeys(path.toAbsolutePath().toString());
        submit("bulk-form");
        browser.waitUntilText(By.id("bulk-summary"), "Finished", Duration.ofSeconds(90));
        return ((List<Object>) browser.script("return window.__bulkSeen;")).stream()
                .map(v -> ((Number) v).longValue()).toList();
    }

    /** A picture of one part of the page (target/screenshots/NAME.png), however far down it is. */
    public Path screenshotOf(By element, String name) throws java.io.IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        Path file = Browser.SCREENSHOTS.resolve(name + ".png");
        WebElement el = browser.driver.findElement(element);
        browser.script("arguments[0].scrollIntoView();", el);
        Files.write(file, el.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** The bar as it is now: [value, max]. */
    public long[] progress() {
        browser.waitFor(By.id("bulk-bar"), WAIT);
        // read in one script: the page draws itself again when a run ends, which can replace the bar between reads
        @SuppressWarnings("unchecked")
        List<Object> bar = (List<Object>) browser.script("const b = document.getElementById('bulk-bar');"
                + " return [b.getAttribute('value'), b.getAttribute('max')];");
        return new long[] {Long.parseLong((String) bar.get(0)), Long.parseLong((String) bar.get(1))};
    }

    /** Each file's line under the bar: "status: text". */
    public List<String> bulkLines() {
        return browser.driver.findElements(By.cssSelector("#bulk-results li")).stream()
                .map(li -> li.getDomAttribute("data-status") + ": " + li.getText()).toList();
    }

    // ------------------------------------------------------------------ notices

    public PlanningScreens publishNotice(String area, String text, String... extraChannels) {
        for (String channel : extraChannels) {
            browser.driver.findElement(By.xpath("//form[@id='notice-form']//label[normalize-space()='" + channel
                    + "']")).click();
        }
        type("notice-form", "area", area);
        type("notice-form", "text", text);
        return submitAndWaitForRedraw("notice-form");
    }

    // ------------------------------------------------------------------ helpers

    private static By control(String formId, String field) {
        return By.cssSelector("#" + formId + " [data-field='" + field + "'] input:not([type=checkbox]):not([type=radio]),"
                + " #" + formId + " [data-field='" + field + "'] textarea, #" + formId + " [data-field='" + field + "'] select");
    }

    private void type(String formId, String field, String text) {
        type(control(formId, field), text);
    }

    private void type(By by, String text) {
        WebElement el = browser.driver.findElement(by);
        el.clear();
        el.sendKeys(text);
    }

    private void dateTime(String field, LocalDateTime t) {
        type(By.id(field + "-day"), Integer.toString(t.getDayOfMonth()));
        type(By.id(field + "-month"), Integer.toString(t.getMonthValue()));
        type(By.id(field + "-year"), Integer.toString(t.getYear()));
        type(By.id(field + "-hour"), Integer.toString(t.getHour()));
        type(By.id(field + "-minute"), String.format("%02d", t.getMinute()));
    }

    /** A GOV.UK radio or checkbox is pressed by its label, as a person does (the input itself is drawn over). */
    private void choose(By input) {
        String id = browser.driver.findElement(input).getDomAttribute("id");
        browser.driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    private void submit(String formId) {
        browser.driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    private PlanningScreens submitAndWaitForRedraw(String formId) {
        return clickAndWaitForRedraw(By.cssSelector("#" + formId + " button[type=submit]"));
    }

    /** A successful action draws the deployment's page again from the API; a refusal leaves it and says why. */
    private PlanningScreens clickAndWaitForRedraw(By button) {
        WebElement status = browser.driver.findElement(By.id("status"));
        List<WebElement> before = browser.driver.findElements(By.cssSelector("#main .govuk-error-summary"));
        browser.waitFor(button, WAIT).click();
        new WebDriverWait(browser.driver, WAIT).until(d -> isStale(status) || newSummary(before) != null);
        if (!isStale(status)) {
            throw new AssertionError("refused: " + newSummary(before).getText());
        }
        browser.waitFor(By.id("status"), WAIT);
        return this;
    }

    /** An error summary that was not on the page before (a refusal of this action, not of an earlier one). */
    private WebElement newSummary(List<WebElement> before) {
        return browser.driver.findElements(By.cssSelector("#main .govuk-error-summary")).stream()
                .filter(e -> !before.contains(e)).findFirst().orElse(null);
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    // ------------------------------------------------------------------ files the officer chooses

    /** A photo of the shared evaluation data as a file of its own, as an officer would have it on disk. */
    public static java.nio.file.Path photoFile(String photo, java.nio.file.Path to) throws java.io.IOException {
        java.nio.file.Files.write(to, SharedEval.bytes(photo));
        return to;
    }

    /** A zip of photos, each named as given (a subject reference and an extension). */
    public static java.nio.file.Path zipOf(java.nio.file.Path to, java.util.Map<String, String> photos)
            throws java.io.IOException {
        try (var out = java.nio.file.Files.newOutputStream(to); var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(photos).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(SharedEval.bytes(e.getValue()));
                zip.closeEntry();
            }
        }
        return to;
    }
}

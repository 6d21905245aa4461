package org.lfr.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A deployment's page from submission to the published record, as the people who decide use it: the checklist as
 * shown, the lifecycle buttons (a destructive one confirmed), the purge and the record. Pairs with
 * {@link PlanningScreens}, which covers drafting.
 */
public final class LifecycleScreens {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private final Browser browser;

    public LifecycleScreens(Browser browser) {
        this.browser = browser;
    }

    public LifecycleScreens open(String deploymentId) {
        browser.driver.get(browser.base + "/dashboard/#/deployments/" + deploymentId);
        browser.waitFor(By.id("status"), WAIT);
        return this;
    }

    /** The checklist as the page shows it: rule code → met. */
    @SuppressWarnings("unchecked")
    public Map<String, Boolean> checklist() {
        browser.waitFor(By.id("checklist"), WAIT);
        List<Map<String, Object>> items = (List<Map<String, Object>>) browser.script("return [...document"
                + ".querySelectorAll('#checklist li')].map(li => ({rule: li.dataset.rule, met: li.dataset.met === 'true',"
                + " text: li.textContent}));");
        Map<String, Boolean> out = new LinkedHashMap<>();
        items.forEach(i -> out.put((String) i.get("rule"), (Boolean) i.get("met")));
        return out;
    }

    /** The visible text of each ticked item (to check that none says what is wrong beside a tick). */
    @SuppressWarnings("unchecked")
    public List<String> tickedTexts() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#checklist li[data-met=true]')]"
                + ".map(li => li.innerText);");
    }

    public String status() {
        return browser.driver.findElement(By.id("status")).getText();
    }

    /** Clicks a button whose action succeeds, and waits for the page to be drawn again. */
    public LifecycleScreens click(String label) {
        WebElement before = browser.driver.findElement(By.id("status"));
        WebElement button = button(label);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        try {
            new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.stalenessOf(before));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("\"" + label + "\" did not draw the page again; it says: "
                    + browser.driver.findElement(By.id("problems")).getText() + "; the browser's console: "
                    + browser.driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
        }
        browser.waitFor(By.id("status"), WAIT);
        return this;
    }

    /** A destructive action: its button, the warning it opens (returned), then "Yes, …". */
    public String confirm(String label) {
        button(label).click();
        WebElement yes = button("Yes, " + label.toLowerCase());
        String warning = yes.findElement(By.xpath("ancestor::div[contains(@class,'lfr-confirm')]")).getText();
        click("Yes, " + label.toLowerCase());
        return warning;
    }

    /** Authorises, recording a critical-threat exemption from the notice lead time with its reason. */
    public LifecycleScreens authoriseWithExemption(String reason) {
        browser.waitFor(By.cssSelector("label[for='exemption']"), WAIT).click(); // GOV.UK hides the box, not its label
        browser.waitFor(By.xpath("//label[starts-with(normalize-space(), 'Why there is no time')]/following::textarea[1]"),
                WAIT).sendKeys(reason);
        return click("Authorise");
    }

    public String waitForText(String elementId, String text) {
        browser.waitUntilText(By.id(elementId), text, WAIT);
        return browser.driver.findElement(By.id(elementId)).getText();
    }

    private WebElement button(String label) {
        return new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='" + label + "']")));
    }
}

package org.lfr.deployment;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * How many false alerts a deployment should expect: faces an hour × planned hours × the calibrated false-alert rate
 * at its threshold, with the range the count falls in 95 times in 100 if the rate holds (the 2.5 % and 97.5 % points
 * of a Poisson count with that mean). The headline uses the group the threshold serves worst, as the cap does; each
 * calibrated group has its own line. The range leaves out the calibration's own uncertainty (a rate measured on a
 * few thousand faces): docs/GOVERNANCE.md says so.
 */
@Type("ExpectedFalseAlerts")
@Description("The false alerts this deployment should expect at its threshold and expected footfall (docs/GOVERNANCE.md).")
public record ExpectedFalseAlerts(
        @Description("Faces an hour the drafter expects (DeploymentInput.expectedFacesPerHour).") long facesPerHour,
        @Description("The planned window in hours.") double hours,
        @Description("Faces expected over the window: facesPerHour × hours.") long faces,
        @Description("Whose calibrated rate the headline uses: the worst group's name, or \"everyone\".") @NonNull String basis,
        @Description("That calibrated false-alert rate.") double falseAlertRate,
        @Description("Expected false alerts over the window: faces × falseAlertRate.") double expected,
        @Description("Lower end of the 95 % range of the count.") long low,
        @Description("Upper end of the 95 % range of the count.") long high,
        @Description("The figures in one sentence.") @NonNull String sentence,
        @Description("The same for everyone and for each calibrated group.") @NonNull List<@NonNull Line> lines) {

    /** One group's (or everyone's) expected false alerts over the window. */
    @Type("ExpectedFalseAlertsLine")
    public record Line(@NonNull String group, double falseAlertRate, double expected, long low, long high) {
    }

    /** The expectation for {@code facesPerHour} over {@code hours} at these calibrated rates. */
    public static ExpectedFalseAlerts of(long facesPerHour, double hours, ThresholdRates rates) {
        long faces = Math.round(facesPerHour * hours);
        List<Line> lines = new java.util.ArrayList<>();
        lines.add(line("everyone", rates.falseAlertRate(), faces));
        rates.groups().forEach(g -> lines.add(line(g.group(), g.falseAlertRate(), faces)));
        // a rate calibrated as zero is held at its rule-of-three bound, as the live check holds it: never "none expected"
        double worst = SequentialFalseAlertTest.heldRate(rates);
        Line head = line(rates.worstGroupName(), worst, faces);
        return new ExpectedFalseAlerts(facesPerHour, hours, faces, head.group(), worst, head.expected(), head.low(),
                head.high(), sentence(head, facesPerHour, hours), List.copyOf(lines));
    }

    /** The expected count among {@code faces} at {@code rate}, with the 95 % range of the count. */
    public static Line line(String group, double rate, long faces) {
        double mean = rate * faces;
        return new Line(group, rate, mean, poissonQuantile(mean, 0.025), poissonQuantile(mean, 0.975));
    }

    /** "About 2 false alerts expected over 5 h at 3,000 faces an hour (0–5), at the rate of group F." */
    static String sentence(Line head, long facesPerHour, double hours) {
        String about = head.expected() < 1 && head.expected() > 0
                ? String.format(Locale.UK, "Fewer than 1 false alert (%.1f)", head.expected())
                : String.format(Locale.UK, "About %,d false alert%s", Math.round(head.expected()),
                        Math.round(head.expected()) == 1 ? "" : "s");
        return String.format(Locale.UK, "%s expected over %s h at %,d faces an hour (%d–%d), at the calibrated rate of"
                + " %s (about 1 in %,d).", about, hoursText(hours), facesPerHour, head.low(), head.high(),
                head.group().equals("everyone") ? "everyone" : "group " + head.group(),
                head.falseAlertRate() == 0 ? 0 : Math.round(1 / head.falseAlertRate()));
    }

    private static String hoursText(double hours) {
        String text = String.format(Locale.UK, "%.1f", hours);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** The smallest k with P(X ≤ k) ≥ p for a Poisson count X of this mean (0 for a mean of 0). */
    static long poissonQuantile(double mean, double p) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 500) { // exp(-mean) would underflow; the normal approximation is close enough at such means
            return Math.max(0, Math.round(mean + normalQuantile(p) * Math.sqrt(mean)));
        }
        double term = Math.exp(-mean);
        double cumulative = term;
        long k = 0;
        while (cumulative < p && k < 100_000) {
            k++;
            term *= mean / k;
            cumulative += term;
        }
        return k;
    }

    private static double normalQuantile(double p) {
        return p < 0.5 ? -1.959964 : 1.959964; // only the 2.5 % and 97.5 % points are asked for
    }
}

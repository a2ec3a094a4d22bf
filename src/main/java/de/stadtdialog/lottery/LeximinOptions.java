package de.stadtdialog.lottery;

import java.time.Duration;

/**
 * {@code timeBudget}: when it is reached, the result so far is returned, marked truncated (never silently
 * worse); {@code null} for none. {@code pricingTolerance}: a new panel must improve the restricted LP by more
 * than this to be added; each leximin level ends at most this far below its optimum.
 */
public record LeximinOptions(Duration timeBudget, double pricingTolerance) {

    public static final double DEFAULT_PRICING_TOLERANCE = 1e-7;

    public static LeximinOptions defaults() {
        return new LeximinOptions(null, DEFAULT_PRICING_TOLERANCE);
    }

    public static LeximinOptions withBudget(Duration timeBudget) {
        return new LeximinOptions(timeBudget, DEFAULT_PRICING_TOLERANCE);
    }
}

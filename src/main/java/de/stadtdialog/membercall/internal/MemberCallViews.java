package de.stadtdialog.membercall.internal;

import java.time.Instant;

import de.stadtdialog.membercall.MemberCallTexts;

/** Formatting helpers for the module's templates (dates in Europe/Berlin, German style). */
public class MemberCallViews {

    public String dateTime(Instant instant) {
        return MemberCallTexts.dateTime(instant);
    }

    public String date(Instant instant) {
        return MemberCallTexts.date(instant);
    }

    /** A probability as a percentage with two decimals, e.g. "33,33 %". */
    public String percent(java.math.BigDecimal probability) {
        return String.format(java.util.Locale.GERMANY, "%.2f %%", probability.doubleValue() * 100);
    }
}

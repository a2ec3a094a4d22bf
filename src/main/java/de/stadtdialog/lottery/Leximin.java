package de.stadtdialog.lottery;

import de.stadtdialog.lottery.internal.ColumnGeneration;

/** LEXIMIN selection probabilities for a pool under quotas; see {@code docs/lottery.md} for the algorithm. */
public final class Leximin {

    private Leximin() {
    }

    /**
     * @throws LotteryInputException if the quotas cannot be met jointly (with the smallest relaxation)
     */
    public static LeximinResult compute(LotteryInput input, LeximinOptions options) {
        return ColumnGeneration.compute(input, options);
    }

    public static LeximinResult compute(LotteryInput input) {
        return compute(input, LeximinOptions.defaults());
    }
}

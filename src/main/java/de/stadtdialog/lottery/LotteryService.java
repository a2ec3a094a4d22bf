package de.stadtdialog.lottery;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The lottery for other modules: read a pool, compute and freeze the lottery table (publish
 * {@link LotteryTable#commitmentHash()} before the draw), draw from the ceremony input, write and verify the audit
 * bundle. Computing can take long for large pools: call it outside a database transaction.
 */
@Service
public class LotteryService {

    private final Duration timeBudget;

    public LotteryService(@Value("${stadtdialog.lottery.time-budget:PT120S}") Duration timeBudget) {
        this.timeBudget = timeBudget;
    }

    /** @throws LotteryInputException with German messages naming file and line */
    public LotteryInput readCsv(byte[] peopleCsv, byte[] quotasCsv, int seats) {
        return LotteryCsv.read("people.csv", peopleCsv, quotasCsv == null ? null : "quotas.csv", quotasCsv, seats);
    }

    /**
     * LEXIMIN probabilities within the configured time budget ({@code stadtdialog.lottery.time-budget}), rounded
     * to the lottery table. A truncated computation shows in {@link LotteryTable#truncated()}.
     *
     * @throws LotteryInputException if the quotas cannot be met jointly (with the smallest relaxation)
     */
    public LotteryTable prepare(LotteryInput input) {
        return LotteryTable.of(Leximin.compute(input, LeximinOptions.withBudget(timeBudget)));
    }

    public DrawRecord draw(LotteryTable table, String ceremonyInput) {
        return LotteryDraw.draw(table, ceremonyInput);
    }

    public byte[] auditBundle(LotteryTable table, DrawRecord draw) {
        return AuditBundle.write(table, draw);
    }

    public VerificationReport verify(byte[] auditBundle) {
        return BundleVerifier.verify(auditBundle);
    }
}

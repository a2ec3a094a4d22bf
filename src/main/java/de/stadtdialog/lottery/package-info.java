/**
 * The lottery (sortition) for calls for members: LEXIMIN selection probabilities under quotas by column
 * generation over types ({@link de.stadtdialog.lottery.Leximin}), a lottery table of m equally likely panels with
 * its commitment ({@link de.stadtdialog.lottery.LotteryTable}), the public draw from a documented SHA-256 generator
 * ({@link de.stadtdialog.lottery.LotteryDraw}), the audit bundle and its verifier, and a command line that runs
 * without the application. Plain Java apart from {@link de.stadtdialog.lottery.LotteryService}; see
 * {@code docs/lottery.md}.
 */
package de.stadtdialog.lottery;

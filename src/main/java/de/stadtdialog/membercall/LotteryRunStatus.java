package de.stadtdialog.membercall;

/** Where a lottery run stands. A void run stays for the record; its table is never edited. */
public enum LotteryRunStatus {
    PREPARED,
    COMMITTED,
    DRAWN,
    CONFIRMED,
    VOID
}

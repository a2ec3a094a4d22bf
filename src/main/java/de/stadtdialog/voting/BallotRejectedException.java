package de.stadtdialog.voting;

import de.stadtdialog.shared.InputRejectedException;

/**
 * A ballot was not stored, for {@link #reason()}; nothing of it was written. Pages show the message of
 * {@code voting.rejected.<REASON>} next to {@link #field()}.
 */
public class BallotRejectedException extends InputRejectedException {

    public enum Reason {
        UNKNOWN_VOTE, NOT_YET_OPEN, CLOSED, NOT_ELIGIBLE, BIRTH_YEAR_MISSING, TOO_YOUNG, EMPTY, UNKNOWN_OPTION,
        DUPLICATE_OPTION, DUPLICATE_RANK, RANK_GAP, ONE_CHOICE_ONLY, ALREADY_VOTED, PAPER_ENTRY_CLOSED,
        PAPER_NUMBER_MISSING, PAPER_NUMBER_TAKEN, UNKNOWN_CITIZEN, VOTED_ALREADY_ONLINE
    }

    private final Reason reason;

    public BallotRejectedException(Reason reason, String field, String message) {
        super(field, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "voting.rejected." + reason.name();
    }
}

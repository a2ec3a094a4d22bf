package de.stadtdialog.voting;

/** How ballots are filled in and counted; the counting rules are in docs/voting.md. */
public enum VotingMethod {
    /** One cross per ballot; the option with the most crosses wins. */
    SINGLE_CHOICE,
    /** The voter ranks some or all options; counted by instant runoff ({@link RankedChoiceCount}). */
    RANKED_CHOICE
}

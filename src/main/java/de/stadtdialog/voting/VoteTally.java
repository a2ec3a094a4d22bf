package de.stadtdialog.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One figure of a tally: the votes of an option in a round (single choice has one round). A row with a null
 * option holds the exhausted ballots of that round (ranked choice). Written anew by every tally.
 */
@Entity
@Table(name = "vote_tally", indexes = @Index(name = "ix_vote_tally_vote", columnList = "voteId, round"))
public class VoteTally {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long voteId;

    private int round;

    private Long optionId;

    private long votes;

    /** Eliminated at the end of this round (ranked choice). */
    private boolean eliminated;

    protected VoteTally() {
    }

    public VoteTally(String tenantId, Long voteId, int round, Long optionId, long votes, boolean eliminated) {
        this.tenantId = tenantId;
        this.voteId = voteId;
        this.round = round;
        this.optionId = optionId;
        this.votes = votes;
        this.eliminated = eliminated;
    }

    public Long getId() { return id; }
    public String getTenantId() { return tenantId; }
    public Long getVoteId() { return voteId; }
    public int getRound() { return round; }
    public Long getOptionId() { return optionId; }
    public long getVotes() { return votes; }
    public boolean isEliminated() { return eliminated; }
}

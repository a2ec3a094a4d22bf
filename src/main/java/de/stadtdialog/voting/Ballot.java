package de.stadtdialog.voting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One ballot. The database, not the page, guarantees one ballot per voter and vote ({@code uk_ballot_voter}); a
 * ballot whose voter was unlinked (voter_ref null) keeps its content, so the count stays reproducible. Ballots
 * are written with plain SQL ({@link BallotStore}); the entity defines the table and serves reads.
 */
@Entity
@Table(name = "ballot",
    uniqueConstraints = {
        @UniqueConstraint(name = BallotStore.UNIQUE_VOTER, columnNames = {"vote_id", "voter_ref"}),
        @UniqueConstraint(name = "uk_ballot_receipt", columnNames = {"receipt_code"}),
        @UniqueConstraint(name = BallotStore.UNIQUE_PAPER_NUMBER, columnNames = {"vote_id", "paper_number"})},
    // the tally groups by ranking within one vote: this index answers it without touching the table
    indexes = @Index(name = "ix_ballot_tally", columnList = "vote_id, ranking"))
public class Ballot {

    public enum Channel { ONLINE, PAPER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "vote_id", nullable = false)
    private Long voteId;

    /** The citizen's id while linked; null for anonymous paper ballots and after unlinking. */
    @Column(name = "voter_ref")
    private Long voterRef;

    /** Option ids in order of preference, comma-separated; a single-choice ballot holds one id. */
    @Column(name = "ranking", nullable = false, length = 400)
    private String ranking;

    @Column(name = "receipt_code", length = 32)
    private String receiptCode;

    @Column(name = "channel", nullable = false, length = 8)
    private String channel;

    @Column(name = "paper_number", length = 32)
    private String paperNumber;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    @Column(name = "entered_by", length = 64)
    private String enteredBy;

    protected Ballot() {
    }

    public Long getId() { return id; }
    public String getTenantId() { return tenantId; }
    public Long getVoteId() { return voteId; }
    public Long getVoterRef() { return voterRef; }
    public String getRanking() { return ranking; }
    public String getReceiptCode() { return receiptCode; }
    public Channel getChannel() { return Channel.valueOf(channel); }
    public String getPaperNumber() { return paperNumber; }
    public Instant getCastAt() { return castAt; }
    public String getEnteredBy() { return enteredBy; }
}

package de.stadtdialog.voting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One extension of a vote's end, shown publicly with its reason. */
@Entity
@Table(name = "vote_extension")
public class VoteExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long voteId;

    @Column(nullable = false)
    private Instant previousClosesAt;

    @Column(nullable = false)
    private Instant newClosesAt;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(length = 64)
    private String extendedBy;

    @Column(nullable = false)
    private Instant extendedAt;

    protected VoteExtension() {
    }

    public VoteExtension(Vote vote, Instant newClosesAt, String reason, String extendedBy, Instant extendedAt) {
        this.tenantId = vote.getTenantId();
        this.voteId = vote.getId();
        this.previousClosesAt = vote.getClosesAt();
        this.newClosesAt = newClosesAt;
        this.reason = reason;
        this.extendedBy = extendedBy;
        this.extendedAt = extendedAt;
    }

    public Long getId() { return id; }
    public String getTenantId() { return tenantId; }
    public Long getVoteId() { return voteId; }
    public Instant getPreviousClosesAt() { return previousClosesAt; }
    public Instant getNewClosesAt() { return newClosesAt; }
    public String getReason() { return reason; }
    public String getExtendedBy() { return extendedBy; }
    public Instant getExtendedAt() { return extendedAt; }
}

package de.stadtdialog.voting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A vote between alternatives: question, rules (stated publicly before it opens), times and, after the tally,
 * its result and what became of it. The vote process holds only this row's id.
 */
@Entity
@Table(name = "vote")
public class Vote {

    /** Where a vote stands for the public. */
    public enum Stage { PREPARATION, SCHEDULED, OPEN, CLOSED, COUNTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    private Long procedureId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 1000)
    private String question;

    @Column(columnDefinition = "text")
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VotingMethod method;

    /** The result goes to the council for its decision; otherwise it is advisory and adopted by the officer. */
    private boolean bindingForCouncil;

    private boolean changeAllowed;

    /** Voters confirm their year of birth; null = no age limit. */
    private Integer minimumAge;

    /** Minimum number of ballots for the result to stand without a staff decision; null = none. */
    private Integer minimumTurnout;

    @Column(nullable = false)
    private Instant opensAt;

    @Column(nullable = false)
    private Instant closesAt;

    @Column(nullable = false, length = 32)
    private String unlinkDelay;

    @Column(length = 64)
    private String setUpBy;

    @Column(length = 64)
    private String approvedBy;

    private Instant approvedAt;

    @Column(columnDefinition = "text")
    private String reviewComment;

    private Instant openedAt;
    private Instant closedAt;
    private Instant paperEntryFinishedAt;
    private Instant talliedAt;
    private Integer ballotCount;
    private Integer paperBallotCount;
    /** The option the count (or, on a tie, staff) chose; null before the tally or when nobody voted. */
    private Long winnerOptionId;
    private boolean tie;
    private Boolean turnoutReached;

    /** accept or void, when the turnout was too low. */
    @Column(length = 16)
    private String lowTurnoutDecision;

    /** How a tie or low turnout was decided and why (public). */
    @Column(columnDefinition = "text")
    private String decisionReason;

    /** officer, council or void */
    @Column(length = 16)
    private String outcomeSource;

    /** adopted, adopted-with-changes, rejected (council) */
    @Column(length = 32)
    private String councilResult;

    /** The adoption statement or the council's decision text (public). */
    @Column(columnDefinition = "text")
    private String outcome;

    private Instant outcomeAt;
    private Instant feedbackSentAt;
    private Instant publishedAt;
    private Instant votersUnlinkedAt;

    protected Vote() {
    }

    public Vote(String tenantId, String title, String question, String description, VotingMethod method,
            boolean bindingForCouncil, boolean changeAllowed, Integer minimumAge, Integer minimumTurnout,
            Instant opensAt, Instant closesAt, String unlinkDelay, String setUpBy) {
        this.tenantId = tenantId;
        this.title = title;
        this.question = question;
        this.description = description;
        this.method = method;
        this.bindingForCouncil = bindingForCouncil;
        this.changeAllowed = changeAllowed;
        this.minimumAge = minimumAge;
        this.minimumTurnout = minimumTurnout;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.unlinkDelay = unlinkDelay;
        this.setUpBy = setUpBy;
    }

    public Stage stage(Instant now) {
        if (approvedAt == null) {
            return Stage.PREPARATION;
        }
        if (talliedAt != null) {
            return Stage.COUNTED;
        }
        if (openedAt == null) {
            return Stage.SCHEDULED;
        }
        return acceptsBallots(now) ? Stage.OPEN : Stage.CLOSED;
    }

    /** Opened by its timer, not yet closed, and the announced end not reached (the closing job may lag). */
    public boolean acceptsBallots(Instant now) {
        return openedAt != null && closedAt == null && now.isBefore(closesAt);
    }

    public boolean acceptsPaperBallots() {
        return openedAt != null && paperEntryFinishedAt == null && talliedAt == null;
    }

    public boolean isApproved() {
        return approvedAt != null;
    }

    public boolean isCounted() {
        return talliedAt != null;
    }

    void linkProcedure(Long procedureId) {
        this.procedureId = procedureId;
    }

    public void reviseRules(Instant opensAt, Instant closesAt, boolean bindingForCouncil, boolean changeAllowed,
            Integer minimumTurnout, Integer minimumAge, String by) {
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.bindingForCouncil = bindingForCouncil;
        this.changeAllowed = changeAllowed;
        this.minimumTurnout = minimumTurnout;
        this.minimumAge = minimumAge;
        this.setUpBy = by;
    }

    public void recordReview(String reviewer, String comment, boolean approved, Instant at) {
        this.reviewComment = comment;
        if (approved) {
            this.approvedBy = reviewer;
            this.approvedAt = at;
        }
    }

    public void markOpened(Instant at) {
        if (openedAt == null) {
            openedAt = at;
        }
    }

    public void markClosed(Instant at) {
        if (closedAt == null) {
            closedAt = at;
        }
    }

    public void extendTo(Instant newClosesAt) {
        this.closesAt = newClosesAt;
    }

    public void finishPaperEntry(Instant at) {
        if (paperEntryFinishedAt == null) {
            paperEntryFinishedAt = at;
        }
    }

    public void recordTally(int ballots, int paperBallots, Long winnerOptionId, boolean tie, boolean turnoutReached,
            Instant at) {
        this.ballotCount = ballots;
        this.paperBallotCount = paperBallots;
        this.winnerOptionId = winnerOptionId;
        this.tie = tie;
        this.turnoutReached = turnoutReached;
        this.talliedAt = at;
    }

    public void decideTie(Long winnerOptionId, String reason) {
        this.winnerOptionId = winnerOptionId;
        this.decisionReason = reason;
    }

    public void decideLowTurnout(String decision, String reason) {
        this.lowTurnoutDecision = decision;
        this.decisionReason = reason;
        if ("void".equals(decision)) {
            this.outcomeSource = "void";
            this.outcome = reason;
        }
    }

    public void recordOutcome(String source, String councilResult, String outcome, Instant at) {
        this.outcomeSource = source;
        this.councilResult = councilResult;
        this.outcome = outcome;
        this.outcomeAt = at;
    }

    public void markFeedbackSent(Instant at) {
        if (feedbackSentAt == null) {
            feedbackSentAt = at;
        }
    }

    public void markPublished(Instant at) {
        if (publishedAt == null) {
            publishedAt = at;
        }
    }

    public void markVotersUnlinked(Instant at) {
        if (votersUnlinkedAt == null) {
            votersUnlinkedAt = at;
        }
    }

    public Long getId() { return id; }
    public String getTenantId() { return tenantId; }
    public Long getProcedureId() { return procedureId; }
    public String getTitle() { return title; }
    public String getQuestion() { return question; }
    public String getDescription() { return description; }
    public VotingMethod getMethod() { return method; }
    public boolean isBindingForCouncil() { return bindingForCouncil; }
    public boolean isChangeAllowed() { return changeAllowed; }
    public Integer getMinimumAge() { return minimumAge; }
    public Integer getMinimumTurnout() { return minimumTurnout; }
    public Instant getOpensAt() { return opensAt; }
    public Instant getClosesAt() { return closesAt; }
    public String getUnlinkDelay() { return unlinkDelay; }
    public String getSetUpBy() { return setUpBy; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getReviewComment() { return reviewComment; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getPaperEntryFinishedAt() { return paperEntryFinishedAt; }
    public Instant getTalliedAt() { return talliedAt; }
    public Integer getBallotCount() { return ballotCount; }
    public Integer getPaperBallotCount() { return paperBallotCount; }
    public Long getWinnerOptionId() { return winnerOptionId; }
    public boolean isTie() { return tie; }
    public Boolean getTurnoutReached() { return turnoutReached; }
    public String getLowTurnoutDecision() { return lowTurnoutDecision; }
    public String getDecisionReason() { return decisionReason; }
    public String getOutcomeSource() { return outcomeSource; }
    public String getCouncilResult() { return councilResult; }
    public String getOutcome() { return outcome; }
    public Instant getOutcomeAt() { return outcomeAt; }
    public Instant getFeedbackSentAt() { return feedbackSentAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getVotersUnlinkedAt() { return votersUnlinkedAt; }
}

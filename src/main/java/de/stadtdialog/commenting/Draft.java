package de.stadtdialog.commenting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A draft put out for public comment (e.g. the participation guidelines) and the facts of its commenting phase.
 * The text lives in {@link DraftParagraph} rows, one set per version; comments refer to the version that was open
 * for comment ({@link #getCommentedVersion()}). The process holds only this row's id and the dates.
 */
@Entity
@Table(name = "commenting_draft")
public class Draft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    private Long procedureId;

    @Column(nullable = false, length = 200)
    private String title;

    /** What is open for comment and what is already fixed. */
    @Column(columnDefinition = "text")
    private String introduction;

    @Column(columnDefinition = "text")
    private String plainSummary;

    @Column(nullable = false, length = 32)
    private String commentingPeriod;

    @Column(nullable = false, length = 32)
    private String moderationSla;

    @Column(nullable = false, length = 32)
    private String pseudonymisationDelay;

    private Instant opensAt;

    private Instant closesAt;

    private Instant openedAt;

    private Instant closedAt;

    @Column(length = 64)
    private String setUpBy;

    @Column(length = 64)
    private String approvedBy;

    @Column(columnDefinition = "text")
    private String approvalNote;

    private int commentedVersion = 1;

    private int currentVersion;

    private Instant reportPublishedAt;

    @Column(columnDefinition = "text")
    private String councilDecision;

    private Instant councilDecidedAt;

    private Instant feedbackSentAt;

    private Instant pseudonymisedAt;

    protected Draft() {
    }

    public Draft(String tenantId, String title, String commentingPeriod, String moderationSla,
            String pseudonymisationDelay) {
        this.tenantId = tenantId;
        this.title = title;
        this.commentingPeriod = commentingPeriod;
        this.moderationSla = moderationSla;
        this.pseudonymisationDelay = pseudonymisationDelay;
    }

    void linkProcedure(Long procedureId) {
        this.procedureId = procedureId;
    }

    void describe(String title, String introduction, String plainSummary) {
        this.title = title;
        this.introduction = introduction;
        this.plainSummary = plainSummary;
    }

    void schedule(String commentingPeriod, Instant opensAt, Instant closesAt, String setUpBy) {
        this.commentingPeriod = commentingPeriod;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.setUpBy = setUpBy;
    }

    void newVersion(int version) {
        this.currentVersion = version;
    }

    void approve(String approvedBy, String note) {
        this.approvedBy = approvedBy;
        this.approvalNote = note;
    }

    void returnForRework(String reviewer, String note) {
        this.approvedBy = null;
        this.approvalNote = reviewer + ": " + note;
    }

    /** @return false if it was open already (a retried job) */
    boolean markOpened(Instant now) {
        if (openedAt != null) {
            return false;
        }
        openedAt = now;
        commentedVersion = currentVersion;
        return true;
    }

    void extendTo(Instant newEnd) {
        this.closesAt = newEnd;
    }

    boolean markClosed(Instant now) {
        if (closedAt != null) {
            return false;
        }
        closedAt = now;
        return true;
    }

    boolean markReportPublished(Instant now) {
        if (reportPublishedAt != null) {
            return false;
        }
        reportPublishedAt = now;
        return true;
    }

    void recordCouncilDecision(String decision, Instant now) {
        this.councilDecision = decision;
        this.councilDecidedAt = now;
    }

    boolean markFeedbackSent(Instant now) {
        if (feedbackSentAt != null) {
            return false;
        }
        feedbackSentAt = now;
        return true;
    }

    boolean markPseudonymised(Instant now) {
        if (pseudonymisedAt != null) {
            return false;
        }
        pseudonymisedAt = now;
        return true;
    }

    /** Citizens may comment: opened, not yet closed, and before the (possibly extended) end. */
    public boolean isOpenAt(Instant now) {
        return openedAt != null && closedAt == null && closesAt != null && now.isBefore(closesAt);
    }

    /** The public may read it once it has been opened. */
    public boolean isPublic() {
        return openedAt != null;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getProcedureId() {
        return procedureId;
    }

    public String getTitle() {
        return title;
    }

    public String getIntroduction() {
        return introduction;
    }

    public String getPlainSummary() {
        return plainSummary;
    }

    public String getCommentingPeriod() {
        return commentingPeriod;
    }

    public String getModerationSla() {
        return moderationSla;
    }

    public String getPseudonymisationDelay() {
        return pseudonymisationDelay;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getSetUpBy() {
        return setUpBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getApprovalNote() {
        return approvalNote;
    }

    public int getCommentedVersion() {
        return commentedVersion;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public Instant getReportPublishedAt() {
        return reportPublishedAt;
    }

    public String getCouncilDecision() {
        return councilDecision;
    }

    public Instant getCouncilDecidedAt() {
        return councilDecidedAt;
    }

    public Instant getFeedbackSentAt() {
        return feedbackSentAt;
    }

    public Instant getPseudonymisedAt() {
        return pseudonymisedAt;
    }
}

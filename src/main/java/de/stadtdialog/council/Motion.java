package de.stadtdialog.council;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A council motion (Beschlussvorlage) with the participation results it carries to the council, its approval, the
 * decision and what was published and fed back. The council-decision process holds only this row's id.
 */
@Entity
@Table(name = "council_motion", indexes = {
    @Index(name = "ix_council_motion_procedure", columnList = "procedureId"),
    @Index(name = "ix_council_motion_tenant", columnList = "tenantId")})
public class Motion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    /** The procedure whose process runs this motion (the caller's procedure when called as a call activity). */
    @Column(nullable = false)
    private Long procedureId;

    /** The participation procedure the motion reports on; the same as {@link #procedureId} unless started apart. */
    @Column(nullable = false)
    private Long participationProcedureId;

    /** e.g. "BV/2027/0042" */
    @Column(length = 32, unique = true)
    private String reference;

    @Column(length = 300)
    private String subject;

    @Column(columnDefinition = "text")
    private String facts;

    @Column(columnDefinition = "text")
    private String participationResults;

    @Column(length = 500)
    private String resultsReportUrl;

    @Column(length = 64)
    private String participationFormat;

    @Column(columnDefinition = "text")
    private String proposedResolution;

    private boolean deviates;

    @Column(columnDefinition = "text")
    private String deviationReasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MotionStatus status = MotionStatus.DRAFT;

    /** Counts referrals back; consultations belong to one revision. */
    private int revision;

    @Column(length = 64)
    private String author;

    @Column(length = 64)
    private String approvedBy;

    @Column(columnDefinition = "text")
    private String reviewComment;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private ConsultationResult decision;

    @Column(columnDefinition = "text")
    private String decisionText;

    private Long decidingBodyId;

    private Instant decidedAt;

    private Instant decisionPublishedAt;

    private Instant feedbackSentAt;

    private Integer feedbackRecipients;

    @Column(columnDefinition = "text")
    private String evaluationNote;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant modifiedAt;

    protected Motion() {
    }

    public Motion(String tenantId, Long procedureId, Long participationProcedureId, String subject, Instant now) {
        this.tenantId = tenantId;
        this.procedureId = procedureId;
        this.participationProcedureId = participationProcedureId == null ? procedureId : participationProcedureId;
        this.subject = subject;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    public void assignReference(String newReference) {
        this.reference = newReference;
    }

    public void participationReport(String format, String reportUrl) {
        if (format != null) {
            this.participationFormat = format;
        }
        if (reportUrl != null) {
            this.resultsReportUrl = reportUrl;
        }
    }

    public void draft(String newSubject, String newFacts, String results, String reportUrl, String resolution,
            boolean deviating, String reasons, String by, Instant now) {
        this.subject = newSubject;
        this.facts = newFacts;
        this.participationResults = results;
        this.resultsReportUrl = reportUrl;
        this.proposedResolution = resolution;
        this.deviates = deviating;
        this.deviationReasons = deviating ? reasons : null;
        this.author = by;
        this.status = MotionStatus.IN_APPROVAL;
        this.modifiedAt = now;
    }

    public void review(boolean approved, String reviewer, String comment, Instant now) {
        this.approvedBy = approved ? reviewer : null;
        this.reviewComment = comment;
        this.status = approved ? MotionStatus.SUBMITTED : MotionStatus.DRAFT;
        this.modifiedAt = now;
    }

    public void moveTo(MotionStatus newStatus, Instant now) {
        this.status = newStatus;
        this.modifiedAt = now;
    }

    public void referBack(String note, Instant now) {
        this.revision++;
        this.reviewComment = note;
        this.approvedBy = null;
        this.status = MotionStatus.DRAFT;
        this.modifiedAt = now;
    }

    /** {@code meetingDate} is the date of the decision (the meeting's), {@code now} when it was recorded. */
    public void decide(ConsultationResult result, String text, Long bodyId, Instant meetingDate, Instant now) {
        this.decision = result;
        this.decisionText = text;
        this.decidingBodyId = bodyId;
        this.decidedAt = meetingDate;
        this.status = MotionStatus.DECIDED;
        this.modifiedAt = now;
    }

    /** @return false if it was published already (a retried job) */
    public boolean publishDecision(Instant now) {
        if (decisionPublishedAt != null) {
            return false;
        }
        this.decisionPublishedAt = now;
        this.status = MotionStatus.PUBLISHED;
        this.modifiedAt = now;
        return true;
    }

    public void feedbackSent(int recipients, Instant now) {
        if (feedbackSentAt == null) {
            this.feedbackSentAt = now;
        }
        this.feedbackRecipients = recipients;
        this.status = MotionStatus.FEEDBACK_GIVEN;
        this.modifiedAt = now;
    }

    public void evaluated(String note, Instant now) {
        this.evaluationNote = note;
        this.status = MotionStatus.EVALUATED;
        this.modifiedAt = now;
    }

    public boolean isDecisionPublished() {
        return decisionPublishedAt != null;
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

    public Long getParticipationProcedureId() {
        return participationProcedureId;
    }

    public String getReference() {
        return reference;
    }

    public String getSubject() {
        return subject;
    }

    public String getFacts() {
        return facts;
    }

    public String getParticipationResults() {
        return participationResults;
    }

    public String getResultsReportUrl() {
        return resultsReportUrl;
    }

    public String getParticipationFormat() {
        return participationFormat;
    }

    public String getProposedResolution() {
        return proposedResolution;
    }

    public boolean isDeviates() {
        return deviates;
    }

    public String getDeviationReasons() {
        return deviationReasons;
    }

    public MotionStatus getStatus() {
        return status;
    }

    public int getRevision() {
        return revision;
    }

    public String getAuthor() {
        return author;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public ConsultationResult getDecision() {
        return decision;
    }

    public String getDecisionText() {
        return decisionText;
    }

    public Long getDecidingBodyId() {
        return decidingBodyId;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getDecisionPublishedAt() {
        return decisionPublishedAt;
    }

    public Instant getFeedbackSentAt() {
        return feedbackSentAt;
    }

    public Integer getFeedbackRecipients() {
        return feedbackRecipients;
    }

    public String getEvaluationNote() {
        return evaluationNote;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}

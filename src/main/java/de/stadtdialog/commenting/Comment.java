package de.stadtdialog.commenting;

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
 * A comment on a paragraph ({@code paragraphId}) or on the whole draft (null), possibly a reply ({@code parentId}).
 * Written by a citizen (account id) or entered by staff as workshop input (no account, {@code workshopSource}).
 * Moderated before it is public; after the phase it gets a disposition with a reason.
 */
@Entity
@Table(name = "commenting_comment", indexes = {
    @Index(name = "ix_commenting_comment_draft", columnList = "draftId, status"),
    @Index(name = "ix_commenting_comment_author", columnList = "authorCitizenId")})
public class Comment {

    /** Longest comment text, in characters. */
    public static final int MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long draftId;

    private Long paragraphId;

    private Long parentId;

    private Long authorCitizenId;

    /** Where offline input came from, e.g. "Werkstatt Stadtteilbüro Nord, 12.03.2027"; null for online comments. */
    @Column(length = 200)
    private String workshopSource;

    /** Staff member who entered workshop input. */
    @Column(length = 64)
    private String enteredBy;

    private boolean authorPseudonymised;

    @Column(nullable = false, length = MAX_LENGTH)
    private String text;

    @Column(nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommentStatus status = CommentStatus.PENDING;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private RejectionReason rejectionReason;

    @Column(length = 1000)
    private String rejectionNote;

    @Column(length = 64)
    private String moderatedBy;

    private Instant moderatedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Disposition disposition;

    @Column(length = 2000)
    private String dispositionReason;

    @Column(length = 64)
    private String evaluatedBy;

    private Instant evaluatedAt;

    protected Comment() {
    }

    private Comment(String tenantId, Long draftId, Long paragraphId, Long parentId, String text, Instant createdAt) {
        this.tenantId = tenantId;
        this.draftId = draftId;
        this.paragraphId = paragraphId;
        this.parentId = parentId;
        this.text = text;
        this.createdAt = createdAt;
    }

    public static Comment byCitizen(Draft draft, Long paragraphId, Long parentId, Long citizenId, String text,
            Instant now) {
        Comment comment = new Comment(draft.getTenantId(), draft.getId(), paragraphId, parentId, text, now);
        comment.authorCitizenId = citizenId;
        return comment;
    }

    /** Entered by staff from a workshop or letter; public at once (staff already checked it). */
    public static Comment fromWorkshop(Draft draft, Long paragraphId, String source, String staffId, String text,
            Instant now) {
        Comment comment = new Comment(draft.getTenantId(), draft.getId(), paragraphId, null, text, now);
        comment.workshopSource = source;
        comment.enteredBy = staffId;
        comment.status = CommentStatus.APPROVED;
        comment.moderatedBy = staffId;
        comment.moderatedAt = now;
        return comment;
    }

    void approve(String by, Instant now) {
        status = CommentStatus.APPROVED;
        moderatedBy = by;
        moderatedAt = now;
    }

    void reject(RejectionReason reason, String note, String by, Instant now) {
        status = CommentStatus.REJECTED;
        rejectionReason = reason;
        rejectionNote = note;
        moderatedBy = by;
        moderatedAt = now;
    }

    void evaluate(Disposition disposition, String reason, String by, Instant now) {
        this.disposition = disposition;
        this.dispositionReason = reason;
        this.evaluatedBy = by;
        this.evaluatedAt = now;
    }

    /** The author becomes anonymous; the text stays (it is a public contribution). */
    void pseudonymiseAuthor() {
        if (authorCitizenId != null) {
            authorCitizenId = null;
            authorPseudonymised = true;
        }
    }

    public boolean isWorkshopInput() {
        return workshopSource != null;
    }

    public boolean isEvaluated() {
        return disposition != null;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getDraftId() {
        return draftId;
    }

    public Long getParagraphId() {
        return paragraphId;
    }

    public Long getParentId() {
        return parentId;
    }

    public Long getAuthorCitizenId() {
        return authorCitizenId;
    }

    public String getWorkshopSource() {
        return workshopSource;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public boolean isAuthorPseudonymised() {
        return authorPseudonymised;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public CommentStatus getStatus() {
        return status;
    }

    public RejectionReason getRejectionReason() {
        return rejectionReason;
    }

    public String getRejectionNote() {
        return rejectionNote;
    }

    public String getModeratedBy() {
        return moderatedBy;
    }

    public Instant getModeratedAt() {
        return moderatedAt;
    }

    public Disposition getDisposition() {
        return disposition;
    }

    public String getDispositionReason() {
        return dispositionReason;
    }

    public String getEvaluatedBy() {
        return evaluatedBy;
    }

    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }
}

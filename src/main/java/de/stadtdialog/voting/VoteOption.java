package de.stadtdialog.voting;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One alternative of a vote: title, description and an image (uploaded into the table, or a static URL). */
@Entity
@Table(name = "vote_option", indexes = @Index(name = "ix_vote_option_vote", columnList = "voteId, position"))
public class VoteOption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long voteId;

    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(columnDefinition = "text")
    private String description;

    /** Context-relative or absolute URL of a static image; null when the image is stored here. */
    @Column(length = 500)
    private String imageUrl;

    /** Short text for screen readers, describing what the image shows. */
    @Column(length = 300)
    private String imageAlt;

    // bytea / varbinary rather than @Lob: see PublicSession on PostgreSQL large objects
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "bytea")
    private byte[] imageData;

    @Column(length = 64)
    private String imageContentType;

    protected VoteOption() {
    }

    public VoteOption(String tenantId, Long voteId, int position, String title, String description, String imageUrl,
            String imageAlt, byte[] imageData, String imageContentType) {
        this.tenantId = tenantId;
        this.voteId = voteId;
        this.position = position;
        this.title = title;
        this.description = description;
        this.imageUrl = imageUrl;
        this.imageAlt = imageAlt;
        this.imageData = imageData;
        this.imageContentType = imageContentType;
    }

    public boolean hasStoredImage() {
        return imageContentType != null;
    }

    public Long getId() { return id; }
    public String getTenantId() { return tenantId; }
    public Long getVoteId() { return voteId; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getImageUrl() { return imageUrl; }
    public String getImageAlt() { return imageAlt; }
    public byte[] getImageData() { return imageData; }
    public String getImageContentType() { return imageContentType; }
}

package de.stadtdialog.commenting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A logged extension of the commenting period; shown publicly with its reason. */
@Entity
@Table(name = "commenting_extension")
public class DeadlineExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long draftId;

    @Column(nullable = false)
    private Instant previousEnd;

    @Column(nullable = false)
    private Instant newEnd;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(length = 64)
    private String extendedBy;

    @Column(nullable = false)
    private Instant extendedAt;

    protected DeadlineExtension() {
    }

    public DeadlineExtension(String tenantId, Long draftId, Instant previousEnd, Instant newEnd, String reason,
            String extendedBy, Instant extendedAt) {
        this.tenantId = tenantId;
        this.draftId = draftId;
        this.previousEnd = previousEnd;
        this.newEnd = newEnd;
        this.reason = reason;
        this.extendedBy = extendedBy;
        this.extendedAt = extendedAt;
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

    public Instant getPreviousEnd() {
        return previousEnd;
    }

    public Instant getNewEnd() {
        return newEnd;
    }

    public String getReason() {
        return reason;
    }

    public String getExtendedBy() {
        return extendedBy;
    }

    public Instant getExtendedAt() {
        return extendedAt;
    }
}

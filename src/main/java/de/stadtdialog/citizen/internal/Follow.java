package de.stadtdialog.citizen.internal;

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
 * A citizen follows a procedure and gets a mail on every phase change. The unsubscribe token is stored as is:
 * it goes into every notification mail, and all it can do is end this one follow.
 */
@Entity
@Table(name = "citizen_follow",
    uniqueConstraints = @UniqueConstraint(name = "uk_citizen_follow", columnNames = {"citizenId", "procedureId"}),
    indexes = @Index(name = "ix_citizen_follow_procedure", columnList = "procedureId"))
public class Follow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long citizenId;

    @Column(nullable = false)
    private Long procedureId;

    @Column(nullable = false, unique = true, length = 64)
    private String unsubscribeToken;

    @Column(nullable = false)
    private Instant createdAt;

    protected Follow() {
    }

    Follow(String tenantId, Long citizenId, Long procedureId, String unsubscribeToken, Instant now) {
        this.tenantId = tenantId;
        this.citizenId = citizenId;
        this.procedureId = procedureId;
        this.unsubscribeToken = unsubscribeToken;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getCitizenId() {
        return citizenId;
    }

    public Long getProcedureId() {
        return procedureId;
    }

    public String getUnsubscribeToken() {
        return unsubscribeToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

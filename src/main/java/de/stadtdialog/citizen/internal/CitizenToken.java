package de.stadtdialog.citizen.internal;

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
 * A single-use link token (opt-in confirmation, password reset). Only its SHA-256 hash is stored: a copy of this
 * table does not let anyone confirm or reset anything.
 */
@Entity
@Table(name = "citizen_token", indexes = @Index(name = "ix_citizen_token_citizen", columnList = "citizenId"))
public class CitizenToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long citizenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TokenPurpose purpose;

    @Column(nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant usedAt;

    protected CitizenToken() {
    }

    CitizenToken(Citizen citizen, TokenPurpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        this.tenantId = citizen.getTenantId();
        this.citizenId = citizen.getId();
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean isUsed() {
        return usedAt != null;
    }

    void markUsed(Instant now) {
        usedAt = now;
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

    public TokenPurpose getPurpose() {
        return purpose;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}

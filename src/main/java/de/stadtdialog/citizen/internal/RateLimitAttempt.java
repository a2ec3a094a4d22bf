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
 * One counted attempt (a registration, a failed login, a reset request) of one subject: a client address or an
 * e-mail address or username, stored as a SHA-256 hash only. In the database so every node of a cluster counts
 * the same; rows older than the longest window are deleted.
 */
@Entity
@Table(name = "citizen_rate_attempt", indexes = {
    @Index(name = "ix_citizen_rate_attempt_subject", columnList = "action,subjectHash,attemptedAt"),
    @Index(name = "ix_citizen_rate_attempt_time", columnList = "attemptedAt")})
public class RateLimitAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private RateLimitedAction action;

    @Column(nullable = false, length = 64)
    private String subjectHash;

    @Column(nullable = false)
    private Instant attemptedAt;

    protected RateLimitAttempt() {
    }

    RateLimitAttempt(String tenantId, RateLimitedAction action, String subjectHash, Instant attemptedAt) {
        this.tenantId = tenantId;
        this.action = action;
        this.subjectHash = subjectHash;
        this.attemptedAt = attemptedAt;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }
}

package de.stadtdialog.citizen.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A phase change of a followed procedure, as it was when it happened. Its id is the follower notification's
 * sequence number: part of each mail's dedup key, and a later change of the same procedure supersedes it.
 */
@Entity
@Table(name = "citizen_phase_change", indexes = @Index(name = "ix_citizen_phase_change_procedure",
    columnList = "procedureId"))
public class PhaseChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long procedureId;

    @Column(length = 500)
    private String oldPhase;

    @Column(length = 500)
    private String newPhase;

    @Column(nullable = false)
    private Instant changedAt;

    protected PhaseChange() {
    }

    PhaseChange(String tenantId, Long procedureId, String oldPhase, String newPhase, Instant changedAt) {
        this.tenantId = tenantId;
        this.procedureId = procedureId;
        this.oldPhase = oldPhase;
        this.newPhase = newPhase;
        this.changedAt = changedAt;
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

    public String getOldPhase() {
        return oldPhase;
    }

    public String getNewPhase() {
        return newPhase;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}

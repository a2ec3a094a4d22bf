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
 * One deliberation of a motion in a body, in the sequence the secretariat set. {@code round} is the motion's
 * revision it belongs to: a referral back starts a new round, the old consultations stay as history.
 */
@Entity
@Table(name = "council_consultation", indexes = @Index(name = "ix_council_consultation_motion",
    columnList = "motionId"))
public class Consultation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long motionId;

    @Column(nullable = false)
    private int round;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private Long bodyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsultationRole role;

    private boolean authoritative;

    /** The agenda item of its latest scheduling (a deferral schedules it again). */
    private Long agendaItemId;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private ConsultationResult result;

    private Instant modifiedAt;

    protected Consultation() {
    }

    public Consultation(String tenantId, Long motionId, int round, int position, Long bodyId, ConsultationRole role,
            Instant now) {
        this.tenantId = tenantId;
        this.motionId = motionId;
        this.round = round;
        this.position = position;
        this.bodyId = bodyId;
        this.role = role;
        this.authoritative = role == ConsultationRole.DECISION;
        this.modifiedAt = now;
    }

    public void scheduled(Long agendaItem, Instant now) {
        this.agendaItemId = agendaItem;
        this.result = null;
        this.modifiedAt = now;
    }

    public void resulted(ConsultationResult newResult, Instant now) {
        this.result = newResult;
        this.modifiedAt = now;
    }

    /** Still to be held: no result yet, or deferred. */
    public boolean isOpen() {
        return result == null || result == ConsultationResult.DEFERRED;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getMotionId() {
        return motionId;
    }

    public int getRound() {
        return round;
    }

    public int getPosition() {
        return position;
    }

    public Long getBodyId() {
        return bodyId;
    }

    public ConsultationRole getRole() {
        return role;
    }

    public boolean isAuthoritative() {
        return authoritative;
    }

    public Long getAgendaItemId() {
        return agendaItemId;
    }

    public ConsultationResult getResult() {
        return result;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}

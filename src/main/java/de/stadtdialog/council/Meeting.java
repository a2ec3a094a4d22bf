package de.stadtdialog.council;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A meeting of a council body; several motions may be on its agenda. */
@Entity
@Table(name = "council_meeting", indexes = @Index(name = "ix_council_meeting_tenant_start",
    columnList = "tenantId,startsAt"))
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long bodyId;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(length = 200)
    private String location;

    /** When the invitation went out (with the scheduling, which the notice period was checked against). */
    private Instant invitationSentAt;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant modifiedAt;

    protected Meeting() {
    }

    public Meeting(String tenantId, Long bodyId, Instant startsAt, String location, Instant now) {
        this.tenantId = tenantId;
        this.bodyId = bodyId;
        this.startsAt = startsAt;
        this.location = location;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    public void invitationSent(Instant at) {
        if (invitationSentAt == null) {
            invitationSentAt = at;
        }
        modifiedAt = at;
    }

    public void locatedAt(String newLocation, Instant now) {
        if (newLocation != null && !newLocation.equals(location)) {
            location = newLocation;
            modifiedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getBodyId() {
        return bodyId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public String getLocation() {
        return location;
    }

    public Instant getInvitationSentAt() {
        return invitationSentAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}

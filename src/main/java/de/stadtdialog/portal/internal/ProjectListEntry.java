package de.stadtdialog.portal.internal;

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
import jakarta.persistence.Version;

/**
 * One project on a municipality's public project list (Vorhabenliste), maintained by staff. It may point to the
 * procedure that runs its participation; then the public page shows that procedure's phases. Only published
 * entries exist publicly.
 */
@Entity
@Table(name = "project_list_entry", indexes = {
    @Index(name = "ix_project_entry_tenant", columnList = "tenantId, published"),
    @Index(name = "ix_project_entry_procedure", columnList = "procedureId")})
public class ProjectListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 64)
    private String tenantId;

    private Long procedureId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 1000)
    private String shortDescription;

    @Column(nullable = false, length = 200)
    private String place;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ParticipationStatus participationStatus;

    @Column(length = 200)
    private String cost;

    @Column(length = 200)
    private String schedule;

    private boolean published;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected ProjectListEntry() {
    }

    public ProjectListEntry(String tenantId, Instant now) {
        this.tenantId = tenantId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Staff changed the entry; {@code procedureId} may be null (no procedure runs or is planned yet). */
    public void change(Long procedureId, String title, String shortDescription, String place,
            ParticipationStatus participationStatus, String cost, String schedule, boolean published, Instant now) {
        this.procedureId = procedureId;
        this.title = title;
        this.shortDescription = shortDescription;
        this.place = place;
        this.participationStatus = participationStatus;
        this.cost = cost;
        this.schedule = schedule;
        this.published = published;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getProcedureId() {
        return procedureId;
    }

    public String getTitle() {
        return title;
    }

    public String getShortDescription() {
        return shortDescription;
    }

    public String getPlace() {
        return place;
    }

    public ParticipationStatus getParticipationStatus() {
        return participationStatus;
    }

    public String getCost() {
        return cost;
    }

    public String getSchedule() {
        return schedule;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

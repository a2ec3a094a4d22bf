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

/** A motion on a meeting's agenda (one scheduling of a consultation) and the result recorded for it. */
@Entity
@Table(name = "council_agenda_item", indexes = {
    @Index(name = "ix_council_agenda_meeting", columnList = "meetingId"),
    @Index(name = "ix_council_agenda_consultation", columnList = "consultationId")})
public class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long meetingId;

    @Column(nullable = false)
    private Long consultationId;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private ConsultationResult result;

    /** What the body changed (adopted with changes). */
    @Column(columnDefinition = "text")
    private String changes;

    /** The resolution as adopted, or a note on the result. */
    @Column(columnDefinition = "text")
    private String resolutionText;

    private Instant recordedAt;

    @Column(length = 64)
    private String recordedBy;

    private Instant createdAt;

    @Column(nullable = false)
    private Instant modifiedAt;

    protected AgendaItem() {
    }

    public AgendaItem(String tenantId, Long meetingId, Long consultationId, int number, Instant now) {
        this.tenantId = tenantId;
        this.meetingId = meetingId;
        this.consultationId = consultationId;
        this.number = number;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    public void record(ConsultationResult newResult, String newChanges, String newResolutionText, String by,
            Instant now) {
        this.result = newResult;
        this.changes = newChanges;
        this.resolutionText = newResolutionText;
        this.recordedBy = by;
        this.recordedAt = now;
        this.modifiedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public int getNumber() {
        return number;
    }

    public ConsultationResult getResult() {
        return result;
    }

    public String getChanges() {
        return changes;
    }

    public String getResolutionText() {
        return resolutionText;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }
}

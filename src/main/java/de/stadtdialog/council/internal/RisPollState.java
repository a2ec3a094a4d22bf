package de.stadtdialog.council.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where the polling of one municipality's council information system stands: who holds the lease (so that one
 * node of a cluster polls at a time; a lease runs out by itself if its node dies), when it last ran, up to when the
 * RIS's changes have been taken over, and what the last run found — shown to the secretariat.
 */
@Entity
@Table(name = "council_ris_poll")
class RisPollState {

    @Id
    @Column(length = 64)
    private String tenantId;

    @Column(length = 128)
    private String leasedBy;

    private Instant leaseUntil;

    private Instant lastRunAt;

    private Instant lastSuccessAt;

    private boolean lastRunFailed;

    @Column(length = 1000)
    private String lastMessage;

    protected RisPollState() {
    }

    RisPollState(String tenantId) {
        this.tenantId = tenantId;
    }

    void succeeded(Instant startedAt, String message) {
        lastRunAt = startedAt;
        lastSuccessAt = startedAt;
        lastRunFailed = false;
        lastMessage = message;
    }

    void failed(Instant startedAt, String message) {
        lastRunAt = startedAt;
        lastRunFailed = true;
        lastMessage = message == null ? "unbekannter Fehler" : message.length() > 1000 ? message.substring(0, 999)
            + "…" : message;
    }

    String getTenantId() {
        return tenantId;
    }

    Instant getLastRunAt() {
        return lastRunAt;
    }

    Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

    boolean isLastRunFailed() {
        return lastRunFailed;
    }

    String getLastMessage() {
        return lastMessage;
    }
}

package de.stadtdialog.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One sent mail, kept for staff to read (the demo "outbox") and as the dedup record. */
@Entity
@Table(name = "outbox_mail")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, unique = true, length = 300)
    private String dedupKey;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    // Long texts are "text" columns (H2 and PostgreSQL), not @Lob: on PostgreSQL a @Lob String is an oid large
    // object, readable only inside a transaction (a repository query without one fails) and left behind when
    // its row is deleted.
    @Column(nullable = false, columnDefinition = "text")
    private String body;

    @Column(nullable = false)
    private Instant sentAt;

    protected OutboxEntry() {
    }

    OutboxEntry(String tenantId, String dedupKey, String recipient, String subject, String body, Instant sentAt) {
        this.tenantId = tenantId;
        this.dedupKey = dedupKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.sentAt = sentAt;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}

package de.stadtdialog.sessioncycle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A public session of a working group or advisory board: agenda, invitation, attendance and minutes. The session
 * cycle process holds only this row's id.
 */
@Entity
@Table(name = "public_session")
public class PublicSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    private Long procedureId;

    /** The body that meets, e.g. "Arbeitskreis Leitlinien für Bürgerbeteiligung". */
    @Column(nullable = false, length = 200)
    private String body;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(length = 200)
    private String location;

    @Column(nullable = false, length = 32)
    private String noticePeriod;

    /** in-person, online or hybrid */
    @Column(length = 16)
    private String format;

    private Boolean quorate;

    // Long texts are "text" columns (H2 and PostgreSQL), not @Lob: on PostgreSQL a @Lob String is an oid large
    // object, readable only inside a transaction (a repository query without one fails) and left behind when
    // its row is deleted.

    /** Invitation recipients, one e-mail address per line (members of the body; staff data, never public). */
    @Column(columnDefinition = "text")
    private String recipients;

    @Column(columnDefinition = "text")
    private String agenda;

    private Instant invitationSentAt;

    private Integer attendeeCount;

    @Column(columnDefinition = "text")
    private String attendance;

    @Column(columnDefinition = "text")
    private String minutes;

    @Column(length = 64)
    private String minutesAuthor;

    @Column(length = 64)
    private String minutesReviewer;

    @Column(columnDefinition = "text")
    private String reviewComment;

    private Instant minutesPublishedAt;

    @Column(columnDefinition = "text")
    private String rescheduleLog;

    protected PublicSession() {
    }

    public PublicSession(String tenantId, String body, String title, Instant startsAt, String location,
            String noticePeriod, String recipients) {
        this.tenantId = tenantId;
        this.body = body;
        this.title = title;
        this.startsAt = startsAt;
        this.location = location;
        this.noticePeriod = noticePeriod;
        this.recipients = recipients;
    }

    void linkProcedure(Long procedureId) {
        this.procedureId = procedureId;
    }

    public void recordAgenda(String format, String location, String agenda) {
        this.format = format;
        this.location = location;
        this.agenda = agenda;
    }

    public void reschedule(Instant startsAt, String logLine) {
        this.startsAt = startsAt;
        this.rescheduleLog = rescheduleLog == null ? logLine : rescheduleLog + "\n" + logLine;
    }

    /** @return false if the invitation had already been sent (a retried job) */
    public boolean markInvitationSent(Instant now) {
        if (invitationSentAt != null) {
            return false;
        }
        invitationSentAt = now;
        return true;
    }

    public void recordMinutes(int attendeeCount, boolean quorate, String attendance, String minutes, String author) {
        this.attendeeCount = attendeeCount;
        this.quorate = quorate;
        this.attendance = attendance;
        this.minutes = minutes;
        this.minutesAuthor = author;
    }

    public void recordReview(String reviewer, String comment) {
        this.minutesReviewer = reviewer;
        this.reviewComment = comment;
    }

    public boolean markMinutesPublished(Instant now) {
        if (minutesPublishedAt != null) {
            return false;
        }
        minutesPublishedAt = now;
        return true;
    }

    public boolean isInvitationPublished() {
        return invitationSentAt != null;
    }

    public boolean isMinutesPublished() {
        return minutesPublishedAt != null;
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

    public String getBody() {
        return body;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public String getLocation() {
        return location;
    }

    public String getNoticePeriod() {
        return noticePeriod;
    }

    public String getFormat() {
        return format;
    }

    public Boolean getQuorate() {
        return quorate;
    }

    public String getRecipients() {
        return recipients;
    }

    public String getAgenda() {
        return agenda;
    }

    public Instant getInvitationSentAt() {
        return invitationSentAt;
    }

    public Integer getAttendeeCount() {
        return attendeeCount;
    }

    public String getAttendance() {
        return attendance;
    }

    public String getMinutes() {
        return minutes;
    }

    public String getMinutesAuthor() {
        return minutesAuthor;
    }

    public String getMinutesReviewer() {
        return minutesReviewer;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public Instant getMinutesPublishedAt() {
        return minutesPublishedAt;
    }

    public String getRescheduleLog() {
        return rescheduleLog;
    }
}

package de.stadtdialog.membercall;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One citizen's application to a call: only what the call needs (name and e-mail for the notifications, year of
 * birth for the minimum age, residence confirmed, one value per quota category), the consent with the version of
 * the privacy notice shown, and the pseudonymous code that is all the lottery and the public ever see.
 */
@Entity
@Table(name = "member_application")
public class MemberApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long callId;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 320)
    private String email;

    /** The citizen account that applied, if any. */
    private Long citizenAccountId;

    @Column(nullable = false)
    private int birthYear;

    @Column(nullable = false)
    private boolean residenceConfirmed;

    /** One "category=value" per line, in the order of the call's quotas. */
    @Column(columnDefinition = "text")
    private String features;

    @Column(nullable = false)
    private boolean consentGiven;

    @Column(nullable = false, length = 32)
    private String noticeVersion;

    @Column(nullable = false)
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ApplicationStatus status;

    /** Code of the earlier application this one looks like (same e-mail, or same name and year of birth). */
    @Column(length = 32)
    private String duplicateOf;

    @Column(columnDefinition = "text")
    private String rejectionReason;

    private Integer reservePosition;

    private Instant statusChangedAt;

    /** For a member who left: the code of whoever took the seat (or "-" when the reserve list was empty). */
    @Column(length = 32)
    private String successorCode;

    protected MemberApplication() {
    }

    public MemberApplication(MemberCall call, String code, String name, String email, Long citizenAccountId,
            int birthYear, boolean residenceConfirmed, Map<String, String> features, String noticeVersion,
            Instant submittedAt) {
        this.tenantId = call.getTenantId();
        this.callId = call.getId();
        this.code = code;
        this.name = name;
        this.email = email;
        this.citizenAccountId = citizenAccountId;
        this.birthYear = birthYear;
        this.residenceConfirmed = residenceConfirmed;
        StringBuilder text = new StringBuilder();
        features.forEach((category, value) -> text.append(category).append('=').append(value).append('\n'));
        this.features = text.toString();
        this.consentGiven = true;
        this.noticeVersion = noticeVersion;
        this.submittedAt = submittedAt;
        this.status = ApplicationStatus.SUBMITTED;
        this.statusChangedAt = submittedAt;
    }

    public Map<String, String> featureMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : MemberCall.lines(features)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return map;
    }

    public void flagDuplicateOf(String otherCode) {
        this.status = ApplicationStatus.DUPLICATE_FLAGGED;
        this.duplicateOf = otherCode;
    }

    public void changeStatus(ApplicationStatus status, Instant at) {
        this.status = status;
        this.statusChangedAt = at;
        if (status != ApplicationStatus.RESERVE) {
            this.reservePosition = null;
        }
    }

    public void reject(String reason, Instant at) {
        changeStatus(ApplicationStatus.REJECTED, at);
        this.rejectionReason = reason;
    }

    public void placeOnReserveList(int position, Instant at) {
        changeStatus(ApplicationStatus.RESERVE, at);
        this.reservePosition = position;
    }

    public void leave(String successorCode, Instant at) {
        changeStatus(ApplicationStatus.LEFT, at);
        this.successorCode = successorCode;
    }

    /** The account was deleted; the application itself stays until its retention ends. */
    public void unlinkAccount() {
        this.citizenAccountId = null;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Long getCallId() {
        return callId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public Long getCitizenAccountId() {
        return citizenAccountId;
    }

    public int getBirthYear() {
        return birthYear;
    }

    public boolean isResidenceConfirmed() {
        return residenceConfirmed;
    }

    public String getFeatures() {
        return features;
    }

    public boolean isConsentGiven() {
        return consentGiven;
    }

    public String getNoticeVersion() {
        return noticeVersion;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public String getDuplicateOf() {
        return duplicateOf;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Integer getReservePosition() {
        return reservePosition;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public String getSuccessorCode() {
        return successorCode;
    }
}

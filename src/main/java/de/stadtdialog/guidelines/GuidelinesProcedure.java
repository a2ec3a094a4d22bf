package de.stadtdialog.guidelines;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the composed guidelines procedure itself knows: the council's mandate, the working group, the plan of its
 * next session, and the outcome. The templates' data (call, sessions, draft, motion) lives in their own tables,
 * linked to the same procedure.
 */
@Entity
@Table(name = "guidelines_procedure")
public class GuidelinesProcedure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, unique = true)
    private Long procedureId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 200)
    private String workingGroup;

    @Column(length = 200)
    private String mandateReference;

    private LocalDate mandateDate;

    @Column(length = 4000)
    private String mandateSummary;

    private Instant nextSessionStartsAt;

    @Column(length = 200)
    private String nextSessionLocation;

    /** Members to invite, one address per line: staff data, never public. */
    @Column(length = 10000)
    private String sessionRecipients;

    @Column(length = 32)
    private String councilDecision;

    private Instant adoptedPublishedAt;

    @Column(length = 4000)
    private String rejectionFollowUp;

    @Column(nullable = false)
    private Instant createdAt;

    protected GuidelinesProcedure() {
    }

    GuidelinesProcedure(String tenantId, Long procedureId, String title, String workingGroup, Instant now) {
        this.tenantId = tenantId;
        this.procedureId = procedureId;
        this.title = title;
        this.workingGroup = workingGroup;
        this.createdAt = now;
    }

    void recordMandate(String reference, LocalDate date, String summary, String workingGroup) {
        this.mandateReference = reference;
        this.mandateDate = date;
        this.mandateSummary = summary;
        this.workingGroup = workingGroup;
    }

    void planSession(Instant startsAt, String location, String recipients) {
        this.nextSessionStartsAt = startsAt;
        this.nextSessionLocation = location;
        this.sessionRecipients = recipients;
    }

    void decided(String decision) {
        this.councilDecision = decision;
    }

    /** @return false if already published (the step ran before) */
    boolean publishAdopted(Instant now) {
        if (adoptedPublishedAt != null) {
            return false;
        }
        adoptedPublishedAt = now;
        return true;
    }

    void recordRejectionFollowUp(String followUp) {
        this.rejectionFollowUp = followUp;
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

    public String getTitle() {
        return title;
    }

    public String getWorkingGroup() {
        return workingGroup;
    }

    public String getMandateReference() {
        return mandateReference;
    }

    public LocalDate getMandateDate() {
        return mandateDate;
    }

    public String getMandateSummary() {
        return mandateSummary;
    }

    public Instant getNextSessionStartsAt() {
        return nextSessionStartsAt;
    }

    public String getNextSessionLocation() {
        return nextSessionLocation;
    }

    public String getSessionRecipients() {
        return sessionRecipients;
    }

    public String getCouncilDecision() {
        return councilDecision;
    }

    public Instant getAdoptedPublishedAt() {
        return adoptedPublishedAt;
    }

    public String getRejectionFollowUp() {
        return rejectionFollowUp;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package de.stadtdialog.portal.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the staff form posts; blank optional texts become null. */
public class ProjectEntryForm {

    private String tenantId;

    private Long procedureId;

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotBlank
    @Size(max = 1000)
    private String shortDescription;

    @NotBlank
    @Size(max = 200)
    private String place;

    @NotNull
    private ParticipationStatus participationStatus;

    @Size(max = 200)
    private String cost;

    @Size(max = 200)
    private String schedule;

    private boolean published;

    /** The version the editor started from; a newer one in the database means someone else saved meanwhile. */
    private Long version;

    static ProjectEntryForm of(ProjectListEntry entry) {
        ProjectEntryForm form = new ProjectEntryForm();
        form.tenantId = entry.getTenantId();
        form.procedureId = entry.getProcedureId();
        form.title = entry.getTitle();
        form.shortDescription = entry.getShortDescription();
        form.place = entry.getPlace();
        form.participationStatus = entry.getParticipationStatus();
        form.cost = entry.getCost();
        form.schedule = entry.getSchedule();
        form.published = entry.isPublished();
        form.version = entry.getVersion();
        return form;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public Long getProcedureId() {
        return procedureId;
    }

    public void setProcedureId(Long procedureId) {
        this.procedureId = procedureId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getShortDescription() {
        return shortDescription;
    }

    public void setShortDescription(String shortDescription) {
        this.shortDescription = shortDescription;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public ParticipationStatus getParticipationStatus() {
        return participationStatus;
    }

    public void setParticipationStatus(ParticipationStatus participationStatus) {
        this.participationStatus = participationStatus;
    }

    public String getCost() {
        return cost;
    }

    public void setCost(String cost) {
        this.cost = cost;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

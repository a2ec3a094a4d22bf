package de.stadtdialog.procedure;

import java.time.Instant;
import java.util.Objects;

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
 * One participation procedure of a municipality, run by one process instance whose business key is
 * {@link #getBusinessKey()}. Besides its identity it holds a read model of where the process stands (phase,
 * next deadline, open tasks), refreshed in the same transaction as every step of the process, so the
 * secretariat's overview needs no engine queries.
 */
@Entity
@Table(name = "procedure", indexes = {
    @Index(name = "ix_procedure_tenant", columnList = "tenantId"),
    @Index(name = "ix_procedure_instance", columnList = "processInstanceId"),
    @Index(name = "ix_procedure_deadline", columnList = "nextDeadline")})
public class Procedure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(unique = true, length = 64)
    private String businessKey;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 64)
    private String templateKey;

    @Column(nullable = false, length = 64)
    private String processDefinitionKey;

    @Column(length = 64)
    private String processInstanceId;

    @Column(length = 128)
    private String processDefinitionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProcedureStatus status = ProcedureStatus.RUNNING;

    @Column(length = 500)
    private String phase;

    @Column(length = 200)
    private String activeActivityIds;

    private Instant nextDeadline;

    private Instant earliestTaskDue;

    private int openTaskCount;

    @Column(length = 1000)
    private String openTasks;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant updatedAt;

    private Instant endedAt;

    protected Procedure() {
    }

    public Procedure(String tenantId, String title, String templateKey, String processDefinitionKey, Instant now) {
        this.tenantId = tenantId;
        this.title = title;
        this.templateKey = templateKey;
        this.processDefinitionKey = processDefinitionKey;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void assignBusinessKey(String businessKey) {
        this.businessKey = businessKey;
    }

    void attachProcess(String processInstanceId, String processDefinitionId) {
        this.processInstanceId = processInstanceId;
        this.processDefinitionId = processDefinitionId;
    }

    /** Updates the read model; called by the status projection only. */
    /**
     * Updates the read model; called by the status projection only.
     *
     * @return whether anything changed (the update time moves only then)
     */
    public boolean updateStatus(StatusSnapshot snapshot, Instant now) {
        String newPhase = truncate(snapshot.phase(), 500);
        String newActivityIds = truncate(snapshot.activeActivityIds(), 200);
        String newOpenTasks = truncate(snapshot.openTasks(), 1000);
        ProcedureStatus newStatus = snapshot.ended() ? ProcedureStatus.COMPLETED : status;
        boolean changed = !Objects.equals(phase, newPhase) || !Objects.equals(activeActivityIds, newActivityIds)
            || !Objects.equals(nextDeadline, snapshot.nextDeadline())
            || !Objects.equals(earliestTaskDue, snapshot.earliestTaskDue())
            || openTaskCount != snapshot.openTaskCount() || !Objects.equals(openTasks, newOpenTasks)
            || newStatus != status;
        if (!changed) {
            return false;
        }
        if (snapshot.ended() && status != ProcedureStatus.COMPLETED) {
            this.endedAt = now;
        }
        this.phase = newPhase;
        this.activeActivityIds = newActivityIds;
        this.nextDeadline = snapshot.nextDeadline();
        this.earliestTaskDue = snapshot.earliestTaskDue();
        this.openTaskCount = snapshot.openTaskCount();
        this.openTasks = newOpenTasks;
        this.status = newStatus;
        this.updatedAt = now;
        return true;
    }

    public boolean isEnded() {
        return status != ProcedureStatus.RUNNING;
    }

    public void rename(String title) {
        this.title = title;
    }

    /** Overdue when an open task is past its due date. */
    public boolean isOverdue(Instant now) {
        return earliestTaskDue != null && earliestTaskDue.isBefore(now);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public String getTitle() {
        return title;
    }

    public String getTemplateKey() {
        return templateKey;
    }

    public String getProcessDefinitionKey() {
        return processDefinitionKey;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getProcessDefinitionId() {
        return processDefinitionId;
    }

    public ProcedureStatus getStatus() {
        return status;
    }

    public String getPhase() {
        return phase;
    }

    public String getActiveActivityIds() {
        return activeActivityIds;
    }

    public Instant getNextDeadline() {
        return nextDeadline;
    }

    public Instant getEarliestTaskDue() {
        return earliestTaskDue;
    }

    public int getOpenTaskCount() {
        return openTaskCount;
    }

    public String getOpenTasks() {
        return openTasks;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    /** Where a process instance stands, as the projection computed it. */
    public record StatusSnapshot(String phase, String activeActivityIds, Instant nextDeadline,
            Instant earliestTaskDue, int openTaskCount, String openTasks, boolean ended) {
    }
}

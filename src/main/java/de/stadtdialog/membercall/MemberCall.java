package de.stadtdialog.membercall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.stadtdialog.lottery.Quota;

/**
 * A public call for members of a working group or advisory board (template T2): the seats, who may apply, the
 * term and the deadline. The process holds only this row's id and the dates its timers need.
 */
@Entity
@Table(name = "member_call")
public class MemberCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    private Long procedureId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 200)
    private String workingGroup;

    @Column(nullable = false)
    private int citizenSeats;

    /** Seats filled by nomination, one group per line: "Stadtratsfraktionen: 6". */
    @Column(columnDefinition = "text")
    private String nominatedSeats;

    /** The municipality applicants must live in. */
    @Column(length = 200)
    private String residence;

    @Column(nullable = false)
    private int minimumAge;

    /** As announced, e.g. "2 Jahre (bis Ende 2028)". */
    @Column(length = 200)
    private String term;

    private Instant termEndsAt;

    @Column(length = 200)
    private String meetingFrequency;

    /** Empty until the officer describes the call. */
    private Instant deadline;

    /** Quotas for the citizen seats, one per line: "Geschlecht; weiblich; 3; 5". */
    @Column(columnDefinition = "text")
    private String quotas;

    @Column(columnDefinition = "text")
    private String plainSummary;

    /** Every extension, one per line, as shown publicly. */
    @Column(columnDefinition = "text")
    private String deadlineLog;

    /** Why the last lottery computation could not meet the quotas (shown to the officer who adjusts them). */
    @Column(columnDefinition = "text")
    private String quotaProblems;

    /** Every change of the quotas after publication, one per line, as shown publicly. */
    @Column(columnDefinition = "text")
    private String quotaLog;

    @Column(length = 100)
    private String editedBy;

    @Column(length = 100)
    private String approvedBy;

    @Column(columnDefinition = "text")
    private String refusalReason;

    private Instant publishedAt;

    private Instant resultConfirmedAt;

    @Column(length = 100)
    private String resultConfirmedBy;

    /** How the citizen seats were filled: "all" (no lottery needed) or "lottery". */
    @Column(length = 16)
    private String resultMethod;

    private Instant applicantDataDeletedAt;

    private Instant memberDataDeletedAt;

    protected MemberCall() {
    }

    public MemberCall(String tenantId, String title, String workingGroup, String editedBy) {
        this.tenantId = tenantId;
        this.title = title;
        this.workingGroup = workingGroup;
        this.editedBy = editedBy;
        this.minimumAge = MemberCallProcess.DEFAULT_MINIMUM_AGE;
    }

    public void describe(CallDetails details, String editor) {
        this.title = details.title();
        this.workingGroup = details.workingGroup();
        this.citizenSeats = details.citizenSeats();
        this.nominatedSeats = details.nominatedSeats();
        this.residence = details.residence();
        this.minimumAge = details.minimumAge();
        this.term = details.term();
        this.termEndsAt = details.termEndsAt();
        this.meetingFrequency = details.meetingFrequency();
        this.deadline = details.deadline();
        this.quotas = details.quotas();
        this.plainSummary = details.plainSummary();
        this.editedBy = editor;
    }

    /** What the officer enters for a call; quotas and nominated seats as lines of text. */
    public record CallDetails(String title, String workingGroup, int citizenSeats, String nominatedSeats,
            String residence, int minimumAge, String term, Instant termEndsAt, String meetingFrequency,
            Instant deadline, String quotas, String plainSummary) {
    }

    public void linkProcedure(Long procedureId) {
        this.procedureId = procedureId;
    }

    public void approve(String approver) {
        this.approvedBy = approver;
        this.refusalReason = null;
    }

    public void refuse(String reviewer, String reason) {
        this.approvedBy = null;
        this.refusalReason = reviewer + ": " + reason;
    }

    public void markPublished(Instant at) {
        if (publishedAt == null) {
            publishedAt = at;
        }
    }

    public void extendDeadline(Instant newDeadline, String logLine) {
        this.deadline = newDeadline;
        this.deadlineLog = deadlineLog == null ? logLine : deadlineLog + "\n" + logLine;
    }

    public void recordQuotaProblems(String problems) {
        this.quotaProblems = problems;
    }

    /** @param logLine what the public page shows; {@code {0}} is replaced by the new quotas in words */
    public void adjustQuotas(String newQuotas, String logLine) {
        this.quotas = newQuotas;
        this.quotaProblems = null;
        String described = String.join(", ", quotaList().stream()
            .map(q -> q.label() + " " + q.min() + "–" + q.max()).toList());
        String line = logLine.replace("{0}", described.isEmpty() ? "keine" : described);
        this.quotaLog = quotaLog == null ? line : quotaLog + "\n" + line;
    }

    public List<String> quotaLogLines() {
        return lines(quotaLog);
    }

    public void recordResult(String method, String confirmedBy, Instant at) {
        this.resultMethod = method;
        this.resultConfirmedBy = confirmedBy;
        this.resultConfirmedAt = at;
    }

    public void markApplicantDataDeleted(Instant at) {
        applicantDataDeletedAt = at;
    }

    public void markMemberDataDeleted(Instant at) {
        memberDataDeletedAt = at;
    }

    public boolean isOpenForApplications(Instant now) {
        return publishedAt != null && now.isBefore(deadline);
    }

    /** Seats by nominating group, in the order entered. */
    public Map<String, Integer> nominatedSeatsByGroup() {
        Map<String, Integer> seats = new LinkedHashMap<>();
        for (String line : lines(nominatedSeats)) {
            int colon = line.lastIndexOf(':');
            if (colon > 0) {
                try {
                    seats.put(line.substring(0, colon).trim(), Integer.parseInt(line.substring(colon + 1).trim()));
                } catch (NumberFormatException ignored) {
                    // checked when entered
                }
            }
        }
        return seats;
    }

    public int totalSeats() {
        return citizenSeats + nominatedSeatsByGroup().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The quotas as the lottery sees them (checked when entered). */
    public List<Quota> quotaList() {
        List<Quota> list = new ArrayList<>();
        for (String line : lines(quotas)) {
            String[] parts = line.split(";");
            if (parts.length == 4) {
                list.add(new Quota(parts[0].trim(), parts[1].trim(), Integer.parseInt(parts[2].trim()),
                    Integer.parseInt(parts[3].trim())));
            }
        }
        return list;
    }

    /** Category → its values, in the order of the quotas: what applicants choose from. */
    public Map<String, List<String>> categories() {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (Quota quota : quotaList()) {
            categories.computeIfAbsent(quota.category(), c -> new ArrayList<>()).add(quota.value());
        }
        return categories;
    }

    public List<String> deadlineLogLines() {
        return lines(deadlineLog);
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
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

    public int getCitizenSeats() {
        return citizenSeats;
    }

    public String getNominatedSeats() {
        return nominatedSeats;
    }

    public String getResidence() {
        return residence;
    }

    public int getMinimumAge() {
        return minimumAge;
    }

    public String getTerm() {
        return term;
    }

    public Instant getTermEndsAt() {
        return termEndsAt;
    }

    public String getMeetingFrequency() {
        return meetingFrequency;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public String getQuotas() {
        return quotas;
    }

    public String getPlainSummary() {
        return plainSummary;
    }

    public String getDeadlineLog() {
        return deadlineLog;
    }

    public String getQuotaProblems() {
        return quotaProblems;
    }

    public String getQuotaLog() {
        return quotaLog;
    }

    public String getEditedBy() {
        return editedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getResultConfirmedAt() {
        return resultConfirmedAt;
    }

    public String getResultConfirmedBy() {
        return resultConfirmedBy;
    }

    public String getResultMethod() {
        return resultMethod;
    }

    public Instant getApplicantDataDeletedAt() {
        return applicantDataDeletedAt;
    }

    public Instant getMemberDataDeletedAt() {
        return memberDataDeletedAt;
    }
}

package de.stadtdialog.membercall;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.stadtdialog.lottery.DrawRecord;
import de.stadtdialog.lottery.LotteryTable;

/**
 * One lottery for a call: the frozen lottery table (its files exactly as committed), the commitment hash, the
 * ceremony input, the draw and who ran and who confirmed it. A changed pool (a withdrawal after the commitment)
 * makes this run void and starts a new one; the frozen files are never edited.
 */
@Entity
@Table(name = "member_lottery_run")
public class LotteryRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false)
    private Long callId;

    @Column(nullable = false)
    private int runNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LotteryRunStatus status;

    @Column(nullable = false, length = 64)
    private String commitmentHash;

    @Column(nullable = false)
    private int panels;

    private boolean truncated;

    @Column(nullable = false)
    private Instant preparedAt;

    private Instant committedAt;

    @Column(columnDefinition = "text", nullable = false)
    private String poolCsv;

    @Column(columnDefinition = "text", nullable = false)
    private String quotasCsv;

    @Column(columnDefinition = "text", nullable = false)
    private String typesCsv;

    @Column(columnDefinition = "text", nullable = false)
    private String panelsCsv;

    @Column(columnDefinition = "text", nullable = false)
    private String probabilitiesCsv;

    @Column(columnDefinition = "text", nullable = false)
    private String commitmentTxt;

    @Column(columnDefinition = "text")
    private String ceremonyInput;

    @Column(length = 100)
    private String drawnBy;

    private Instant drawnAt;

    @Column(length = 64)
    private String seed;

    private Integer panelNumber;

    /** Codes of the people drawn, one per line, in draw order. */
    @Column(columnDefinition = "text")
    private String selectedCodes;

    /** Codes on the reserve list, one per line, first = first to move up. */
    @Column(columnDefinition = "text")
    private String reserveCodes;

    @Column(length = 100)
    private String confirmedBy;

    private Instant confirmedAt;

    @Column(columnDefinition = "text")
    private String voidReason;

    protected LotteryRun() {
    }

    public LotteryRun(MemberCall call, int runNumber, LotteryTable table, Instant preparedAt) {
        this.tenantId = call.getTenantId();
        this.callId = call.getId();
        this.runNumber = runNumber;
        this.status = LotteryRunStatus.PREPARED;
        this.commitmentHash = table.commitmentHash();
        this.panels = table.panels();
        this.truncated = table.truncated();
        this.preparedAt = preparedAt;
        Map<String, byte[]> files = table.files();
        this.poolCsv = text(files.get(LotteryTable.POOL));
        this.quotasCsv = text(files.get(LotteryTable.QUOTAS));
        this.typesCsv = text(files.get(LotteryTable.TYPES));
        this.panelsCsv = text(files.get(LotteryTable.PANELS));
        this.probabilitiesCsv = text(files.get(LotteryTable.PROBABILITIES));
        this.commitmentTxt = text(files.get(LotteryTable.COMMITMENT));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The committed files, byte for byte as frozen. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(LotteryTable.POOL, poolCsv.getBytes(StandardCharsets.UTF_8));
        files.put(LotteryTable.QUOTAS, quotasCsv.getBytes(StandardCharsets.UTF_8));
        files.put(LotteryTable.TYPES, typesCsv.getBytes(StandardCharsets.UTF_8));
        files.put(LotteryTable.PANELS, panelsCsv.getBytes(StandardCharsets.UTF_8));
        files.put(LotteryTable.PROBABILITIES, probabilitiesCsv.getBytes(StandardCharsets.UTF_8));
        files.put(LotteryTable.COMMITMENT, commitmentTxt.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public LotteryTable table() {
        return LotteryTable.read(files()::get);
    }

    public void markCommitted(Instant at) {
        if (committedAt == null) {
            committedAt = at;
            status = LotteryRunStatus.COMMITTED;
        }
    }

    public void enterCeremonyInput(String input, String by) {
        this.ceremonyInput = input;
        this.drawnBy = by;
    }

    public void recordDraw(DrawRecord draw, Instant at) {
        this.seed = draw.seed();
        this.panelNumber = draw.panelNumber();
        this.selectedCodes = String.join("\n", draw.members());
        this.reserveCodes = String.join("\n", draw.reserve());
        this.drawnAt = at;
        this.status = LotteryRunStatus.DRAWN;
    }

    public void confirm(String by, Instant at) {
        this.confirmedBy = by;
        this.confirmedAt = at;
        this.status = LotteryRunStatus.CONFIRMED;
    }

    public void makeVoid(String reason) {
        this.status = LotteryRunStatus.VOID;
        this.voidReason = reason;
    }

    public List<String> selected() {
        return MemberCall.lines(selectedCodes);
    }

    public List<String> reserve() {
        return MemberCall.lines(reserveCodes);
    }

    public boolean isDrawn() {
        return drawnAt != null;
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

    public int getRunNumber() {
        return runNumber;
    }

    public LotteryRunStatus getStatus() {
        return status;
    }

    public String getCommitmentHash() {
        return commitmentHash;
    }

    public int getPanels() {
        return panels;
    }

    public boolean isTruncated() {
        return truncated;
    }

    public Instant getPreparedAt() {
        return preparedAt;
    }

    public Instant getCommittedAt() {
        return committedAt;
    }

    public String getCeremonyInput() {
        return ceremonyInput;
    }

    public String getDrawnBy() {
        return drawnBy;
    }

    public Instant getDrawnAt() {
        return drawnAt;
    }

    public String getSeed() {
        return seed;
    }

    public Integer getPanelNumber() {
        return panelNumber;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getVoidReason() {
        return voidReason;
    }
}

package de.stadtdialog.membercall.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.lottery.DrawRecord;
import de.stadtdialog.lottery.LotteryDraw;
import de.stadtdialog.lottery.LotteryInput;
import de.stadtdialog.lottery.LotteryInputException;
import de.stadtdialog.lottery.LotteryService;
import de.stadtdialog.lottery.LotteryTable;
import de.stadtdialog.lottery.Person;
import de.stadtdialog.membercall.ApplicationStatus;
import de.stadtdialog.membercall.LotteryRun;
import de.stadtdialog.membercall.LotteryRunRepository;
import de.stadtdialog.membercall.LotteryRunStatus;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberApplicationRepository;
import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallRepository;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallTexts;
import de.stadtdialog.membercall.Nomination;
import de.stadtdialog.membercall.NominationRepository;
import de.stadtdialog.notification.MailService;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.shared.InputRejectedException;

/**
 * What each step of the call-for-members process does to the tables and the outside world. Steps that run as
 * jobs may run twice (a retry after a crash) and then do nothing new: mails carry dedup keys, publications and
 * deletions check what already happened.
 */
@Component
@Transactional
class MemberCallSteps {

    /** Applications whose data is kept until the term ends: the members and the reserve list. */
    static final Set<ApplicationStatus> KEPT_FOR_TERM = EnumSet.of(ApplicationStatus.SELECTED,
        ApplicationStatus.RESERVE, ApplicationStatus.LEFT);

    private final MemberCallRepository calls;
    private final MemberApplicationRepository applications;
    private final NominationRepository nominations;
    private final LotteryRunRepository runs;
    private final LotteryService lottery;
    private final MailService mail;
    private final Clock clock;
    private final String publicBaseUrl;

    MemberCallSteps(MemberCallRepository calls, MemberApplicationRepository applications,
            NominationRepository nominations, LotteryRunRepository runs, LotteryService lottery, MailService mail,
            Clock clock, @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.calls = calls;
        this.applications = applications;
        this.nominations = nominations;
        this.runs = runs;
        this.lottery = lottery;
        this.mail = mail;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    MemberCall call(Long id) {
        return calls.findById(id).orElseThrow(() -> new IllegalStateException("No member call " + id));
    }

    LotteryRun run(Long id) {
        return runs.findById(id).orElseThrow(() -> new IllegalStateException("No lottery run " + id));
    }

    List<MemberApplication> applicationsOf(Long callId) {
        return applications.findByCallIdOrderBySubmittedAtAscIdAsc(callId);
    }

    void publish(Long callId) {
        call(callId).markPublished(clock.instant());
    }

    // ---- eligibility ----

    /** Lines "CODE: reason" that the officer starts from: the flagged duplicates. */
    String suggestedRejections(Long callId) {
        StringBuilder text = new StringBuilder();
        for (MemberApplication application : applicationsOf(callId)) {
            if (application.getStatus() == ApplicationStatus.DUPLICATE_FLAGGED) {
                text.append(application.getCode()).append(": Doppelte Bewerbung (wie ")
                    .append(application.getDuplicateOf()).append(")\n");
            }
        }
        return text.toString();
    }

    String applicationsOverview(Long callId) {
        StringBuilder text = new StringBuilder();
        for (MemberApplication a : applicationsOf(callId)) {
            if (a.getStatus() == ApplicationStatus.WITHDRAWN) {
                continue;
            }
            text.append(a.getCode()).append(" | ").append(a.getName()).append(" | Jg. ").append(a.getBirthYear())
                .append(" | Wohnort bestätigt");
            a.featureMap().forEach((category, value) -> text.append(" | ").append(category).append(": ")
                .append(value));
            if (a.getStatus() == ApplicationStatus.DUPLICATE_FLAGGED) {
                text.append(" | DOPPELT? wie ").append(a.getDuplicateOf());
            }
            text.append('\n');
        }
        return text.isEmpty() ? "(keine Bewerbungen)" : text.toString();
    }

    /**
     * Rejects the applications named in {@code rejections} ("CODE: reason" per line) and admits every other one
     * to the pool. @return the number of eligible applicants
     */
    int checkEligibility(Long callId, String rejections) {
        Map<String, MemberApplication> byCode = new HashMap<>();
        for (MemberApplication a : applicationsOf(callId)) {
            byCode.put(a.getCode(), a);
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String line : rejections == null ? List.<String>of() : rejections.lines().map(String::trim)
                .filter(s -> !s.isEmpty()).toList()) {
            int colon = line.indexOf(':');
            String code = colon < 0 ? line : line.substring(0, colon).trim();
            String reason = colon < 0 ? "" : line.substring(colon + 1).trim();
            MemberApplication application = byCode.get(code);
            if (application == null || application.getStatus() == ApplicationStatus.WITHDRAWN) {
                throw new InputRejectedException("rejections", "„" + code + "“ ist keine Bewerbung auf diesen "
                    + "Aufruf.");
            }
            if (reason.isEmpty()) {
                throw new InputRejectedException("rejections", "Bitte bei „" + code + "“ den Grund der Ablehnung "
                    + "angeben (Zeile „" + code + ": Grund“).");
            }
            reasons.put(code, reason);
        }
        Instant now = clock.instant();
        int eligible = 0;
        for (MemberApplication a : byCode.values()) {
            if (a.getStatus() == ApplicationStatus.WITHDRAWN) {
                continue;
            }
            if (reasons.containsKey(a.getCode())) {
                a.reject(reasons.get(a.getCode()), now);
            } else {
                a.changeStatus(ApplicationStatus.ELIGIBLE, now);
                eligible++;
            }
        }
        return eligible;
    }

    int eligibleCount(Long callId) {
        return (int) applications.countByCallIdAndStatus(callId, ApplicationStatus.ELIGIBLE);
    }

    // ---- nominations ----

    String seatGroups(MemberCall call) {
        StringBuilder text = new StringBuilder();
        call.nominatedSeatsByGroup().forEach((group, seats) -> text.append(group).append(": ").append(seats)
            .append(seats == 1 ? " Sitz\n" : " Sitze\n"));
        return text.isEmpty() ? "(keine Sitze durch Benennung)" : text.toString();
    }

    String nominationsText(Long callId) {
        StringBuilder text = new StringBuilder();
        for (Nomination n : nominations.findByCallIdOrderByIdAsc(callId)) {
            text.append(n.getSeatGroup()).append(": ").append(n.getName()).append('\n');
        }
        return text.toString();
    }

    /** Replaces the call's nominations by "Gruppe: Name" lines; each group at most its seats. */
    void recordNominations(MemberCall call, String text) {
        Map<String, Integer> seats = call.nominatedSeatsByGroup();
        Map<String, Integer> used = new HashMap<>();
        List<String[]> entries = new ArrayList<>();
        for (String line : text == null ? List.<String>of() : text.lines().map(String::trim)
                .filter(s -> !s.isEmpty()).toList()) {
            int colon = line.indexOf(':');
            String group = colon < 0 ? "" : line.substring(0, colon).trim();
            String name = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (!seats.containsKey(group) || name.isEmpty()) {
                throw new InputRejectedException("nominations", "„" + line + "“: Bitte je Zeile „Gruppe: Name“ "
                    + "mit einer dieser Gruppen eingeben: " + String.join(", ", seats.keySet()) + ".");
            }
            if (used.merge(group, 1, Integer::sum) > seats.get(group)) {
                throw new InputRejectedException("nominations", "„" + group + "“ hat nur " + seats.get(group)
                    + " Sitze.");
            }
            entries.add(new String[] {group, name});
        }
        nominations.deleteByCallId(call.getId());
        nominations.flush();
        for (String[] entry : entries) {
            nominations.save(new Nomination(call, entry[0], entry[1]));
        }
    }

    // ---- filling the citizen seats ----

    void admitAll(Long callId) {
        Instant now = clock.instant();
        for (MemberApplication a : applicationsOf(callId)) {
            if (a.getStatus() == ApplicationStatus.ELIGIBLE) {
                a.changeStatus(ApplicationStatus.SELECTED, now);
            }
        }
        call(callId).recordResult("all", null, now);
    }

    /**
     * Freezes the lottery table of the current pool (eligible applicants by pseudonymous code and features).
     * A run prepared but not yet published is reused, so a retried job computes nothing twice.
     */
    Long computeLottery(Long callId) {
        MemberCall call = call(callId);
        List<LotteryRun> existing = runs.findByCallIdOrderByRunNumberAsc(callId);
        if (!existing.isEmpty() && existing.get(existing.size() - 1).getStatus() == LotteryRunStatus.PREPARED) {
            return existing.get(existing.size() - 1).getId();
        }
        List<Person> pool = new ArrayList<>();
        for (MemberApplication a : applications.findByCallIdAndStatusInOrderByCodeAsc(callId,
                List.of(ApplicationStatus.ELIGIBLE))) {
            pool.add(new Person(a.getCode(), a.featureMap()));
        }
        LotteryTable table;
        try {
            table = lottery.prepare(LotteryInput.of(call.quotaList(), pool, call.getCitizenSeats()));
        } catch (LotteryInputException infeasible) {
            call.recordQuotaProblems(infeasible.getMessage());
            return null;
        }
        return runs.save(new LotteryRun(call, existing.size() + 1, table, clock.instant())).getId();
    }

    /** Quotas changed after publication because the pool cannot meet them; logged for the public page. */
    void adjustQuotas(MemberCall call, String quotas, String reason) {
        MemberCallService.checkQuotas(quotas, call.getCitizenSeats());
        call.adjustQuotas(quotas, MemberCallTexts.dateTime(clock.instant()) + ": Quoten geändert – " + reason
            + " (neu: {0})");
    }

    void publishCommitment(Long runId) {
        run(runId).markCommitted(clock.instant());
    }

    void enterCeremonyInput(LotteryRun run, String input, String by) {
        if (run.getStatus() != LotteryRunStatus.COMMITTED) {
            throw new InputRejectedException("ceremonyInput", "Die Losung ist nicht (mehr) für die Ziehung offen.");
        }
        if (LotteryDraw.normalise(input).isEmpty()) {
            throw new InputRejectedException("ceremonyInput", "Bitte die in der öffentlichen Ziehung gewürfelten "
                + "oder gezogenen Zahlen eintragen.");
        }
        run.enterCeremonyInput(input, by);
    }

    void draw(Long runId) {
        LotteryRun run = run(runId);
        if (run.isDrawn()) {
            return;
        }
        LotteryTable table = run.table();
        DrawRecord draw = lottery.draw(table, run.getCeremonyInput());
        if (!draw.commitment().equals(run.getCommitmentHash())) {
            throw new IllegalStateException("Stored lottery table of run " + runId + " no longer matches its "
                + "commitment " + run.getCommitmentHash());
        }
        run.recordDraw(draw, clock.instant());
    }

    /** Codes of the pool whose applications were withdrawn after the table was frozen. */
    List<String> withdrawnFromPool(LotteryRun run) {
        List<String> withdrawn = new ArrayList<>();
        for (Person person : run.table().input().people()) {
            MemberApplication a = applications.findByCallIdAndCode(run.getCallId(), person.id()).orElse(null);
            if (a == null || a.getStatus() == ApplicationStatus.WITHDRAWN) {
                withdrawn.add(person.id());
            }
        }
        return withdrawn;
    }

    void confirmResult(LotteryRun run, String by) {
        Instant now = clock.instant();
        Map<String, Integer> reservePositions = new HashMap<>();
        List<String> reserve = run.reserve();
        for (int i = 0; i < reserve.size(); i++) {
            reservePositions.put(reserve.get(i), i + 1);
        }
        Set<String> selected = Set.copyOf(run.selected());
        for (MemberApplication a : applicationsOf(run.getCallId())) {
            if (a.getStatus() != ApplicationStatus.ELIGIBLE) {
                continue;
            }
            if (selected.contains(a.getCode())) {
                a.changeStatus(ApplicationStatus.SELECTED, now);
            } else if (reservePositions.containsKey(a.getCode())) {
                a.placeOnReserveList(reservePositions.get(a.getCode()), now);
            } else {
                a.changeStatus(ApplicationStatus.NOT_SELECTED, now);
            }
        }
        run.confirm(by, now);
        call(run.getCallId()).recordResult("lottery", by, now);
    }

    void voidRun(LotteryRun run, String reason) {
        run.makeVoid(reason);
    }

    // ---- notifications ----

    void notifyApplicants(Long callId) {
        MemberCall call = call(callId);
        String link = publicBaseUrl + "/oeffentlich/aufrufe/" + call.getId();
        for (MemberApplication a : applicationsOf(callId)) {
            String text = switch (a.getStatus()) {
                case SELECTED -> "Sie wurden für " + call.getWorkingGroup() + " ausgewählt (Code " + a.getCode()
                    + "). Herzlichen Glückwunsch! Die Amtszeit: " + call.getTerm() + ". Wir melden uns mit dem "
                    + "Termin der ersten Sitzung.";
                case RESERVE -> "Sie stehen auf der Nachrückliste für " + call.getWorkingGroup() + " auf Platz "
                    + a.getReservePosition() + " (Code " + a.getCode() + "). Scheidet ein Mitglied aus, rücken "
                    + "Sie in dieser Reihenfolge nach.";
                case NOT_SELECTED -> "Sie wurden für " + call.getWorkingGroup() + " leider nicht ausgelost (Code "
                    + a.getCode() + "). Vielen Dank für Ihr Interesse.";
                case REJECTED -> "Ihre Bewerbung für " + call.getWorkingGroup() + " (Code " + a.getCode()
                    + ") konnte nicht berücksichtigt werden: " + a.getRejectionReason();
                default -> null;
            };
            if (text != null) {
                mail.send(new OutgoingMail(call.getTenantId(), "membercall-" + callId + "-result-" + a.getId(),
                    a.getEmail(), "Ergebnis: " + call.getTitle(), "Guten Tag " + a.getName() + ",\n\n" + text
                        + "\n\nDas öffentliche Ergebnis: " + link + "\n"));
            }
        }
    }

    Instant applicantDeletionAt(MemberCall call, String retention) {
        return plus(call.getResultConfirmedAt(), retention);
    }

    Instant memberDeletionAt(MemberCall call, String retention) {
        return plus(call.getTermEndsAt(), retention);
    }

    private static Instant plus(Instant instant, String period) {
        return instant.atZone(MemberCallService.ZONE).plus(Period.parse(period)).toInstant();
    }

    // ---- during the term ----

    /** The member leaves; the first on the reserve list takes the seat and is told so (once). */
    void replaceMember(Long callId, Long leavingId) {
        MemberCall call = call(callId);
        MemberApplication leaving = applications.findById(leavingId)
            .orElseThrow(() -> new IllegalStateException("No application " + leavingId));
        if (leaving.getStatus() == ApplicationStatus.SELECTED) {
            MemberApplication successor = applicationsOf(callId).stream()
                .filter(a -> a.getStatus() == ApplicationStatus.RESERVE)
                .min((a, b) -> Integer.compare(a.getReservePosition(), b.getReservePosition())).orElse(null);
            Instant now = clock.instant();
            if (successor != null) {
                successor.changeStatus(ApplicationStatus.SELECTED, now);
            }
            leaving.leave(successor == null ? "-" : successor.getCode(), now);
        }
        if (leaving.getSuccessorCode() != null && !"-".equals(leaving.getSuccessorCode())) {
            MemberApplication successor = applications.findByCallIdAndCode(callId, leaving.getSuccessorCode())
                .orElseThrow();
            mail.send(new OutgoingMail(call.getTenantId(), "membercall-" + callId + "-successor-"
                + successor.getId(), successor.getEmail(), "Sie rücken nach: " + call.getWorkingGroup(),
                "Guten Tag " + successor.getName() + ",\n\nein Mitglied von " + call.getWorkingGroup() + " ist "
                    + "ausgeschieden. Sie rücken von der Nachrückliste (Code " + successor.getCode() + ") nach und "
                    + "sind ab sofort Mitglied bis zum Ende der Amtszeit (" + MemberCallTexts.date(
                        call.getTermEndsAt()) + ").\n"));
        }
    }

    // ---- deletion ----

    /** Deletes everyone who is neither a member nor on the reserve list. */
    void deleteApplicantData(Long callId) {
        List<MemberApplication> gone = applicationsOf(callId).stream()
            .filter(a -> !KEPT_FOR_TERM.contains(a.getStatus())).toList();
        applications.deleteAll(gone);
        call(callId).markApplicantDataDeleted(clock.instant());
    }

    /** After the term: the members', the reserve list's and the nominees' data. */
    void deleteMemberData(Long callId) {
        applications.deleteAll(applicationsOf(callId));
        nominations.deleteByCallId(callId);
        call(callId).markMemberDataDeleted(clock.instant());
    }
}

package de.stadtdialog.membercall;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.lottery.LotteryService;
import de.stadtdialog.lottery.LotteryTable;
import de.stadtdialog.lottery.Quota;
import de.stadtdialog.membercall.MemberCall.CallDetails;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Calls for members (template T2) for pages, tests and demo data: create a call and start its process, take
 * applications, withdraw them, extend the deadline, replace a member who left. The process steps themselves run
 * in the module's internal step class.
 */
@Service
public class MemberCallService {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Version of the privacy notice (Art. 13 GDPR) shown beside the application form. */
    public static final String NOTICE_VERSION = "2026-11";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberCallRepository calls;
    private final MemberApplicationRepository applications;
    private final LotteryRunRepository runs;
    private final NominationRepository nominations;
    private final ProcedureService procedures;
    private final ProcedureRepository procedureRows;
    private final RuntimeService runtimeService;
    private final LotteryService lottery;
    private final Clock clock;

    public MemberCallService(MemberCallRepository calls, MemberApplicationRepository applications,
            LotteryRunRepository runs, NominationRepository nominations, ProcedureService procedures,
            ProcedureRepository procedureRows, RuntimeService runtimeService, LotteryService lottery, Clock clock) {
        this.calls = calls;
        this.applications = applications;
        this.runs = runs;
        this.nominations = nominations;
        this.procedures = procedures;
        this.procedureRows = procedureRows;
        this.runtimeService = runtimeService;
        this.lottery = lottery;
        this.clock = clock;
    }

    public record CreateCall(String tenantId, String title, String workingGroup, String createdBy,
            String applicantRetention, String memberRetention) {

        public CreateCall(String tenantId, String title, String workingGroup, String createdBy) {
            this(tenantId, title, workingGroup, createdBy, MemberCallProcess.DEFAULT_RETENTION,
                MemberCallProcess.DEFAULT_RETENTION);
        }
    }

    /** Creates the call and its procedure; the process starts with the officer describing the call. */
    @Transactional
    public Procedure create(CreateCall command) {
        String applicantRetention = period(command.applicantRetention(), "applicantRetention");
        String memberRetention = period(command.memberRetention(), "memberRetention");
        MemberCall call = calls.save(new MemberCall(command.tenantId(), command.title().trim(),
            command.workingGroup().trim(), command.createdBy()));
        Procedure procedure = procedures.create(command.tenantId(), call.getTitle(), MemberCallProcess.TEMPLATE_KEY,
            MemberCallProcess.PROCESS_ID);
        call.linkProcedure(procedure.getId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(MemberCallProcess.VAR_CALL_ID, call.getId());
        variables.put(MemberCallProcess.VAR_APPLICANT_RETENTION, applicantRetention);
        variables.put(MemberCallProcess.VAR_MEMBER_RETENTION, memberRetention);
        return procedures.startProcess(procedure, variables);
    }

    /**
     * For a procedure that calls the call-for-members process as a call activity (a composed procedure): creates
     * the call linked to that procedure — or finds the one created before, so a step repeated after a crash creates
     * no second call — and returns the variables the call activity passes in ({@code callId} and the retention
     * periods). The officer describes the call in the called process's first task, as on its own.
     */
    @Transactional
    public Map<String, Object> prepareFor(Long procedureId, CreateCall command) {
        String applicantRetention = period(command.applicantRetention(), "applicantRetention");
        String memberRetention = period(command.memberRetention(), "memberRetention");
        MemberCall call = calls.findByProcedureId(procedureId).orElseGet(() -> {
            MemberCall created = calls.save(new MemberCall(command.tenantId(), command.title().trim(),
                command.workingGroup().trim(), command.createdBy()));
            created.linkProcedure(procedureId);
            return created;
        });
        Map<String, Object> variables = new HashMap<>();
        variables.put(MemberCallProcess.VAR_CALL_ID, call.getId());
        variables.put(MemberCallProcess.VAR_APPLICANT_RETENTION, applicantRetention);
        variables.put(MemberCallProcess.VAR_MEMBER_RETENTION, memberRetention);
        return variables;
    }

    /** A retention period as ISO-8601 (P3M, P90D); {@code null} or blank gives the default. */
    static String period(String value, String field) {
        if (value == null || value.isBlank()) {
            return MemberCallProcess.DEFAULT_RETENTION;
        }
        try {
            Period period = Period.parse(value.trim().toUpperCase(Locale.ROOT));
            if (period.isNegative() || period.isZero()) {
                throw new DateTimeParseException("not positive", value, 0);
            }
            return period.toString();
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(field, "„" + value + "“ ist keine gültige Frist (z. B. P3M für drei "
                + "Monate oder P90D für 90 Tage).");
        }
    }

    /**
     * Checks what the officer entered for a call; the first broken rule is thrown with its form field.
     *
     * @throws InputRejectedException field names as in the form {@code membercall-edit-call}
     */
    public void check(CallDetails details) {
        Instant now = clock.instant();
        if (details.citizenSeats() < 1) {
            throw new InputRejectedException("citizenSeats", "Bitte mindestens einen Sitz für Bürgerinnen und "
                + "Bürger vorsehen.");
        }
        if (details.minimumAge() < 0 || details.minimumAge() > 120) {
            throw new InputRejectedException("minimumAge", "Bitte ein Mindestalter zwischen 0 und 120 angeben.");
        }
        if (!details.deadline().isAfter(now)) {
            throw new InputRejectedException("deadline", "Die Bewerbungsfrist muss in der Zukunft liegen.");
        }
        if (!details.termEndsAt().isAfter(details.deadline())) {
            throw new InputRejectedException("termEndsAt", "Die Amtszeit muss nach der Bewerbungsfrist enden.");
        }
        checkNominatedSeats(details.nominatedSeats());
        checkQuotas(details.quotas(), details.citizenSeats());
    }

    private static void checkNominatedSeats(String text) {
        for (String line : MemberCall.lines(text)) {
            int colon = line.lastIndexOf(':');
            boolean ok = colon > 0;
            if (ok) {
                try {
                    ok = Integer.parseInt(line.substring(colon + 1).trim()) > 0;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) {
                throw new InputRejectedException("nominatedSeats", "„" + line + "“: Bitte je Zeile „Gruppe: Zahl "
                    + "der Sitze“ eingeben, z. B. „Stadtratsfraktionen: 6“.");
            }
        }
    }

    /**
     * Quota lines well-formed and satisfiable within each category for {@code seats}.
     *
     * @throws InputRejectedException with field {@code quotas}
     */
    public static void checkQuotas(String text, int seats) {
        Map<String, int[]> sums = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String line : MemberCall.lines(text)) {
            String[] parts = line.split(";");
            String problem = null;
            if (parts.length != 4 || parts[0].isBlank() || parts[1].isBlank()) {
                problem = "Bitte je Zeile „Kategorie; Wert; Minimum; Maximum“ eingeben, z. B. „Geschlecht; "
                    + "weiblich; 3; 5“.";
            } else {
                try {
                    int min = Integer.parseInt(parts[2].trim());
                    int max = Integer.parseInt(parts[3].trim());
                    if (min < 0 || max < min) {
                        problem = "Minimum und Maximum müssen 0 ≤ Minimum ≤ Maximum erfüllen.";
                    } else if (!seen.add(parts[0].trim() + "\u0000" + parts[1].trim())) {
                        problem = "Dieser Wert steht zweimal in den Quoten.";
                    } else {
                        int[] sum = sums.computeIfAbsent(parts[0].trim(), c -> new int[2]);
                        sum[0] += min;
                        sum[1] += max;
                    }
                } catch (NumberFormatException e) {
                    problem = "Minimum und Maximum müssen ganze Zahlen sein.";
                }
            }
            if (problem != null) {
                throw new InputRejectedException("quotas", "„" + line + "“: " + problem);
            }
        }
        sums.forEach((category, sum) -> {
            if (sum[0] > seats) {
                throw new InputRejectedException("quotas", "Kategorie „" + category + "“: Die Minima ergeben "
                    + sum[0] + " Sitze, es gibt aber nur " + seats + ".");
            }
            if (sum[1] < seats) {
                throw new InputRejectedException("quotas", "Kategorie „" + category + "“: Die Maxima ergeben nur "
                    + sum[1] + " Sitze, es sind aber " + seats + " zu besetzen.");
            }
        });
    }

    /** What a citizen enters to apply; {@code features} holds one value per quota category. */
    public record Apply(String name, String email, Long citizenAccountId, Integer birthYear,
            boolean residenceConfirmed, Map<String, String> features, boolean consent) {
    }

    /**
     * Stores an application and issues its pseudonymous code. Applications that look like an earlier one (same
     * e-mail, or same name and year of birth) are flagged as duplicates for the eligibility check.
     *
     * @throws InputRejectedException field names as in the public form; nothing is stored then
     */
    @Transactional
    public MemberApplication apply(Long callId, Apply command) {
        MemberCall call = calls.findById(callId).orElseThrow(() -> new InputRejectedException("Diesen Aufruf gibt "
            + "es nicht."));
        Instant now = clock.instant();
        if (!call.isOpenForApplications(now)) {
            throw new InputRejectedException(call.getPublishedAt() == null ? "Für diesen Aufruf kann man sich noch "
                + "nicht bewerben." : "Die Bewerbungsfrist ist abgelaufen. Bewerbungen sind nicht mehr möglich.");
        }
        String name = command.name() == null ? "" : command.name().trim().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InputRejectedException("name", "Bitte geben Sie Ihren Namen an.");
        }
        if (name.length() > 200) {
            throw new InputRejectedException("name", "Der Name darf höchstens 200 Zeichen lang sein.");
        }
        String email = command.email() == null ? "" : command.email().trim();
        if (!EMAIL.matcher(email).matches() || email.length() > 320) {
            throw new InputRejectedException("email", "Bitte geben Sie eine gültige E-Mail-Adresse an.");
        }
        int deadlineYear = call.getDeadline().atZone(ZONE).getYear();
        if (command.birthYear() == null || command.birthYear() < deadlineYear - 120
                || command.birthYear() > deadlineYear) {
            throw new InputRejectedException("birthYear", "Bitte geben Sie Ihr Geburtsjahr vierstellig an.");
        }
        if (deadlineYear - command.birthYear() < call.getMinimumAge()) {
            throw new InputRejectedException("birthYear", "Bewerben kann sich, wer im Jahr " + deadlineYear
                + " mindestens " + call.getMinimumAge() + " Jahre alt wird.");
        }
        if (!command.residenceConfirmed()) {
            throw new InputRejectedException("residenceConfirmed", "Bewerben kann sich nur, wer in "
                + call.getResidence() + " wohnt. Bitte bestätigen Sie Ihren Wohnort.");
        }
        Map<String, String> features = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> category : call.categories().entrySet()) {
            String value = command.features() == null ? null : command.features().get(category.getKey());
            if (value == null || !category.getValue().contains(value)) {
                throw new InputRejectedException("feature-" + category.getKey(), "Bitte wählen Sie bei „"
                    + category.getKey() + "“ einen Wert aus der Liste.");
            }
            features.put(category.getKey(), value);
        }
        if (!command.consent()) {
            throw new InputRejectedException("consent", "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise "
                + "gelesen haben und in die Verarbeitung einwilligen.");
        }
        if (command.citizenAccountId() != null && applications.findFirstByCallIdAndCitizenAccountIdAndStatusNot(
                callId, command.citizenAccountId(), ApplicationStatus.WITHDRAWN).isPresent()) {
            throw new InputRejectedException("Sie haben sich auf diesen Aufruf bereits beworben.");
        }
        MemberApplication application = new MemberApplication(call, newCode(), name, email,
            command.citizenAccountId(), command.birthYear(), true, features, NOTICE_VERSION, now);
        for (MemberApplication earlier : applications.findByCallIdOrderBySubmittedAtAscIdAsc(callId)) {
            if (earlier.getStatus() != ApplicationStatus.WITHDRAWN && isSamePerson(earlier, application)) {
                application.flagDuplicateOf(earlier.getCode());
                break;
            }
        }
        return applications.save(application);
    }

    static boolean isSamePerson(MemberApplication a, MemberApplication b) {
        return a.getEmail().equalsIgnoreCase(b.getEmail())
            || a.getBirthYear() == b.getBirthYear() && comparableName(a.getName()).equals(comparableName(b.getName()));
    }

    private static String comparableName(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ").trim();
    }

    private String newCode() {
        while (true) {
            StringBuilder code = new StringBuilder("B-");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    code.append('-');
                }
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            if (!applications.existsByCode(code.toString())) {
                return code.toString();
            }
        }
    }

    private static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(ApplicationStatus.SUBMITTED,
        ApplicationStatus.ELIGIBLE, ApplicationStatus.DUPLICATE_FLAGGED);

    /**
     * The applicant withdraws before the result is confirmed. After the commitment this voids the lottery run:
     * the confirmation asks for a new run.
     */
    @Transactional
    public void withdraw(Long applicationId, Long citizenAccountId) {
        MemberApplication application = applications.findById(applicationId)
            .filter(a -> citizenAccountId.equals(a.getCitizenAccountId()))
            .orElseThrow(() -> new InputRejectedException("Diese Bewerbung gibt es nicht."));
        if (!WITHDRAWABLE.contains(application.getStatus())) {
            throw new InputRejectedException("Diese Bewerbung kann nicht mehr zurückgezogen werden. Bitte wenden "
                + "Sie sich an die Koordinationsstelle.");
        }
        application.changeStatus(ApplicationStatus.WITHDRAWN, clock.instant());
    }

    /**
     * Moves the deadline later; the change is logged on the call and shown publicly, and the process's timer
     * follows the new date.
     */
    @Transactional
    public void extendDeadline(Long callId, Instant newDeadline, String reason, String by) {
        MemberCall call = call(callId);
        if (reason == null || reason.isBlank()) {
            throw new InputRejectedException("reason", "Bitte geben Sie den Grund der Verlängerung an.");
        }
        if (!newDeadline.isAfter(call.getDeadline()) || !newDeadline.isAfter(clock.instant())) {
            throw new InputRejectedException("newDeadline", "Die neue Frist muss nach der bisherigen ("
                + MemberCallTexts.dateTime(call.getDeadline()) + ") und in der Zukunft liegen.");
        }
        Procedure procedure = procedure(call);
        String logLine = MemberCallTexts.dateTime(clock.instant()) + ": Frist verlängert von "
            + MemberCallTexts.dateTime(call.getDeadline()) + " bis " + MemberCallTexts.dateTime(newDeadline)
            + " – " + reason.trim();
        call.extendDeadline(newDeadline, logLine);
        try {
            runtimeService.createMessageCorrelation(MemberCallProcess.MESSAGE_DEADLINE_EXTENDED)
                .processInstanceBusinessKey(procedure.getBusinessKey())
                .setVariable(MemberCallProcess.VAR_APPLICATION_DEADLINE, Date.from(newDeadline))
                .correlate();
        } catch (MismatchingMessageCorrelationException notInApplicationPhase) {
            throw new InputRejectedException("newDeadline", "Die Frist kann nur verlängert werden, solange "
                + "Bewerbungen laufen.");
        }
    }

    /** A member left during the term: the process gives the seat to the next on the reserve list. */
    @Transactional
    public void memberLeft(Long callId, Long applicationId) {
        MemberCall call = call(callId);
        MemberApplication member = applications.findById(applicationId)
            .filter(a -> a.getCallId().equals(callId) && a.getStatus() == ApplicationStatus.SELECTED)
            .orElseThrow(() -> new InputRejectedException("Diese Person ist kein Mitglied dieses Gremiums."));
        try {
            runtimeService.createMessageCorrelation(MemberCallProcess.MESSAGE_MEMBER_LEFT)
                .processInstanceBusinessKey(procedure(call).getBusinessKey())
                .setVariable(MemberCallProcess.VAR_LEAVING_APPLICATION_ID, member.getId())
                .correlate();
        } catch (MismatchingMessageCorrelationException notDuringTerm) {
            throw new InputRejectedException("Nachrücken ist nur während der Amtszeit möglich.");
        }
    }

    public MemberCall call(Long callId) {
        return calls.findById(callId).orElseThrow(() -> new IllegalArgumentException("No member call " + callId));
    }

    /** Every call of these municipalities, newest first. */
    public List<MemberCall> callsOf(List<String> tenantIds) {
        return calls.findByTenantIdInOrderByIdDesc(tenantIds);
    }

    public Optional<MemberCall> callOfProcedure(Long procedureId) {
        return calls.findByProcedureId(procedureId);
    }

    public Procedure procedure(MemberCall call) {
        return procedureRows.findById(call.getProcedureId()).orElseThrow();
    }

    public List<MemberApplication> applications(Long callId) {
        return applications.findByCallIdOrderBySubmittedAtAscIdAsc(callId);
    }

    public List<Nomination> nominations(Long callId) {
        return nominations.findByCallIdOrderByIdAsc(callId);
    }

    public List<LotteryRun> runs(Long callId) {
        return runs.findByCallIdOrderByRunNumberAsc(callId);
    }

    public Optional<LotteryRun> latestRun(Long callId) {
        return runs.findFirstByCallIdOrderByRunNumberDesc(callId);
    }

    /**
     * The audit bundle of a drawn run: the frozen files, the draw re-derived from the stored ceremony input.
     * The same run always gives the same bytes.
     */
    public byte[] auditBundle(LotteryRun run) {
        if (!run.isDrawn()) {
            throw new IllegalStateException("Run " + run.getId() + " is not drawn yet");
        }
        LotteryTable table = run.table();
        return lottery.auditBundle(table, lottery.draw(table, run.getCeremonyInput()));
    }

    /** Quota lines of a call, for pages. */
    public static List<Quota> quotas(MemberCall call) {
        return new ArrayList<>(call.quotaList());
    }
}

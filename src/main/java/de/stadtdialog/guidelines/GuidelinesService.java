package de.stadtdialog.guidelines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.shared.InputRejectedException;

/** Starts the guidelines procedure and keeps what the composition itself records. */
@Service
public class GuidelinesService {

    private final GuidelinesProcedureRepository guidelines;
    private final ProcedureService procedures;
    private final Clock clock;

    public GuidelinesService(GuidelinesProcedureRepository guidelines, ProcedureService procedures, Clock clock) {
        this.guidelines = guidelines;
        this.procedures = procedures;
        this.clock = clock;
    }

    /**
     * What the start page asks. The periods are the procedure's parameters (ISO-8601); blank ones take the
     * defaults: sessions' notice period P4D, retention of applicants' and members' data P3M, evaluation after P2Y.
     */
    public record StartGuidelines(String tenantId, String title, String workingGroup, String sessionNoticePeriod,
            String applicantRetention, String memberRetention, String evaluationAfter) {

        public StartGuidelines(String tenantId, String title, String workingGroup) {
            this(tenantId, title, workingGroup, null, null, null, null);
        }
    }

    /** @return the new procedure, waiting for its council mandate to be recorded */
    @Transactional
    public Procedure start(StartGuidelines command) {
        String title = required(command.title(), "title", "Bitte geben Sie den Titel des Verfahrens an.", 200);
        String workingGroup = required(command.workingGroup(), "workingGroup",
            "Bitte geben Sie den Namen des Arbeitskreises an.", 200);
        String notice;
        try {
            notice = NoticePeriod.parse(blank(command.sessionNoticePeriod())
                ? GuidelinesProcess.DEFAULT_SESSION_NOTICE_PERIOD : command.sessionNoticePeriod().trim()).iso();
        } catch (InputRejectedException | IllegalArgumentException e) {
            throw new InputRejectedException("sessionNoticePeriod", "„" + command.sessionNoticePeriod()
                + "“ ist keine gültige Ladungsfrist (volle Tage, z. B. P4D).");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(GuidelinesProcess.VAR_SESSION_NOTICE_PERIOD, notice);
        variables.put(GuidelinesProcess.VAR_APPLICANT_RETENTION, period(command.applicantRetention(),
            GuidelinesProcess.DEFAULT_RETENTION, "applicantRetention"));
        variables.put(GuidelinesProcess.VAR_MEMBER_RETENTION, period(command.memberRetention(),
            GuidelinesProcess.DEFAULT_RETENTION, "memberRetention"));
        variables.put(GuidelinesProcess.VAR_EVALUATION_AFTER, period(command.evaluationAfter(),
            GuidelinesProcess.DEFAULT_EVALUATION_AFTER, "evaluationAfter"));
        Procedure procedure = procedures.create(command.tenantId(), title, GuidelinesProcess.TEMPLATE_KEY,
            GuidelinesProcess.PROCESS_ID);
        GuidelinesProcedure row = guidelines.save(new GuidelinesProcedure(command.tenantId(), procedure.getId(),
            title, workingGroup, clock.instant()));
        variables.put(GuidelinesProcess.VAR_GUIDELINES_ID, row.getId());
        return procedures.startProcess(procedure, variables);
    }

    public GuidelinesProcedure get(Long guidelinesId) {
        return guidelines.findById(guidelinesId).orElseThrow(
            () -> new IllegalStateException("No guidelines procedure " + guidelinesId));
    }

    public Optional<GuidelinesProcedure> ofProcedure(Long procedureId) {
        return procedureId == null ? Optional.empty() : guidelines.findByProcedureId(procedureId);
    }

    @Transactional
    public void recordMandate(Long guidelinesId, String reference, LocalDate date, String summary,
            String workingGroup) {
        if (date != null && date.isAfter(LocalDate.now(clock.withZone(NoticePeriod.ZONE)))) {
            throw new InputRejectedException("mandateDate", "Das Datum des Auftrags liegt in der Zukunft.");
        }
        get(guidelinesId).recordMandate(required(reference, "mandateReference",
            "Bitte geben Sie an, welcher Auftrag es ist.", 200), date, required(summary, "mandateSummary",
                "Bitte fassen Sie den Auftrag zusammen.", 4000), required(workingGroup, "workingGroup",
                    "Bitte geben Sie den Namen des Arbeitskreises an.", 200));
    }

    /** The officer's plan of the next session; its notice period is checked when the session is prepared. */
    @Transactional
    public void planSession(Long guidelinesId, Instant startsAt, String location, String recipients) {
        if (startsAt == null) {
            throw new InputRejectedException("startsAt", "Bitte geben Sie den Termin der nächsten Sitzung an.");
        }
        get(guidelinesId).planSession(startsAt, blank(location) ? null : location.trim(), recipients);
    }

    @Transactional
    public void decided(Long guidelinesId, String decision) {
        get(guidelinesId).decided(decision);
    }

    /** @return false if the adopted guidelines were published before (the step ran twice) */
    @Transactional
    public boolean publishAdopted(Long guidelinesId) {
        return get(guidelinesId).publishAdopted(clock.instant());
    }

    @Transactional
    public void recordRejectionFollowUp(Long guidelinesId, String followUp) {
        get(guidelinesId).recordRejectionFollowUp(required(followUp, "followUp",
            "Bitte beschreiben Sie das weitere Vorgehen.", 4000));
    }

    private static String period(String value, String fallback, String field) {
        if (blank(value)) {
            return fallback;
        }
        try {
            Period period = Period.parse(value.trim().toUpperCase(Locale.ROOT));
            if (period.isNegative() || period.isZero()) {
                throw new DateTimeParseException("not positive", value, 0);
            }
            return period.toString();
        } catch (DateTimeParseException e) {
            throw new InputRejectedException(field, "„" + value + "“ ist keine gültige Frist (z. B. P3M für drei "
                + "Monate oder P2Y für zwei Jahre).");
        }
    }

    private static String required(String value, String field, String message, int maxLength) {
        if (blank(value)) {
            throw new InputRejectedException(field, message);
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new InputRejectedException(field, "Höchstens " + maxLength + " Zeichen.");
        }
        return trimmed;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

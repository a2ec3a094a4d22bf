package de.stadtdialog.sessioncycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.shared.InputRejectedException;

/** Plans a public session and runs it through the session-cycle process. */
@Service
public class SessionCycleService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final PublicSessionRepository sessions;
    private final ProcedureService procedures;
    private final Clock clock;

    public SessionCycleService(PublicSessionRepository sessions, ProcedureService procedures, Clock clock) {
        this.sessions = sessions;
        this.procedures = procedures;
        this.clock = clock;
    }

    public record PlanSession(String tenantId, String body, String title, Instant startsAt, String location,
            String noticePeriod, String recipients) {
    }

    /** @return the new procedure */
    @Transactional
    public Procedure plan(PlanSession command) {
        NoticePeriod notice = NoticePeriod.parse(command.noticePeriod());
        Instant deadline = notice.invitationDeadline(command.startsAt());
        if (!deadline.isAfter(clock.instant())) {
            throw tooShortNotice(notice, deadline);
        }
        String recipients = normaliseRecipients(command.recipients());
        PublicSession session = sessions.save(new PublicSession(command.tenantId(), command.body().trim(),
            command.title().trim(), command.startsAt(), blankToNull(command.location()), notice.iso(), recipients));
        Procedure procedure = procedures.create(command.tenantId(), command.title().trim(),
            SessionCycleProcess.TEMPLATE_KEY, SessionCycleProcess.PROCESS_ID);
        session.linkProcedure(procedure.getId());
        return procedures.startProcess(procedure, variablesOf(session, notice));
    }

    /**
     * For a procedure that calls the session-cycle process as a call activity (a working group meeting in a
     * composed procedure): plans the session linked to that procedure — or finds the one planned before for the
     * same start, so a step repeated after a crash plans no second session — and returns the variables the call
     * activity passes in. The notice period is checked as on the planning page.
     */
    @Transactional
    public Map<String, Object> prepareFor(Long procedureId, PlanSession command) {
        NoticePeriod notice = NoticePeriod.parse(command.noticePeriod());
        PublicSession session = sessions.findByProcedureIdOrderByStartsAt(procedureId).stream()
            .filter(planned -> planned.getStartsAt().equals(command.startsAt())).findFirst().orElseGet(() -> {
                Instant deadline = notice.invitationDeadline(command.startsAt());
                if (!deadline.isAfter(clock.instant())) {
                    throw tooShortNotice(notice, deadline);
                }
                PublicSession planned = sessions.save(new PublicSession(command.tenantId(), command.body().trim(),
                    command.title().trim(), command.startsAt(), blankToNull(command.location()), notice.iso(),
                    normaliseRecipients(command.recipients())));
                planned.linkProcedure(procedureId);
                return planned;
            });
        return variablesOf(session, NoticePeriod.parse(session.getNoticePeriod()));
    }

    private static Map<String, Object> variablesOf(PublicSession session, NoticePeriod notice) {
        return Map.of(
            SessionCycleProcess.VAR_SESSION_ID, session.getId(),
            SessionCycleProcess.VAR_NOTICE_PERIOD, notice.iso(),
            SessionCycleProcess.VAR_INVITATION_DEADLINE, Date.from(notice.invitationDeadline(session.getStartsAt())),
            SessionCycleProcess.VAR_SESSION_STARTS_AT, Date.from(session.getStartsAt()),
            SessionCycleProcess.VAR_MINUTES_DUE, Date.from(NoticePeriod.minutesDue(session.getStartsAt())));
    }

    private static InputRejectedException tooShortNotice(NoticePeriod notice, Instant deadline) {
        return new InputRejectedException("startsAt", "Zu kurzfristig: Bei " + notice.fullDays()
            + " vollen Tagen Ladungsfrist hätte die Einladung bis " + NoticePeriod.format(deadline.minusSeconds(60))
            + " verschickt werden müssen.");
    }

    /**
     * A session whose cycle began before this system was used (on paper, or in demo data): its known facts are
     * stored and the process resumes before {@code resumeBefore}, one of the process's user or service tasks.
     */
    public record ImportSession(PlanSession plan, String format, String agenda, Instant invitationSentAt,
            Integer attendeeCount, String attendance, String minutes, String minutesAuthor, String resumeBefore) {
    }

    @Transactional
    public Procedure importRunning(ImportSession command) {
        PlanSession plan = command.plan();
        NoticePeriod notice = NoticePeriod.parse(plan.noticePeriod());
        PublicSession session = sessions.save(new PublicSession(plan.tenantId(), plan.body().trim(),
            plan.title().trim(), plan.startsAt(), blankToNull(plan.location()), notice.iso(),
            normaliseRecipients(plan.recipients())));
        if (command.agenda() != null) {
            session.recordAgenda(command.format(), plan.location(), command.agenda());
        }
        if (command.invitationSentAt() != null) {
            session.markInvitationSent(command.invitationSentAt());
        }
        if (command.minutes() != null) {
            session.recordMinutes(command.attendeeCount(), true, command.attendance(), command.minutes(),
                command.minutesAuthor());
        }
        Procedure procedure = procedures.create(plan.tenantId(), plan.title().trim(),
            SessionCycleProcess.TEMPLATE_KEY, SessionCycleProcess.PROCESS_ID);
        session.linkProcedure(procedure.getId());
        return procedures.startProcessAt(procedure, Map.of(
            SessionCycleProcess.VAR_SESSION_ID, session.getId(),
            SessionCycleProcess.VAR_NOTICE_PERIOD, notice.iso(),
            SessionCycleProcess.VAR_INVITATION_DEADLINE, Date.from(notice.invitationDeadline(plan.startsAt())),
            SessionCycleProcess.VAR_SESSION_STARTS_AT, Date.from(plan.startsAt()),
            SessionCycleProcess.VAR_MINUTES_DUE, Date.from(NoticePeriod.minutesDue(plan.startsAt()))),
            command.resumeBefore());
    }

    /** One address per line; commas and semicolons also separate. Every address must look like one. */
    static String normaliseRecipients(String raw) {
        List<String> addresses = Arrays.stream((raw == null ? "" : raw).split("[\\s,;]+"))
            .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> invalid = addresses.stream().filter(a -> !EMAIL.matcher(a).matches()).toList();
        if (!invalid.isEmpty()) {
            throw new InputRejectedException("recipients", "Keine gültige E-Mail-Adresse: " + String.join(", ", invalid));
        }
        return addresses.stream().collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

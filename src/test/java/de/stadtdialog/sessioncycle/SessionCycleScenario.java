package de.stadtdialog.sessioncycle;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import de.stadtdialog.ProcedureScenario;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/**
 * Drives one session through the session-cycle process the way staff and the job executor would, for the
 * process and read-model tests. Every scenario has its own recipients, so tests sharing the database and the
 * mail gateway can tell their mails apart. Not a bean: tests build it from the shared context.
 */
public final class SessionCycleScenario extends ProcedureScenario {

    public static final String TENANT = "kaiserslautern";
    public static final String BODY = "Arbeitskreis Leitlinien für Bürgerbeteiligung";

    private final SessionCycleService sessionCycle;
    private final PublicSessionRepository sessions;
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    public SessionCycleScenario(ApplicationContext context) {
        super(context);
        this.sessionCycle = context.getBean(SessionCycleService.class);
        this.sessions = context.getBean(PublicSessionRepository.class);
    }

    /** A wall-clock time in Europe/Berlin, e.g. {@code berlin("2027-02-17T18:00")}. */
    public static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NoticePeriod.ZONE).toInstant();
    }

    public List<String> recipients() {
        return List.of("mitglied1-" + token + "@example.org", "mitglied2-" + token + "@example.org",
            "beirat-" + token + "@example.org");
    }

    public String title() {
        return "Arbeitskreis Leitlinien – Testsitzung " + token;
    }

    public Procedure plan(Instant startsAt, String noticePeriod) {
        return sessionCycle.plan(new PlanSession(TENANT, BODY, title(), startsAt, "Rathaus, Großer Ratssaal",
            noticePeriod, String.join("\n", recipients())));
    }

    public PublicSession session(Procedure procedure) {
        return sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0);
    }

    public static Map<String, Object> agenda() {
        return Map.of("sessionFormat", "hybrid", "location", "Rathaus, Sitzungssaal 2",
            "agenda", "TOP 1: Begrüßung\nTOP 2: Entwurf Kapitel 4\nTOP 3: Verschiedenes");
    }

    public static Map<String, Object> minutes(String text) {
        return Map.of("attendeeCount", 11, "quorate", true,
            "attendance", "Frau Schneider (Verwaltung), Herr Weber (Koordinationsstelle), 9 Mitglieder",
            "minutes", text);
    }

    public static Map<String, Object> decision(String decision, String comment) {
        return comment == null ? Map.of(SessionCycleProcess.VAR_MINUTES_DECISION, decision)
            : Map.of(SessionCycleProcess.VAR_MINUTES_DECISION, decision, "reviewComment", comment);
    }

    /** Agenda drafted by the officer and the invitation job run: the process waits for the session to begin. */
    public void inviteTo(Procedure procedure) {
        submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", agenda());
        executeJob(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
    }

    /** Invited, the session held (timer fired) and the minutes recorded by the officer: waiting for approval. */
    public void recordMinutesOf(Procedure procedure) {
        inviteTo(procedure);
        executeJob(procedure, SessionCycleProcess.TIMER_SESSION_BEGINS);
        submit(procedure, SessionCycleProcess.TASK_RECORD_SESSION, "officer",
            minutes("TOP 1: Begrüßung durch Frau Schneider.\nTOP 2: Kapitel 4 wird mit Änderungen angenommen."));
    }
}

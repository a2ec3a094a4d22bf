package de.stadtdialog.membercall;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import de.stadtdialog.ProcedureScenario;
import de.stadtdialog.membercall.MemberCallService.Apply;
import de.stadtdialog.membercall.MemberCallService.CreateCall;
import de.stadtdialog.procedure.Procedure;

/**
 * Drives one call for members through its process the way staff, citizens and the job executor would. Every
 * scenario has its own token in titles, names and e-mail addresses, so tests sharing the database and the mail
 * gateway can tell their data apart. Not a bean: tests build it from the shared context.
 */
public final class MemberCallScenario extends ProcedureScenario {

    public static final String TENANT = "kaiserslautern";

    private final MemberCallService service;
    private final MemberCallRepository calls;
    private final MemberApplicationRepository applications;
    public final String token = UUID.randomUUID().toString().substring(0, 8);

    public MemberCallScenario(ApplicationContext context) {
        super(context);
        this.service = context.getBean(MemberCallService.class);
        this.calls = context.getBean(MemberCallRepository.class);
        this.applications = context.getBean(MemberApplicationRepository.class);
    }

    /** A wall-clock time in Europe/Berlin, e.g. {@code berlin("2027-03-31T18:00")}. */
    public static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MemberCallService.ZONE).toInstant();
    }

    public String title() {
        return "Aufruf Arbeitskreis Leitlinien " + token;
    }

    public Procedure create() {
        return service.create(new CreateCall(TENANT, title(), "Arbeitskreis Leitlinien " + token, "officer"));
    }

    /** What the officer enters in "Aufruf bearbeiten"; deadline and term end as the form sends them. */
    public Map<String, Object> details(int citizenSeats, String quotas, String deadline, String termEndsAt) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", title());
        values.put("workingGroup", "Arbeitskreis Leitlinien " + token);
        values.put("citizenSeats", citizenSeats);
        values.put("nominatedSeats", "Stadtratsfraktionen: 2\nVerwaltung: 1");
        values.put("residence", "Kaiserslautern");
        values.put("minimumAge", 14);
        values.put("term", "2 Jahre");
        values.put("termEndsAt", termEndsAt);
        values.put("meetingFrequency", "etwa alle 6 Wochen, abends");
        values.put("deadline", deadline);
        values.put("quotas", quotas);
        values.put("plainSummary", "Die Stadt sucht Menschen, die mitreden. Sie können sich bewerben.");
        return values;
    }

    /** Described by the officer, approved by coordination, the publication job run: applications are open. */
    public Procedure publish(int citizenSeats, String quotas, String deadline, String termEndsAt) {
        Procedure procedure = create();
        submit(procedure, MemberCallProcess.TASK_EDIT_CALL, "officer",
            details(citizenSeats, quotas, deadline, termEndsAt));
        submit(procedure, MemberCallProcess.TASK_APPROVE_CALL, "coordination",
            Map.of(MemberCallProcess.VAR_APPROVAL_DECISION, MemberCallProcess.DECISION_APPROVE));
        executeJob(procedure, MemberCallProcess.TASK_PUBLISH_CALL);
        return procedure;
    }

    public String email(String who) {
        return who + "-" + token + "@example.org";
    }

    public MemberApplication apply(Procedure procedure, String who, int birthYear, Map<String, String> features) {
        return service.apply(call(procedure).getId(), new Apply(who + " " + token, email(who), null, birthYear,
            true, features, true));
    }

    public List<MemberApplication> applyMany(Procedure procedure, String prefix, int count,
            Map<String, String> features) {
        List<MemberApplication> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(apply(procedure, prefix + i, 1980 + i, features));
        }
        return list;
    }

    public MemberCall call(Procedure procedure) {
        return calls.findByProcedureId(procedure.getId()).orElseThrow();
    }

    public MemberApplication application(Long id) {
        return applications.findById(id).orElseThrow();
    }

    public List<MemberApplication> applications(Procedure procedure) {
        return applications.findByCallIdOrderBySubmittedAtAscIdAsc(call(procedure).getId());
    }

    /** Deadline passed, nobody rejected, nominations entered: the pool is fixed. */
    public void closeAndCheck(Procedure procedure, String rejections) {
        executeJob(procedure, MemberCallProcess.TIMER_APPLICATION_DEADLINE);
        Map<String, Object> values = new HashMap<>();
        values.put("rejections", rejections);
        submit(procedure, MemberCallProcess.TASK_CHECK_ELIGIBILITY, "officer", values);
        submit(procedure, MemberCallProcess.TASK_RECORD_NOMINATIONS, "officer",
            Map.of("nominations", "Stadtratsfraktionen: Frau Klein\nStadtratsfraktionen: Herr Groß\n"
                + "Verwaltung: Frau Weber"));
    }

    /** Table computed and committed, ceremony input entered by the officer, the draw done. */
    public void drawLottery(Procedure procedure, String ceremonyInput) {
        executeJob(procedure, MemberCallProcess.TASK_COMPUTE_LOTTERY);
        executeJob(procedure, MemberCallProcess.TASK_PUBLISH_COMMITMENT);
        submit(procedure, MemberCallProcess.TASK_ENTER_CEREMONY_INPUT, "officer",
            Map.of("ceremonyInput", ceremonyInput));
    }
}

package de.stadtdialog.council;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.shared.InputRejectedException;

/** Starts council-decision procedures and answers what the pages and the OParl view ask about motions. */
@Service
public class CouncilService {

    private final MotionRepository motions;
    private final ConsultationRepository consultations;
    private final AgendaItemRepository agendaItems;
    private final MeetingRepository meetings;
    private final CouncilBodyRepository bodies;
    private final ProcedureService procedureService;
    private final ProcedureRepository procedures;
    private final Clock clock;

    public CouncilService(MotionRepository motions, ConsultationRepository consultations,
            AgendaItemRepository agendaItems, MeetingRepository meetings, CouncilBodyRepository bodies,
            ProcedureService procedureService, ProcedureRepository procedures, Clock clock) {
        this.motions = motions;
        this.consultations = consultations;
        this.agendaItems = agendaItems;
        this.meetings = meetings;
        this.bodies = bodies;
        this.procedureService = procedureService;
        this.procedures = procedures;
        this.clock = clock;
    }

    /**
     * A council decision on its own (the participation ran on paper or elsewhere): {@code participationProcedureKey}
     * optionally names the participation procedure of this system the motion reports on (its business key).
     */
    public record StartCouncilDecision(String tenantId, String subject, String participationProcedureKey,
            String participationFormat, String resultsReportUrl, String noticePeriod, String evaluationAfter) {
    }

    @Transactional
    public Procedure start(StartCouncilDecision command) {
        if (command.subject() == null || command.subject().isBlank()) {
            throw new InputRejectedException("subject", "Bitte geben Sie den Betreff der Vorlage an.");
        }
        CouncilDates.noticeDays(command.noticePeriod());
        String evaluationAfter = evaluationAfter(command.evaluationAfter());
        String reportUrl = reportUrl(command.resultsReportUrl());
        Long participationProcedureId = null;
        if (command.participationProcedureKey() != null && !command.participationProcedureKey().isBlank()) {
            Procedure related = procedures.findByBusinessKeyAndTenantIdIn(command.participationProcedureKey().trim(),
                List.of(command.tenantId())).orElseThrow(() -> new InputRejectedException("participationProcedureKey",
                    "Kein Verfahren mit dem Aktenzeichen „" + command.participationProcedureKey().trim()
                        + "“ in dieser Stadt."));
            participationProcedureId = related.getId();
        }
        Procedure procedure = procedureService.create(command.tenantId(),
            "Ratsentscheidung: " + command.subject().trim(),
            CouncilDecisionProcess.TEMPLATE_KEY, CouncilDecisionProcess.PROCESS_ID);
        Motion motion = newMotion(command.tenantId(), procedure.getId(), participationProcedureId,
            command.subject().trim());
        motion.participationReport(blankToNull(command.participationFormat()), reportUrl);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CouncilDecisionProcess.VAR_MOTION_ID, motion.getId());
        variables.put(CouncilDecisionProcess.VAR_NOTICE_PERIOD,
            blankToNull(command.noticePeriod()) == null ? CouncilDecisionProcess.DEFAULT_NOTICE_PERIOD
                : command.noticePeriod().trim());
        variables.put(CouncilDecisionProcess.VAR_EVALUATION_AFTER, evaluationAfter);
        return procedureService.startProcess(procedure, variables);
    }

    /** Creates the motion row with its reference "BV/2027/0042" (year of creation, running number = row id). */
    @Transactional
    public Motion newMotion(String tenantId, Long procedureId, Long participationProcedureId, String subject) {
        Instant now = clock.instant();
        Motion motion = motions.saveAndFlush(new Motion(tenantId, procedureId, participationProcedureId, subject, now));
        motion.assignReference(String.format("BV/%d/%04d", now.atZone(CouncilDates.ZONE).getYear(), motion.getId()));
        return motion;
    }

    @Transactional
    public CouncilBody body(String tenantId, String name) {
        return bodies.findByTenantIdAndName(tenantId, name.trim())
            .orElseGet(() -> bodies.saveAndFlush(new CouncilBody(tenantId, name.trim(), clock.instant())));
    }

    @Transactional(readOnly = true)
    public Optional<Motion> motionOf(Procedure procedure) {
        return procedure.getId() == null ? Optional.empty()
            : motions.findFirstByProcedureIdOrderByIdDesc(procedure.getId());
    }

    /**
     * The motion the public sees for a procedure: its own, or the one started apart from it that reports on it.
     * Only once it is on a meeting's agenda (drafts and the internal approval are not public).
     */
    @Transactional(readOnly = true)
    public Optional<Motion> publicMotionFor(Procedure procedure) {
        if (procedure.getId() == null) {
            return Optional.empty();
        }
        return motions.findFirstByProcedureIdOrderByIdDesc(procedure.getId())
            .or(() -> motions.findByParticipationProcedureIdOrderByIdDesc(procedure.getId()).stream().findFirst())
            .filter(this::isPublic);
    }

    /**
     * Whether the council's feedback step mails the participants of this procedure: a motion reporting on it has
     * its decision published. A participation module then leaves out its own feedback mail after
     * {@value CouncilDecisionProcess#MESSAGE_DECISION_TAKEN}, so each person hears once, from the council, with all
     * their contributions.
     */
    @Transactional(readOnly = true)
    public boolean givesFeedbackOn(Long participationProcedureId) {
        return participationProcedureId != null && motions.findByParticipationProcedureIdOrderByIdDesc(
            participationProcedureId).stream().anyMatch(Motion::isDecisionPublished);
    }

    /**
     * The latest published decision on a participation procedure, for the participants' feedback page; empty
     * while the council has not decided.
     */
    @Transactional(readOnly = true)
    public Optional<Motion> publishedDecisionOn(Long participationProcedureId) {
        return participationProcedureId == null ? Optional.empty()
            : motions.findByParticipationProcedureIdOrderByIdDesc(participationProcedureId).stream()
                .filter(Motion::isDecisionPublished).findFirst();
    }

    /** "Der Stadtrat hat am 15.04.2027 über die Vorlage BV/2027/0042 entschieden: mit Änderungen beschlossen." */
    @Transactional(readOnly = true)
    public String decisionSummary(Motion motion) {
        String body = bodyName(motion.getDecidingBodyId());
        return "Der " + (body.isBlank() ? "Rat" : body) + " hat am " + CouncilDates.date(motion.getDecidedAt())
            + " über die Vorlage " + motion.getReference() + " entschieden: " + motion.getDecision().label() + ".";
    }

    /** On a meeting's agenda at least once. */
    @Transactional(readOnly = true)
    public boolean isPublic(Motion motion) {
        return consultations.findByMotionIdOrderByRoundAscPositionAsc(motion.getId()).stream()
            .anyMatch(c -> c.getAgendaItemId() != null);
    }

    /** Every consultation of every revision, in order, with the meeting of its latest scheduling. */
    @Transactional(readOnly = true)
    public List<Consultation> allConsultations(Motion motion) {
        return consultations.findByMotionIdOrderByRoundAscPositionAsc(motion.getId());
    }

    /** The consultations of the motion's current revision, in order. */
    @Transactional(readOnly = true)
    public List<Consultation> currentConsultations(Motion motion) {
        return consultations.findByMotionIdAndRoundOrderByPositionAsc(motion.getId(), motion.getRevision());
    }

    /** The next consultation still to be held in the current revision. */
    @Transactional(readOnly = true)
    public Optional<Consultation> nextConsultation(Motion motion) {
        return currentConsultations(motion).stream().filter(Consultation::isOpen).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Meeting> meetingOf(Consultation consultation) {
        return Optional.ofNullable(consultation.getAgendaItemId()).flatMap(agendaItems::findById)
            .flatMap(item -> meetings.findById(item.getMeetingId()));
    }

    @Transactional(readOnly = true)
    public String bodyName(Long bodyId) {
        return bodyId == null ? "" : bodies.findById(bodyId).map(CouncilBody::getName).orElse("");
    }

    /** Meetings from {@code from} on with the motions on their agendas, for the secretariat's calendar. */
    @Transactional(readOnly = true)
    public List<CalendarEntry> calendar(String tenantId, Instant from) {
        return meetings.findByTenantIdAndStartsAtGreaterThanEqualOrderByStartsAtAsc(tenantId, from).stream()
            .map(meeting -> new CalendarEntry(meeting, bodyName(meeting.getBodyId()),
                agendaItems.findByMeetingIdOrderByNumberAsc(meeting.getId()).stream()
                    .map(item -> agendaEntry(item)).flatMap(Optional::stream)
                    .sorted(Comparator.comparingInt(e -> e.item().getNumber())).toList()))
            .toList();
    }

    private Optional<AgendaEntry> agendaEntry(AgendaItem item) {
        return consultations.findById(item.getConsultationId()).flatMap(consultation ->
            motions.findById(consultation.getMotionId()).map(motion -> new AgendaEntry(item, consultation, motion)));
    }

    public record CalendarEntry(Meeting meeting, String bodyName, List<AgendaEntry> items) {
    }

    public record AgendaEntry(AgendaItem item, Consultation consultation, Motion motion) {
    }

    static String evaluationAfter(String value) {
        String iso = blankToNull(value) == null ? CouncilDecisionProcess.DEFAULT_EVALUATION_AFTER : value.trim();
        try {
            Period period = Period.parse(iso);
            if (period.isNegative() || period.isZero()) {
                throw new DateTimeParseException("not positive", iso, 0);
            }
            return iso;
        } catch (DateTimeParseException e) {
            throw new InputRejectedException("evaluationAfter",
                "„" + iso + "“ ist keine Frist im ISO-8601-Format (z. B. P2Y für zwei Jahre).");
        }
    }

    /** A results report link: absolute http(s) or a page of this system; blank is none. */
    public static String reportUrl(String value) {
        String url = blankToNull(value);
        if (url != null && !url.matches("(?i)https?://\\S+|/\\S*")) {
            throw new InputRejectedException("resultsReportUrl",
                "Bitte geben Sie eine Adresse an, die mit https:// (oder / für eine Seite dieses Systems) beginnt.");
        }
        return url;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package de.stadtdialog.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.council.AgendaItem;
import de.stadtdialog.council.AgendaItemRepository;
import de.stadtdialog.council.Consultation;
import de.stadtdialog.council.ConsultationRepository;
import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.ConsultationRole;
import de.stadtdialog.council.CouncilBody;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.Meeting;
import de.stadtdialog.council.MeetingRepository;
import de.stadtdialog.council.Motion;
import de.stadtdialog.council.MotionRepository;
import de.stadtdialog.council.MotionStatus;
import de.stadtdialog.council.OpenParticipationFormats;
import de.stadtdialog.council.ParticipantFeedback;
import de.stadtdialog.council.ParticipantFeedback.FeedbackRecipient;
import de.stadtdialog.notification.MailService;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.shared.InputRejectedException;

/**
 * What each step of the council-decision process does to the motion, its consultations and the outside world.
 * The publication and feedback steps may run twice (a retried job) and then do nothing new.
 */
@Component
@Transactional
class CouncilSteps {

    private final MotionRepository motions;
    private final ConsultationRepository consultations;
    private final AgendaItemRepository agendaItems;
    private final MeetingRepository meetings;
    private final CouncilService council;
    private final ProcedureRepository procedures;
    private final List<OpenParticipationFormats> openFormats;
    private final List<ParticipantFeedback> feedbackSources;
    private final MailService mail;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final String publicBaseUrl;

    CouncilSteps(MotionRepository motions, ConsultationRepository consultations, AgendaItemRepository agendaItems,
            MeetingRepository meetings, CouncilService council, ProcedureRepository procedures,
            List<OpenParticipationFormats> openFormats, List<ParticipantFeedback> feedbackSources, MailService mail,
            RuntimeService runtimeService, Clock clock,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.motions = motions;
        this.consultations = consultations;
        this.agendaItems = agendaItems;
        this.meetings = meetings;
        this.council = council;
        this.procedures = procedures;
        this.openFormats = openFormats;
        this.feedbackSources = feedbackSources;
        this.mail = mail;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    Motion motion(Long id) {
        return motions.findById(id).orElseThrow(() -> new IllegalStateException("No council motion " + id));
    }

    /** A called process brings only the procedure: its motion is created here, with the caller's report link. */
    Motion motionForCall(String tenantId, Long procedureId, String participationFormat, String reportUrl) {
        String title = procedures.findById(procedureId).map(p -> p.getTitle()).orElse("Beschlussvorlage");
        Motion motion = council.newMotion(tenantId, procedureId, procedureId, title);
        motion.participationReport(participationFormat, reportUrl);
        return motion;
    }

    void draft(Motion motion, String subject, String facts, String results, String reportUrl, String resolution,
            boolean deviates, String reasons, String by) {
        motion.draft(subject, facts, results, reportUrl, resolution, deviates, reasons, by, clock.instant());
    }

    void review(Motion motion, boolean approved, String reviewer, String comment) {
        motion.review(approved, reviewer, comment, clock.instant());
    }

    /** The bodies in order; blank ones are left out, the deciding body is required. */
    void setSequence(Motion motion, String hearingBody, String preliminaryBody, String decisionBody) {
        Instant now = clock.instant();
        consultations.deleteAll(consultations.findByMotionIdAndRoundOrderByPositionAsc(motion.getId(),
            motion.getRevision()).stream().filter(c -> c.getAgendaItemId() == null).toList());
        Map<ConsultationRole, String> sequence = new LinkedHashMap<>();
        if (hearingBody != null) {
            sequence.put(ConsultationRole.HEARING, hearingBody);
        }
        if (preliminaryBody != null) {
            sequence.put(ConsultationRole.PRELIMINARY, preliminaryBody);
        }
        sequence.put(ConsultationRole.DECISION, decisionBody);
        int position = 1;
        for (Map.Entry<ConsultationRole, String> step : sequence.entrySet()) {
            CouncilBody body = council.body(motion.getTenantId(), step.getValue());
            consultations.save(new Consultation(motion.getTenantId(), motion.getId(), motion.getRevision(),
                position++, body.getId(), step.getKey(), now));
        }
    }

    Consultation nextConsultation(Motion motion) {
        return council.nextConsultation(motion)
            .orElseThrow(() -> new IllegalStateException("No open consultation for motion " + motion.getId()));
    }

    /**
     * Schedules the next consultation in the body's meeting at {@code startsAt} (created if the body has none
     * then) and records the invitation as sent now, which must leave the full notice period.
     */
    Meeting schedule(Motion motion, Instant startsAt, String location, String noticePeriod) {
        Instant now = clock.instant();
        int days = CouncilDates.noticeDays(noticePeriod);
        Instant deadline = CouncilDates.invitationDeadline(startsAt, days);
        if (!now.isBefore(deadline)) {
            throw new InputRejectedException("meetingStart", "Zu kurzfristig: Die Einladung muss mindestens " + days
                + " volle Tage vor der Sitzung verschickt werden, für eine Sitzung am "
                + CouncilDates.dateTime(startsAt) + " also spätestens am "
                + CouncilDates.date(deadline.minusSeconds(1)) + ". Bitte wählen Sie einen späteren Termin.");
        }
        Consultation consultation = nextConsultation(motion);
        if (consultation.isAuthoritative()) {
            List<String> open = openFormats.stream()
                .flatMap(source -> source.openFormatsOf(motion.getParticipationProcedureId()).stream()).toList();
            if (!open.isEmpty()) {
                throw new InputRejectedException("meetingStart", "Die beschließende Beratung kann noch nicht "
                    + "terminiert werden, solange die Beteiligung läuft: " + String.join("; ", open)
                    + ". Erst nach ihrem Abschluss darf der Rat entscheiden.");
            }
        }
        Meeting meeting = meetings.findFirstByTenantIdAndBodyIdAndStartsAt(motion.getTenantId(),
            consultation.getBodyId(), startsAt).orElseGet(() -> meetings.save(new Meeting(motion.getTenantId(),
                consultation.getBodyId(), startsAt, location, now)));
        meeting.locatedAt(location, now);
        meeting.invitationSent(now);
        AgendaItem item = agendaItems.saveAndFlush(new AgendaItem(motion.getTenantId(), meeting.getId(),
            consultation.getId(), (int) agendaItems.countByMeetingId(meeting.getId()) + 1, now));
        consultation.scheduled(item.getId(), now);
        motion.moveTo(MotionStatus.SCHEDULED, now);
        return meeting;
    }

    /** Records the body's result and answers where the process goes next (one of the OUTCOME_ flags). */
    String recordResult(Motion motion, ConsultationResult result, String changes, String note, String by) {
        Instant now = clock.instant();
        Consultation consultation = nextConsultation(motion);
        AgendaItem item = agendaItems.findById(consultation.getAgendaItemId())
            .orElseThrow(() -> new IllegalStateException("Consultation " + consultation.getId() + " not scheduled"));
        String resolution = switch (result) {
            case ADOPTED -> note != null ? note : motion.getProposedResolution();
            case ADOPTED_WITH_CHANGES -> (motion.getProposedResolution() == null ? ""
                : motion.getProposedResolution() + "\n\n") + "Änderungen: " + changes
                + (note == null ? "" : "\n\n" + note);
            default -> note;
        };
        item.record(result, result == ConsultationResult.ADOPTED_WITH_CHANGES ? changes : null, resolution, by, now);
        consultation.resulted(result, now);
        switch (result) {
            case DEFERRED -> {
                motion.moveTo(MotionStatus.SUBMITTED, now);
                return CouncilDecisionProcess.OUTCOME_DEFERRED;
            }
            case REFERRED_BACK -> {
                motion.referBack(note, now);
                return CouncilDecisionProcess.OUTCOME_REFERRED_BACK;
            }
            default -> {
                if (consultation.isAuthoritative()) {
                    Instant meetingDate = meetings.findById(item.getMeetingId()).map(Meeting::getStartsAt).orElse(now);
                    motion.decide(result, resolution, consultation.getBodyId(), meetingDate, now);
                    return CouncilDecisionProcess.OUTCOME_DECIDED;
                }
                motion.moveTo(MotionStatus.DELIBERATED, now);
                return CouncilDecisionProcess.OUTCOME_NEXT;
            }
        }
    }

    /**
     * Publishes the decision on the procedure's public page and tells every process of the participation procedure
     * that waits for it (message {@value CouncilDecisionProcess#MESSAGE_DECISION_TAKEN}, by its business key): a
     * participation procedure this motion was started apart from, or — when this process is a call activity of a
     * composed procedure — the templates called by the same procedure, such as a commenting phase waiting to send
     * its feedback.
     */
    void publishDecision(Long motionId) {
        Motion motion = motion(motionId);
        if (!motion.publishDecision(clock.instant())) {
            return;
        }
        procedures.findById(motion.getParticipationProcedureId()).ifPresent(related -> runtimeService
            .createMessageCorrelation(CouncilDecisionProcess.MESSAGE_DECISION_TAKEN)
            .processInstanceBusinessKey(related.getBusinessKey())
            .setVariable(CouncilDecisionProcess.VAR_COUNCIL_DECISION, motion.getDecision().name())
            .correlateAllWithResult());
    }

    /** One mail per address with the decision and every contribution of that person. @return recipients */
    int sendFeedback(Long motionId) {
        Motion motion = motion(motionId);
        Map<String, List<FeedbackRecipient>> byAddress = new LinkedHashMap<>();
        for (ParticipantFeedback source : feedbackSources) {
            for (FeedbackRecipient recipient : source.participantsOf(motion.getParticipationProcedureId())) {
                if (recipient.mailAddress() != null && !recipient.mailAddress().isBlank()) {
                    byAddress.computeIfAbsent(recipient.mailAddress().trim().toLowerCase(), k -> new ArrayList<>())
                        .add(recipient);
                }
            }
        }
        String decisionPage = publicBaseUrl + CouncilPaths.publicDecision(motion);
        for (Map.Entry<String, List<FeedbackRecipient>> entry : byAddress.entrySet()) {
            mail.send(new OutgoingMail(motion.getTenantId(), "council-motion-" + motion.getId() + "-feedback-"
                + entry.getKey(), entry.getKey(), "Rückmeldung: Beschluss zu „" + motion.getSubject() + "“",
                CouncilTexts.feedbackMail(motion, council.bodyName(motion.getDecidingBodyId()), entry.getValue(),
                    decisionPage)));
        }
        motion.feedbackSent(byAddress.size(), clock.instant());
        return byAddress.size();
    }

    void evaluate(Motion motion, String note) {
        motion.evaluated(note, clock.instant());
    }
}

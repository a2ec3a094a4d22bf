package de.stadtdialog.membercall.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.ParticipationHistory;
import de.stadtdialog.council.OpenParticipationFormats;
import de.stadtdialog.council.ParticipantFeedback;
import de.stadtdialog.membercall.ApplicationStatus;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberApplicationRepository;
import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallRepository;
import de.stadtdialog.shared.MunicipalTime;

/**
 * Applicants for the council's feedback (per procedure) and the applicant's feedback page (per citizen), and the
 * guard's answer: a call is an open format until its application deadline. Only applications still linked to an
 * account count; an unlinked (account deleted) or deleted application (retention over) has nobody to tell.
 * Withdrawn applications get no mail: the person stepped back.
 */
@Component
@Transactional(readOnly = true)
class MemberCallFeedback implements ParticipantFeedback, ParticipationHistory, OpenParticipationFormats {

    private final MemberCallRepository calls;
    private final MemberApplicationRepository applications;
    private final CitizenDirectory citizens;
    private final Clock clock;
    private final String publicBaseUrl;

    MemberCallFeedback(MemberCallRepository calls, MemberApplicationRepository applications,
            CitizenDirectory citizens, Clock clock,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.calls = calls;
        this.applications = applications;
        this.citizens = citizens;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public List<FeedbackRecipient> participantsOf(Long participationProcedureId) {
        Optional<MemberCall> call = callOf(participationProcedureId);
        if (call.isEmpty()) {
            return List.of();
        }
        List<FeedbackRecipient> recipients = new ArrayList<>();
        for (MemberApplication application : applications.findByCallIdOrderBySubmittedAtAscIdAsc(call.get().getId())) {
            if (application.getCitizenAccountId() == null || application.getStatus() == ApplicationStatus.WITHDRAWN) {
                continue;
            }
            String address = citizens.mailAddress(application.getCitizenAccountId()).orElse(application.getEmail());
            recipients.add(new FeedbackRecipient(address, application.getName(), contribution(call.get(), application),
                outcome(call.get(), application),
                publicBaseUrl + "/buerger/rueckmeldungen#verfahren-" + participationProcedureId));
        }
        return recipients;
    }

    @Override
    public List<OwnContribution> contributionsOf(CitizenUser citizen) {
        Map<Long, Optional<MemberCall>> byId = new HashMap<>();
        List<OwnContribution> own = new ArrayList<>();
        for (MemberApplication application : applications.findByCitizenAccountIdOrderBySubmittedAtDesc(citizen.id())) {
            Optional<MemberCall> call = byId.computeIfAbsent(application.getCallId(), calls::findById);
            if (call.isPresent() && call.get().getProcedureId() != null
                    && call.get().getTenantId().equals(citizen.tenantId())) {
                own.add(new OwnContribution(call.get().getProcedureId(), contribution(call.get(), application),
                    outcome(call.get(), application), application.getSubmittedAt(),
                    "/buerger/aufrufe/bewerbungen/" + application.getId()));
            }
        }
        return own;
    }

    @Override
    public boolean runsFormatsIn(Long participationProcedureId) {
        return callOf(participationProcedureId).isPresent();
    }

    @Override
    public List<String> openFormatsOf(Long participationProcedureId) {
        Instant now = clock.instant();
        return callOf(participationProcedureId).filter(call -> call.getResultConfirmedAt() == null
                && (call.getPublishedAt() == null || call.getDeadline() == null || now.isBefore(call.getDeadline())))
            .map(call -> List.of("Aufruf zur Mitwirkung „" + call.getTitle() + "“: "
                + (call.getPublishedAt() == null || call.getDeadline() == null ? "in Vorbereitung"
                : "Bewerbungsfrist bis " + MunicipalTime.deadline(call.getDeadline(), Locale.GERMANY))))
            .orElse(List.of());
    }

    private Optional<MemberCall> callOf(Long procedureId) {
        return procedureId == null ? Optional.empty() : calls.findByProcedureId(procedureId);
    }

    private static String contribution(MemberCall call, MemberApplication application) {
        return "Ihre Bewerbung zum Aufruf „" + call.getTitle() + "“ (Code " + application.getCode() + ")";
    }

    static String outcome(MemberCall call, MemberApplication application) {
        String group = call.getWorkingGroup() == null || call.getWorkingGroup().isBlank() ? "dem Gremium"
            : "„" + call.getWorkingGroup() + "“";
        return switch (application.getStatus()) {
            case SELECTED -> "ausgewählt: Sie sind Mitglied in " + group + ".";
            case RESERVE -> "Nachrückliste, Platz " + application.getReservePosition()
                + ": Sie rücken nach, wenn ein Platz frei wird.";
            case NOT_SELECTED -> "nicht ausgelost.";
            case REJECTED -> "nicht teilnahmeberechtigt: " + (application.getRejectionReason() == null ? "ohne Angabe"
                : application.getRejectionReason());
            case LEFT -> "Sie waren Mitglied in " + group + " und sind ausgeschieden.";
            case WITHDRAWN -> "von Ihnen zurückgezogen.";
            case SUBMITTED, ELIGIBLE, DUPLICATE_FLAGGED -> "eingegangen, noch nicht entschieden.";
        };
    }
}

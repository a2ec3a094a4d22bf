package de.stadtdialog.voting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.ParticipationHistory;
import de.stadtdialog.council.OpenParticipationFormats;
import de.stadtdialog.council.ParticipantFeedback;
import de.stadtdialog.shared.MunicipalTime;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOptionRepository;
import de.stadtdialog.voting.VoteRepository;

/**
 * Voters for the council's feedback (per procedure) and the voter's feedback page (per citizen): the vote counted,
 * with the result, never what the person chose. Only ballots still linked to a voter count: anonymous paper
 * ballots have nobody to write to, and after the unlinking nobody is known. Also the guard's answer: a vote is an
 * open format until it is counted.
 */
@Component
@Transactional(readOnly = true)
class VotingFeedback implements ParticipantFeedback, ParticipationHistory, OpenParticipationFormats {

    private final VoteRepository votes;
    private final VoteOptionRepository options;
    private final BallotStore ballots;
    private final CitizenDirectory citizens;
    private final String publicBaseUrl;

    VotingFeedback(VoteRepository votes, VoteOptionRepository options, BallotStore ballots, CitizenDirectory citizens,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.votes = votes;
        this.options = options;
        this.ballots = ballots;
        this.citizens = citizens;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public List<FeedbackRecipient> participantsOf(Long participationProcedureId) {
        Optional<Vote> vote = voteOf(participationProcedureId);
        if (vote.isEmpty()) {
            return List.of();
        }
        String contribution = contribution(vote.get());
        String outcome = outcome(vote.get());
        List<FeedbackRecipient> recipients = new ArrayList<>();
        for (Long voter : ballots.linkedVoters(vote.get().getId())) {
            citizens.mailAddress(voter).ifPresent(address -> recipients.add(new FeedbackRecipient(address,
                citizens.displayName(voter), contribution, outcome,
                publicBaseUrl + "/buerger/rueckmeldungen#verfahren-" + participationProcedureId)));
        }
        return recipients;
    }

    @Override
    public List<OwnContribution> contributionsOf(CitizenUser citizen) {
        List<OwnContribution> own = new ArrayList<>();
        for (Long voteId : ballots.votesOf(citizen.id())) {
            votes.findById(voteId).filter(vote -> vote.getProcedureId() != null
                    && vote.getTenantId().equals(citizen.tenantId()))
                .ifPresent(vote -> ballots.ballotOf(voteId, citizen.id()).ifPresent(ballot -> own.add(
                    new OwnContribution(vote.getProcedureId(), contribution(vote) + (ballot.receiptCode() == null ? ""
                        : " (Quittungscode " + ballot.receiptCode() + ")"), outcome(vote), ballot.castAt(),
                        "/oeffentlich/abstimmungen/" + voteId))));
        }
        return own;
    }

    @Override
    public boolean runsFormatsIn(Long participationProcedureId) {
        return voteOf(participationProcedureId).isPresent();
    }

    @Override
    public List<String> openFormatsOf(Long participationProcedureId) {
        return voteOf(participationProcedureId).filter(vote -> vote.getTalliedAt() == null).map(vote -> {
            String format = "Abstimmung „" + vote.getTitle() + "“";
            if (vote.getClosedAt() != null) {
                return List.of(format + " (geschlossen, noch nicht ausgezählt)");
            }
            String until = "bis " + MunicipalTime.deadline(vote.getClosesAt(), Locale.GERMANY);
            return List.of(vote.getOpenedAt() == null
                ? format + " ab " + MunicipalTime.dateTime(vote.getOpensAt()) + " " + until : format + " " + until);
        }).orElse(List.of());
    }

    private Optional<Vote> voteOf(Long procedureId) {
        return procedureId == null ? Optional.empty() : votes.findByProcedureId(procedureId);
    }

    private static String contribution(Vote vote) {
        return "Ihre Stimme in der Abstimmung „" + vote.getTitle() + "“";
    }

    private String outcome(Vote vote) {
        if (vote.getTalliedAt() == null) {
            return "Ihre Stimme ist abgegeben; ausgezählt wird nach dem Ende der Abstimmung ("
                + MunicipalTime.deadline(vote.getClosesAt(), Locale.GERMANY) + ").";
        }
        StringBuilder text = new StringBuilder("Ihre Stimme wurde gezählt (").append(vote.getBallotCount())
            .append(vote.getBallotCount() != null && vote.getBallotCount() == 1 ? " Stimme" : " Stimmen")
            .append(" insgesamt). ");
        if ("void".equals(vote.getOutcomeSource())) {
            text.append("Die Mindestbeteiligung wurde nicht erreicht; die Abstimmung endet ohne Ergebnis.");
        } else if (vote.getWinnerOptionId() != null) {
            options.findById(vote.getWinnerOptionId())
                .ifPresent(winner -> text.append("Ergebnis: „").append(winner.getTitle()).append("“."));
        }
        if (vote.getOutcome() != null) {
            text.append(' ').append(vote.getOutcome());
        }
        return text.toString().trim();
    }
}

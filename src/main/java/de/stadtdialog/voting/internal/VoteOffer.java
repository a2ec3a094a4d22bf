package de.stadtdialog.voting.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VoteTexts;

/**
 * On the public project page of a vote procedure: the vote's page, once approved (its rules are public from then
 * on, before it opens). Before approval there is nothing public.
 */
@Component
class VoteOffer implements PublicPhaseOffer {

    private final VoteRepository votes;
    private final Clock clock;

    VoteOffer(VoteRepository votes, Clock clock) {
        this.votes = votes;
        this.clock = clock;
    }

    @Override
    public List<PublicOffer> offersFor(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        return votes.findByProcedureId(procedure.getId()).filter(Vote::isApproved)
            .map(vote -> List.of(new PublicOffer("voting.offer.vote", text(vote), "/oeffentlich/abstimmungen/"
                + vote.getId())))
            .orElse(List.of());
    }

    private String text(Vote vote) {
        return switch (vote.stage(clock.instant())) {
            case OPEN -> vote.getTitle() + " – offen bis " + VoteTexts.dateTime(vote.getClosesAt());
            case SCHEDULED -> vote.getTitle() + " – ab " + VoteTexts.dateTime(vote.getOpensAt());
            case COUNTED -> vote.getTitle() + " – Ergebnis";
            default -> vote.getTitle();
        };
    }
}

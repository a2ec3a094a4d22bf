package de.stadtdialog.voting.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.portal.PublicDate;
import de.stadtdialog.portal.PublicDates;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteRepository;

/** Approved votes for the portal's calendar feed: the voting period, which follows every extension. */
@Component
class VoteDates implements PublicDates {

    private final VoteRepository votes;

    VoteDates(VoteRepository votes) {
        this.votes = votes;
    }

    @Override
    public List<PublicDate> datesOf(String tenantId) {
        return votes.findByTenantIdAndApprovedAtIsNotNullOrderByOpensAtDesc(tenantId).stream()
            .map(VoteDates::date).toList();
    }

    private static PublicDate date(Vote vote) {
        return new PublicDate("abstimmung-" + vote.getId(), "Abstimmung: " + vote.getTitle(), vote.getOpensAt(),
            vote.getClosesAt(), null, vote.getQuestion(), "/oeffentlich/abstimmungen/" + vote.getId(),
            vote.getApprovedAt());
    }
}

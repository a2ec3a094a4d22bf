package de.stadtdialog.voting.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureDetail;
import de.stadtdialog.dashboard.ProcedureDetailsContributor;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VoteTexts;

/** On the procedure page: the period, the staff page (paper ballots, extension) and, once approved, the public page. */
@Component
class VoteDetailsContributor implements ProcedureDetailsContributor {

    private final VoteRepository votes;

    VoteDetailsContributor(VoteRepository votes) {
        this.votes = votes;
    }

    @Override
    public List<ProcedureDetail> detailsOf(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        return votes.findByProcedureId(procedure.getId()).map(VoteDetailsContributor::details).orElse(List.of());
    }

    private static List<ProcedureDetail> details(Vote vote) {
        List<ProcedureDetail> details = new ArrayList<>();
        details.add(ProcedureDetail.fact("voting.period", VoteTexts.dateTime(vote.getOpensAt()) + " – "
            + VoteTexts.dateTime(vote.getClosesAt())));
        details.add(ProcedureDetail.link("voting.staff.page", vote.getTitle(), "/abstimmungen/" + vote.getId()));
        if (vote.isApproved()) {
            details.add(ProcedureDetail.link("voting.staff.publicPage", vote.getTitle(),
                "/oeffentlich/abstimmungen/" + vote.getId()));
        }
        if (vote.getBallotCount() != null) {
            details.add(ProcedureDetail.fact("voting.staff.ballots", String.valueOf(vote.getBallotCount())));
        }
        return details;
    }
}

package de.stadtdialog.voting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.PersonalDataSection;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.VoteRepository;
import de.stadtdialog.voting.VoteTexts;

/**
 * "Meine Daten": in which votes the citizen's ballot is still linked to them; never what they chose (a vote is
 * secret, also from a download that someone else might see). Deleting the account unlinks the ballots, which
 * stay in the count.
 */
@Component
class VotingPersonalData implements PersonalDataContributor {

    private final BallotStore ballots;
    private final VoteRepository votes;

    VotingPersonalData(BallotStore ballots, VoteRepository votes) {
        this.ballots = ballots;
        this.votes = votes;
    }

    @Override
    public PersonalDataSection personalData(CitizenUser citizen) {
        List<Map<String, String>> entries = ballots.votesOf(citizen.id()).stream()
            .flatMap(id -> votes.findById(id).stream()).map(vote -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("Abstimmung", vote.getTitle());
                entry.put("Abgestimmt", "ja (wie, wird nicht angezeigt)");
                entry.put("Zeitraum", VoteTexts.dateTime(vote.getOpensAt()) + " – "
                    + VoteTexts.dateTime(vote.getClosesAt()));
                return entry;
            }).toList();
        return new PersonalDataSection("votes", "Abstimmungen", entries);
    }

    @Override
    public void accountDeleted(CitizenUser citizen) {
        ballots.unlinkVoter(citizen.id());
    }
}

package de.stadtdialog.citizen.internal;

import org.springframework.stereotype.Component;

import de.stadtdialog.citizen.CitizenUser;

/** Read by the fragment {@code citizen/follow :: follow(procedureId)} on any page. */
@Component("citizenFollowState")
public class CitizenFollowState {

    private final Follows follows;

    CitizenFollowState(Follows follows) {
        this.follows = follows;
    }

    public boolean isFollowing(Long procedureId) {
        return CitizenUser.current().map(citizen -> follows.isFollowing(citizen, procedureId)).orElse(false);
    }
}

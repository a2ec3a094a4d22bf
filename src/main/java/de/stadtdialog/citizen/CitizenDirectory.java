package de.stadtdialog.citizen;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How other modules name a citizen in public (next to a comment, a vote, an application): always through here,
 * never from a copy of the username, so that a deleted account shows up pseudonymised everywhere at once.
 */
public interface CitizenDirectory {

    /** What contributions of deleted accounts show. */
    String DELETED_DISPLAY_NAME = "gelöschte:r Nutzer:in";

    /** The public username, or {@value #DELETED_DISPLAY_NAME} for a deleted or unknown account. */
    String displayName(Long citizenId);

    /**
     * {@link #displayName} of many citizens at once (a page listing hundreds of contributions asks once, not per
     * author); every id asked for is in the map.
     */
    default Map<Long, String> displayNames(Collection<Long> citizenIds) {
        Map<Long, String> names = new HashMap<>();
        citizenIds.forEach(id -> names.put(id, displayName(id)));
        return names;
    }

    /**
     * Where to send a citizen news about their own contributions (moderation result, feedback): the confirmed
     * account's address; empty for a deleted, unconfirmed or unknown account.
     */
    default Optional<String> mailAddress(Long citizenId) {
        return Optional.empty();
    }

    /**
     * The id of the confirmed account with this username in the municipality (case as typed does not matter),
     * e.g. for staff who enter a paper ballot and check that its voter has not voted online; empty otherwise.
     */
    default Optional<Long> idOfUsername(String tenantId, String username) {
        return Optional.empty();
    }
}

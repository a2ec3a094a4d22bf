package de.stadtdialog.citizen.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.InputRejectedException;

/** Following procedures: start, stop (logged in, or by the link in every notification), list. */
@Service
@Transactional
public class Follows {

    private final FollowRepository follows;
    private final ProcedureRepository procedures;
    private final Clock clock;

    Follows(FollowRepository follows, ProcedureRepository procedures, Clock clock) {
        this.follows = follows;
        this.procedures = procedures;
        this.clock = clock;
    }

    /** A procedure of the citizen's municipality; empty for other municipalities' and unknown ones. */
    @Transactional(readOnly = true)
    public Optional<Procedure> followable(CitizenUser citizen, Long procedureId) {
        return procedureId == null ? Optional.empty()
            : procedures.findById(procedureId).filter(p -> p.getTenantId().equals(citizen.tenantId()));
    }

    /** Idempotent: following twice is one follow. */
    public void follow(CitizenUser citizen, Procedure procedure) {
        if (procedure.getStatus() != ProcedureStatus.RUNNING) {
            throw new InputRejectedException("Dieses Verfahren ist beendet; es gibt keine Phasen mehr, über die "
                + "wir Sie informieren könnten.");
        }
        if (!follows.existsByCitizenIdAndProcedureId(citizen.id(), procedure.getId())) {
            follows.save(new Follow(citizen.tenantId(), citizen.id(), procedure.getId(), Tokens.newToken(),
                clock.instant()));
        }
    }

    public void unfollow(CitizenUser citizen, Long procedureId) {
        follows.findByCitizenIdAndProcedureId(citizen.id(), procedureId).ifPresent(follows::delete);
    }

    @Transactional(readOnly = true)
    public boolean isFollowing(CitizenUser citizen, Long procedureId) {
        return procedureId != null && follows.existsByCitizenIdAndProcedureId(citizen.id(), procedureId);
    }

    /** The follow behind an unsubscribe link, with its procedure (for the confirmation page). */
    @Transactional(readOnly = true)
    public Optional<FollowedProcedure> byUnsubscribeToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return follows.findByUnsubscribeToken(token.trim()).map(this::withProcedure);
    }

    /** @return the procedure's title if the link still stood for a follow */
    public Optional<String> unsubscribe(String token) {
        Optional<FollowedProcedure> found = byUnsubscribeToken(token);
        found.ifPresent(f -> follows.deleteById(f.follow().getId()));
        return found.map(FollowedProcedure::title);
    }

    @Transactional(readOnly = true)
    public List<FollowedProcedure> of(Long citizenId) {
        return follows.findByCitizenIdOrderByCreatedAt(citizenId).stream().map(this::withProcedure).toList();
    }

    public void removeAll(Long citizenId) {
        follows.deleteByCitizenId(citizenId);
    }

    private FollowedProcedure withProcedure(Follow follow) {
        return new FollowedProcedure(follow, procedures.findById(follow.getProcedureId()).orElse(null));
    }

    /** A follow and its procedure (null if the procedure was removed meanwhile). */
    public record FollowedProcedure(Follow follow, Procedure procedure) {

        public String title() {
            return procedure == null ? "Verfahren " + follow.getProcedureId() : procedure.getTitle();
        }
    }
}

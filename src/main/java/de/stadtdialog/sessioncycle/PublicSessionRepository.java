package de.stadtdialog.sessioncycle;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PublicSessionRepository extends JpaRepository<PublicSession, Long> {

    List<PublicSession> findByTenantIdAndInvitationSentAtIsNotNullOrderByStartsAtDesc(String tenantId);

    Optional<PublicSession> findByIdAndInvitationSentAtIsNotNull(Long id);

    /** A session-cycle procedure has one session; a composed procedure (working-group sessions) several. */
    List<PublicSession> findByProcedureIdOrderByStartsAt(Long procedureId);
}

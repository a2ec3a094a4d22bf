package de.stadtdialog.membercall;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberApplicationRepository extends JpaRepository<MemberApplication, Long> {

    List<MemberApplication> findByCallIdOrderBySubmittedAtAscIdAsc(Long callId);

    List<MemberApplication> findByCallIdAndStatusInOrderByCodeAsc(Long callId, Collection<ApplicationStatus> statuses);

    Optional<MemberApplication> findByCallIdAndCode(Long callId, String code);

    Optional<MemberApplication> findByCode(String code);

    boolean existsByCode(String code);

    List<MemberApplication> findByCitizenAccountIdOrderBySubmittedAtDesc(Long citizenAccountId);

    Optional<MemberApplication> findFirstByCallIdAndCitizenAccountIdAndStatusNot(Long callId, Long citizenAccountId,
            ApplicationStatus status);

    long countByCallIdAndStatus(Long callId, ApplicationStatus status);
}

package de.stadtdialog.membercall;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NominationRepository extends JpaRepository<Nomination, Long> {

    List<Nomination> findByCallIdOrderByIdAsc(Long callId);

    void deleteByCallId(Long callId);
}

package de.stadtdialog.citizen.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface PhaseChangeRepository extends JpaRepository<PhaseChange, Long> {

    boolean existsByProcedureIdAndIdGreaterThan(Long procedureId, Long id);

    @Transactional
    @Modifying
    @Query("delete from PhaseChange c where c.changedAt < :before")
    int deleteOlderThan(@Param("before") Instant before);
}

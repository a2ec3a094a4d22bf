package de.stadtdialog.guidelines;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GuidelinesProcedureRepository extends JpaRepository<GuidelinesProcedure, Long> {

    Optional<GuidelinesProcedure> findByProcedureId(Long procedureId);
}

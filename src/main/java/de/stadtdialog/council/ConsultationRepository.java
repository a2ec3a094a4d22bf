package de.stadtdialog.council;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsultationRepository extends JpaRepository<Consultation, Long> {

    List<Consultation> findByMotionIdOrderByRoundAscPositionAsc(Long motionId);

    List<Consultation> findByMotionIdAndRoundOrderByPositionAsc(Long motionId, int round);

    List<Consultation> findByTenantIdOrderByIdAsc(String tenantId);
}

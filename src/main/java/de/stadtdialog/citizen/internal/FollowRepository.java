package de.stadtdialog.citizen.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface FollowRepository extends JpaRepository<Follow, Long> {

    boolean existsByProcedureId(Long procedureId);

    boolean existsByCitizenIdAndProcedureId(Long citizenId, Long procedureId);

    Optional<Follow> findByCitizenIdAndProcedureId(Long citizenId, Long procedureId);

    Optional<Follow> findByUnsubscribeToken(String unsubscribeToken);

    List<Follow> findByCitizenIdOrderByCreatedAt(Long citizenId);

    List<Follow> findByProcedureIdOrderById(Long procedureId);

    @Transactional
    @Modifying
    @Query("delete from Follow f where f.citizenId = :citizenId")
    int deleteByCitizenId(@Param("citizenId") Long citizenId);
}

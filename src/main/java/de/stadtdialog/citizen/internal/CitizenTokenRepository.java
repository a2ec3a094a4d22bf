package de.stadtdialog.citizen.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface CitizenTokenRepository extends JpaRepository<CitizenToken, Long> {

    Optional<CitizenToken> findByTokenHash(String tokenHash);

    List<CitizenToken> findByCitizenIdAndPurpose(Long citizenId, TokenPurpose purpose);

    @Transactional
    @Modifying
    @Query("delete from CitizenToken t where t.citizenId = :citizenId")
    int deleteByCitizenId(@Param("citizenId") Long citizenId);

    @Transactional
    @Modifying
    @Query("delete from CitizenToken t where t.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}

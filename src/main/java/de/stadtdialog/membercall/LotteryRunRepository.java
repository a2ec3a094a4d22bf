package de.stadtdialog.membercall;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LotteryRunRepository extends JpaRepository<LotteryRun, Long> {

    List<LotteryRun> findByCallIdOrderByRunNumberAsc(Long callId);

    Optional<LotteryRun> findFirstByCallIdOrderByRunNumberDesc(Long callId);
}

package de.stadtdialog.voting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VoteOptionRepository extends JpaRepository<VoteOption, Long> {

    List<VoteOption> findByVoteIdOrderByPosition(Long voteId);
}

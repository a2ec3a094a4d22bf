package de.stadtdialog.voting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VoteExtensionRepository extends JpaRepository<VoteExtension, Long> {

    List<VoteExtension> findByVoteIdOrderByExtendedAt(Long voteId);
}

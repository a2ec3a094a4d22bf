package de.stadtdialog.voting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VoteOptionRepository extends JpaRepository<VoteOption, Long> {

    List<VoteOption> findByVoteIdOrderByPosition(Long voteId);

    /** The option ids alone: checking a ballot needs no texts and no images. */
    @Query("select o.id from VoteOption o where o.voteId = :voteId")
    List<Long> idsOfVote(@Param("voteId") Long voteId);
}

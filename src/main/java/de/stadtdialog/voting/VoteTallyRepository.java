package de.stadtdialog.voting;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VoteTallyRepository extends JpaRepository<VoteTally, Long> {

    List<VoteTally> findByVoteIdOrderByRoundAscVotesDesc(Long voteId);

    @Modifying
    @Query("delete from VoteTally t where t.voteId = :voteId")
    void deleteByVoteId(@Param("voteId") Long voteId);
}

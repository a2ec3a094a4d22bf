package de.stadtdialog.voting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ballots in plain SQL: one statement per vote cast, one {@code GROUP BY} per tally. The unique constraints named
 * here are what stops a second ballot of the same voter, even from two requests at the same moment.
 */
@Component
public class BallotStore {

    public static final String UNIQUE_VOTER = "uk_ballot_voter";
    public static final String UNIQUE_PAPER_NUMBER = "uk_ballot_paper_number";

    /** What a voter may see of their own ballot. */
    public record OwnBallot(Long id, List<Long> ranking, String receiptCode, Instant castAt, String channel) {
    }

    private final JdbcTemplate jdbc;

    public BallotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the ballot if the vote still takes ballots at {@code now} (checked in the same statement, so a
     * ballot cannot slip in after the close). @return false if the vote was closed
     */
    public boolean insertOnline(String tenantId, Long voteId, Long voterRef, String ranking, String receiptCode,
            Instant now) {
        return jdbc.update("insert into ballot (tenant_id, vote_id, voter_ref, ranking, receipt_code, channel, cast_at) "
            + "select ?, v.id, ?, ?, ?, 'ONLINE', ? from vote v "
            + "where v.id = ? and v.opened_at is not null and v.closed_at is null and v.closes_at > ?",
            tenantId, voterRef, ranking, receiptCode, Timestamp.from(now), voteId, Timestamp.from(now)) == 1;
    }

    /** Replaces the content and receipt of the voter's ballot while the vote is open. @return false if closed */
    public boolean replaceOnline(Long voteId, Long voterRef, String ranking, String receiptCode, Instant now) {
        return jdbc.update("update ballot set ranking = ?, receipt_code = ?, cast_at = ? "
            + "where vote_id = ? and voter_ref = ? and channel = 'ONLINE' and exists (select 1 from vote v "
            + "where v.id = ? and v.closed_at is null and v.closes_at > ?)",
            ranking, receiptCode, Timestamp.from(now), voteId, voterRef, voteId, Timestamp.from(now)) == 1;
    }

    public void insertPaper(String tenantId, Long voteId, Long voterRef, String ranking, String paperNumber,
            String enteredBy, Instant now) {
        jdbc.update("insert into ballot (tenant_id, vote_id, voter_ref, ranking, channel, paper_number, entered_by, "
            + "cast_at) values (?, ?, ?, ?, 'PAPER', ?, ?, ?)",
            tenantId, voteId, voterRef, ranking, paperNumber, enteredBy, Timestamp.from(now));
    }

    public Optional<OwnBallot> ballotOf(Long voteId, Long voterRef) {
        return jdbc.query("select id, ranking, receipt_code, cast_at, channel from ballot where vote_id = ? "
            + "and voter_ref = ?", (rs, n) -> new OwnBallot(rs.getLong(1), BallotCount.parseRanking(rs.getString(2)),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)), voteId, voterRef)
            .stream().findFirst();
    }

    /** The tally's only read: how many ballots carry each ranking. */
    public Map<List<Long>, Long> rankingGroups(Long voteId) {
        Map<List<Long>, Long> groups = new LinkedHashMap<>();
        jdbc.query("select ranking, count(*) from ballot where vote_id = ? group by ranking",
            rs -> {
                groups.merge(BallotCount.parseRanking(rs.getString(1)), rs.getLong(2), Long::sum);
            }, voteId);
        return groups;
    }

    public int countPaper(Long voteId) {
        Integer count = jdbc.queryForObject("select count(*) from ballot where vote_id = ? and channel = 'PAPER'",
            Integer.class, voteId);
        return count == null ? 0 : count;
    }

    public boolean receiptExists(Long voteId, String receiptCode) {
        Integer count = jdbc.queryForObject("select count(*) from ballot where vote_id = ? and receipt_code = ?",
            Integer.class, voteId, receiptCode);
        return count != null && count > 0;
    }

    /** Every receipt code of the vote, sorted so that the order tells nothing about when anyone voted. */
    public List<String> receiptCodes(Long voteId) {
        return jdbc.queryForList("select receipt_code from ballot where vote_id = ? and receipt_code is not null "
            + "order by receipt_code", String.class, voteId);
    }

    public List<Long> linkedVoters(Long voteId) {
        return jdbc.queryForList("select voter_ref from ballot where vote_id = ? and voter_ref is not null "
            + "order by voter_ref", Long.class, voteId);
    }

    public int unlinkVoters(Long voteId) {
        return jdbc.update("update ballot set voter_ref = null where vote_id = ? and voter_ref is not null", voteId);
    }

    /** The votes in which this citizen's ballot is still linked to them. */
    public List<Long> votesOf(Long voterRef) {
        return jdbc.queryForList("select vote_id from ballot where voter_ref = ? order by vote_id", Long.class,
            voterRef);
    }

    public int unlinkVoter(Long voterRef) {
        return jdbc.update("update ballot set voter_ref = null where voter_ref = ?", voterRef);
    }

    public boolean isUniqueViolation(Throwable error, String constraint) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

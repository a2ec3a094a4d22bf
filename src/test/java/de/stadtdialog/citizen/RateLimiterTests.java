package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.CitizenTimes;
import de.stadtdialog.citizen.internal.RateLimitedAction;
import de.stadtdialog.citizen.internal.RateLimiter;
import de.stadtdialog.citizen.internal.RateLimiter.Subject;
import de.stadtdialog.citizen.internal.TooManyAttemptsException;

/**
 * The sliding window kept in the database: the limit is reached at the configured count, frees up as the oldest
 * attempts leave the window, says when; subjects are stored only as hashes; old rows are deleted.
 */
@StadtdialogSpringTest
class RateLimiterTests {

    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcTemplate jdbc;

    private final String address = "fenster-" + UUID.randomUUID() + "@example.org";
    private final Subject byEmail = new Subject(RateLimitedAction.RESET_PER_EMAIL, address);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void at(Instant time) {
        ClockUtil.setCurrentTime(Date.from(time));
    }

    @Test
    void fiveAttemptsAnHourThenBlockedUntilTheOldestLeavesTheWindow() {
        for (int minute = 0; minute < 5; minute++) {
            at(T0.plus(Duration.ofMinutes(minute * 10)));
            limiter.check("kaiserslautern", byEmail);
            limiter.record("kaiserslautern", byEmail);
        }

        at(T0.plus(Duration.ofMinutes(45)));
        TooManyAttemptsException blocked = catchThrowableOfType(TooManyAttemptsException.class,
            () -> limiter.check("kaiserslautern", byEmail));
        assertThat(blocked.retryAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(CitizenTimes.formatNotBefore(blocked.retryAt())).isEqualTo("01.03.2027, 10:00 Uhr");
        assertThat(blocked.getMessage()).contains("01.03.2027, 10:00 Uhr");

        at(T0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThatCode(() -> limiter.check("kaiserslautern", byEmail)).doesNotThrowAnyException();
        limiter.record("kaiserslautern", byEmail);
        TooManyAttemptsException again = catchThrowableOfType(TooManyAttemptsException.class,
            () -> limiter.check("kaiserslautern", byEmail));
        assertThat(again.retryAt()).as("now the second-oldest decides").isEqualTo(T0.plus(Duration.ofMinutes(70)));
    }

    @Test
    void subjectsAreCaseInsensitiveSeparatePerTenantAndStoredAsHashesOnly() {
        at(T0);
        for (int i = 0; i < 5; i++) {
            limiter.record("kaiserslautern", new Subject(RateLimitedAction.RESET_PER_EMAIL, address.toUpperCase()));
        }

        assertThat(catchThrowableOfType(TooManyAttemptsException.class,
            () -> limiter.check("kaiserslautern", byEmail))).isNotNull();
        assertThatCode(() -> limiter.check("anderswo", byEmail)).doesNotThrowAnyException();
        assertThatCode(() -> limiter.check("kaiserslautern",
            new Subject(RateLimitedAction.REGISTRATION_PER_EMAIL, address))).doesNotThrowAnyException();
        assertThat(jdbc.queryForObject("select count(*) from citizen_rate_attempt where subject_hash like ?",
            Integer.class, "%" + address + "%")).isZero();
    }

    @Test
    void clearingForgetsOneSubjectAndOldRowsAreDeleted() {
        at(T0);
        Subject other = new Subject(RateLimitedAction.RESET_PER_CLIENT, "2001:db8::" + UUID.randomUUID()
            .toString().substring(0, 4));
        for (int i = 0; i < 5; i++) {
            limiter.record("kaiserslautern", byEmail, other);
        }
        limiter.clear("kaiserslautern", byEmail);
        assertThatCode(() -> limiter.check("kaiserslautern", byEmail)).doesNotThrowAnyException();

        at(T0.plus(Duration.ofHours(2)));
        assertThat(limiter.deleteExpired()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from citizen_rate_attempt where attempted_at <= ?",
            Integer.class, java.sql.Timestamp.from(T0))).isZero();
    }
}

package de.stadtdialog.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.RateLimiter.Subject;

/**
 * The scheduled clean-up deletes by age only: rate-limit attempts no window counts, links a week after they
 * expired, phase changes after a month; younger rows stay.
 */
@StadtdialogSpringTest
class CitizenCleanupTests {

    private static final Instant T0 = Instant.parse("2027-05-03T10:00:00Z");

    @Autowired
    CitizenCleanup cleanup;
    @Autowired
    RateLimiter limiter;
    @Autowired
    CitizenRepository citizens;
    @Autowired
    CitizenTokenRepository tokens;
    @Autowired
    PhaseChangeRepository phaseChanges;
    @Autowired
    RateLimitAttemptRepository attempts;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void at(Instant time) {
        ClockUtil.setCurrentTime(Date.from(time));
    }

    @Test
    void deletesWhatNoRuleNeedsAnyMore() {
        at(T0);
        String name = "aufraeumen-" + UUID.randomUUID().toString().substring(0, 8);
        Citizen citizen = citizens.save(new Citizen("kaiserslautern", name, "A", "B", name + "@example.org",
            "$2a$10$x", T0));
        CitizenToken oldLink = tokens.save(new CitizenToken(citizen, TokenPurpose.PASSWORD_RESET,
            Tokens.sha256(UUID.randomUUID().toString()), T0, T0.plus(Duration.ofHours(1))));
        CitizenToken recentLink = tokens.save(new CitizenToken(citizen, TokenPurpose.PASSWORD_RESET,
            Tokens.sha256(UUID.randomUUID().toString()), T0, T0.plus(Duration.ofDays(3))));
        PhaseChange oldChange = phaseChanges.save(new PhaseChange("kaiserslautern", -1L, "a", "b", T0));
        Subject subject = new Subject(RateLimitedAction.RESET_PER_EMAIL, name);
        limiter.record("kaiserslautern", subject);

        at(T0.plus(Duration.ofDays(9)));
        PhaseChange recentChange = phaseChanges.save(new PhaseChange("kaiserslautern", -1L, "b", "c",
            T0.plus(Duration.ofDays(9))));
        limiter.record("kaiserslautern", subject);
        cleanup.deleteOutdated();

        assertThat(tokens.findById(oldLink.getId())).as("expired 8 days ago").isEmpty();
        assertThat(tokens.findById(recentLink.getId())).as("expired 6 days ago: still explained").isPresent();
        assertThat(attempts.countByTenantIdAndActionAndSubjectHashAndAttemptedAtAfter("kaiserslautern",
            subject.action(), Tokens.sha256(subject.action().name() + ":" + subject.value()), Instant.EPOCH))
            .as("the 9-day-old attempt is gone, today's stays").isEqualTo(1);

        at(T0.plus(Duration.ofDays(31)));
        cleanup.deleteOutdated();

        assertThat(phaseChanges.findById(oldChange.getId())).isEmpty();
        assertThat(phaseChanges.findById(recentChange.getId())).isPresent();
        assertThat(tokens.findById(recentLink.getId())).isEmpty();
    }
}

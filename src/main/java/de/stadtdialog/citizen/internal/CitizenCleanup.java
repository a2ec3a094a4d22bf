package de.stadtdialog.citizen.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes what no rule needs any more: rate-limit attempts older than the longest window, link tokens a week
 * after they expired (until then a used or expired link still gets its own explanation), phase changes after
 * their notifications are long done. Plain deletes by age, so several nodes running it at once do no harm.
 * Unconfirmed registrations are not deleted here but by their process's timer.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CitizenCleanup {

    private static final Logger log = LoggerFactory.getLogger(CitizenCleanup.class);
    static final Duration KEEP_EXPIRED_TOKENS = Duration.ofDays(7);
    static final Duration KEEP_PHASE_CHANGES = Duration.ofDays(30);

    private final RateLimiter rateLimiter;
    private final CitizenTokenRepository tokens;
    private final PhaseChangeRepository phaseChanges;
    private final Clock clock;

    CitizenCleanup(RateLimiter rateLimiter, CitizenTokenRepository tokens, PhaseChangeRepository phaseChanges,
            Clock clock) {
        this.rateLimiter = rateLimiter;
        this.tokens = tokens;
        this.phaseChanges = phaseChanges;
        this.clock = clock;
    }

    @Scheduled(cron = "${stadtdialog.citizen.cleanup-cron:0 17 * * * *}", zone = "Europe/Berlin")
    public void deleteOutdated() {
        int attempts = rateLimiter.deleteExpired();
        int expiredTokens = tokens.deleteExpiredBefore(clock.instant().minus(KEEP_EXPIRED_TOKENS));
        int changes = phaseChanges.deleteOlderThan(clock.instant().minus(KEEP_PHASE_CHANGES));
        if (attempts + expiredTokens + changes > 0) {
            log.info("Citizen clean-up: {} rate-limit attempts, {} expired link tokens, {} phase changes deleted",
                attempts, expiredTokens, changes);
        }
    }
}

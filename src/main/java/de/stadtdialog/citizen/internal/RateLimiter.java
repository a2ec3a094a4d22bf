package de.stadtdialog.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sliding-window limits counted in the database, so all nodes of a cluster share them and a restart forgets
 * nothing. Subjects are stored as SHA-256 hashes: the table says how often, not who.
 */
@Component
public class RateLimiter {

    /** What is counted: an action and its subject (client address, e-mail address or username). */
    public record Subject(RateLimitedAction action, String value) {

        public Subject {
            value = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        }
    }

    private final RateLimitAttemptRepository attempts;
    private final CitizenProperties properties;
    private final Clock clock;

    RateLimiter(RateLimitAttemptRepository attempts, CitizenProperties properties, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws TooManyAttemptsException if any subject has used up its limit; the latest retry time wins */
    @Transactional
    public void check(String tenantId, Subject... subjects) {
        Instant now = clock.instant();
        Instant retryAt = null;
        for (Subject subject : subjects) {
            Optional<Instant> blocked = blockedUntil(tenantId, subject, now);
            if (blocked.isPresent() && (retryAt == null || blocked.get().isAfter(retryAt))) {
                retryAt = blocked.get();
            }
        }
        if (retryAt != null) {
            throw new TooManyAttemptsException(retryAt);
        }
    }

    /** Counts one attempt for every subject; committed even if the caller's transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String tenantId, Subject... subjects) {
        Instant now = clock.instant();
        for (Subject subject : subjects) {
            attempts.save(new RateLimitAttempt(tenantId, subject.action(), hash(subject), now));
        }
    }

    /** Forgets a subject's attempts, e.g. a username's failed logins after a successful one. */
    @Transactional
    public void clear(String tenantId, Subject subject) {
        attempts.deleteSubject(tenantId, subject.action(), hash(subject));
    }

    /** Deletes attempts no window counts any more; safe on several nodes at once. */
    @Transactional
    public int deleteExpired() {
        return attempts.deleteOlderThan(clock.instant().minus(properties.rateLimits().longestWindow()));
    }

    private Optional<Instant> blockedUntil(String tenantId, Subject subject, Instant now) {
        CitizenProperties.Limit limit = properties.rateLimits().of(subject.action());
        Instant windowStart = now.minus(limit.window());
        String hash = hash(subject);
        long count = attempts.countByTenantIdAndActionAndSubjectHashAndAttemptedAtAfter(tenantId, subject.action(),
            hash, windowStart);
        if (count < limit.max()) {
            return Optional.empty();
        }
        // free again once so many attempts have left the window that fewer than max remain
        int leaving = (int) (count - limit.max());
        List<RateLimitAttempt> oldest = attempts.findByTenantIdAndActionAndSubjectHashAndAttemptedAtAfter(tenantId,
            subject.action(), hash, windowStart, PageRequest.of(leaving, 1, Sort.by("attemptedAt")));
        Instant from = oldest.isEmpty() ? now : oldest.get(0).getAttemptedAt();
        return Optional.of(from.plus(limit.window()));
    }

    private static String hash(Subject subject) {
        return Tokens.sha256(subject.action().name() + ":" + subject.value());
    }
}

package de.stadtdialog.citizen.internal;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A rate limit is reached; {@link #retryAt()} is when the oldest counted attempt leaves the window. An
 * {@link AuthenticationException} so that the login form's failure handler gets it like a wrong password.
 */
public class TooManyAttemptsException extends AuthenticationException {

    private final Instant retryAt;

    public TooManyAttemptsException(Instant retryAt) {
        super("Zu viele Versuche; wieder möglich ab " + CitizenTimes.formatNotBefore(retryAt));
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}

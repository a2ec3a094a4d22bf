package de.stadtdialog.citizen.internal;

/** What is counted, and by which subject; each has its own limit in {@link CitizenProperties.RateLimits}. */
public enum RateLimitedAction {
    REGISTRATION_PER_EMAIL,
    REGISTRATION_PER_CLIENT,
    LOGIN_FAILURE_PER_USERNAME,
    LOGIN_FAILURE_PER_CLIENT,
    RESET_PER_EMAIL,
    RESET_PER_CLIENT
}

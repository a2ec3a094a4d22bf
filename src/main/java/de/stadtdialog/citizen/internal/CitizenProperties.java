package de.stadtdialog.citizen.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stadtdialog.citizen.*}; every value has a default, so none needs configuring:
 * <pre>
 * stadtdialog.citizen:
 *   tenant: kaiserslautern          # default: the only configured municipality
 *   confirmation-period: P2D        # opt-in link; unconfirmed registrations are deleted after it
 *   reset-validity: PT1H            # password-reset link
 *   rate-limits:                    # each: max attempts within a sliding window
 *     registration-per-email: {max: 5, window: PT1H}
 *     registration-per-client: {max: 20, window: PT1H}
 *     login-failures-per-username: {max: 5, window: PT15M}
 *     login-failures-per-client: {max: 20, window: PT1H}
 *     reset-per-email: {max: 5, window: PT1H}
 *     reset-per-client: {max: 20, window: PT1H}
 *   privacy: {controller: ..., data-protection-officer: ..., supervisory-authority: ...}
 *   procedure-page: /buerger/verfahren#verfahren-{id}
 *   cleanup-cron: "0 17 * * * *"    # deletes old rate-limit attempts, expired links, old phase changes
 * </pre>
 *
 * @param tenant             the municipality whose citizens register here; empty: the only configured one
 * @param confirmationPeriod how long an opt-in link works; unconfirmed registrations are deleted after it
 * @param resetValidity      how long a password-reset link works
 * @param rateLimits         attempts allowed per sliding window
 * @param privacy            names in the Art. 13 GDPR notice
 * @param procedurePage      path of a procedure's page in notification mails; {@code {businessKey}} and
 *                           {@code {id}} are replaced
 */
@ConfigurationProperties("stadtdialog.citizen")
public record CitizenProperties(String tenant, Duration confirmationPeriod, Duration resetValidity,
        RateLimits rateLimits, Privacy privacy, String procedurePage) {

    public CitizenProperties {
        tenant = tenant == null || tenant.isBlank() ? null : tenant.trim();
        confirmationPeriod = confirmationPeriod == null ? Duration.ofDays(2) : confirmationPeriod;
        resetValidity = resetValidity == null ? Duration.ofHours(1) : resetValidity;
        rateLimits = rateLimits == null ? new RateLimits(null, null, null, null, null, null) : rateLimits;
        privacy = privacy == null ? new Privacy(null, null, null) : privacy;
        procedurePage = procedurePage == null || procedurePage.isBlank() ? "/buerger/verfahren#verfahren-{id}"
            : procedurePage;
    }

    /** At most {@code max} attempts within any {@code window}. */
    public record Limit(Integer max, Duration window) {

        public Limit {
            max = max == null ? 5 : max;
            window = window == null ? Duration.ofHours(1) : window;
        }
    }

    public record RateLimits(Limit registrationPerEmail, Limit registrationPerClient, Limit loginFailuresPerUsername,
            Limit loginFailuresPerClient, Limit resetPerEmail, Limit resetPerClient) {

        private static final Duration HOUR = Duration.ofHours(1);

        public RateLimits {
            registrationPerEmail = orDefault(registrationPerEmail, 5, HOUR);
            registrationPerClient = orDefault(registrationPerClient, 20, HOUR);
            loginFailuresPerUsername = orDefault(loginFailuresPerUsername, 5, Duration.ofMinutes(15));
            loginFailuresPerClient = orDefault(loginFailuresPerClient, 20, HOUR);
            resetPerEmail = orDefault(resetPerEmail, 5, HOUR);
            resetPerClient = orDefault(resetPerClient, 20, HOUR);
        }

        private static Limit orDefault(Limit limit, int max, Duration window) {
            return limit == null ? new Limit(max, window) : limit;
        }

        public Limit of(RateLimitedAction action) {
            return switch (action) {
                case REGISTRATION_PER_EMAIL -> registrationPerEmail;
                case REGISTRATION_PER_CLIENT -> registrationPerClient;
                case LOGIN_FAILURE_PER_USERNAME -> loginFailuresPerUsername;
                case LOGIN_FAILURE_PER_CLIENT -> loginFailuresPerClient;
                case RESET_PER_EMAIL -> resetPerEmail;
                case RESET_PER_CLIENT -> resetPerClient;
            };
        }

        /** Rows older than this count for no limit any more. */
        public Duration longestWindow() {
            Duration longest = Duration.ZERO;
            for (RateLimitedAction action : RateLimitedAction.values()) {
                if (of(action).window().compareTo(longest) > 0) {
                    longest = of(action).window();
                }
            }
            return longest;
        }
    }

    /** Who is responsible for the data, for the Art. 13 notice. */
    public record Privacy(String controller, String dataProtectionOfficer, String supervisoryAuthority) {

        public Privacy {
            controller = controller == null
                ? "Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1, 67657 Kaiserslautern" : controller;
            dataProtectionOfficer = dataProtectionOfficer == null
                ? "Behördliche:r Datenschutzbeauftragte:r der Stadtverwaltung, datenschutz@stadtdialog.example"
                : dataProtectionOfficer;
            supervisoryAuthority = supervisoryAuthority == null
                ? "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz"
                : supervisoryAuthority;
        }
    }
}

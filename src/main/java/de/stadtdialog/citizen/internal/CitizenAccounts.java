package de.stadtdialog.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.PersonalDataContributor;
import de.stadtdialog.citizen.internal.CitizenProcesses.AccountMail;
import de.stadtdialog.citizen.internal.RateLimiter.Subject;
import de.stadtdialog.notification.MailService;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Everything that happens to an account: registration and opt-in, new links, password reset, deletion. Mails are
 * never sent from a request: a process's asynchronous step sends them, so an unreachable mail server costs the
 * citizen nothing and the answer time does not tell whether an address has an account.
 */
@Service
@Transactional
public class CitizenAccounts {

    /** Names that would let a citizen pass for the administration. */
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "stadt",
        "stadtverwaltung", "verwaltung", "rathaus", "buergermeister", "bürgermeister", "moderation", "moderator",
        "support", "stadtdialog", "datenschutz");

    private final CitizenRepository citizens;
    private final CitizenTokenRepository tokens;
    private final CitizenPasswords passwords;
    private final CitizenTenant tenant;
    private final RateLimiter rateLimiter;
    private final CitizenProperties properties;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final MailService mail;
    private final CitizenMails mails;
    private final ObjectProvider<PersonalDataContributor> contributors;
    private final Clock clock;

    CitizenAccounts(CitizenRepository citizens, CitizenTokenRepository tokens, CitizenPasswords passwords,
            CitizenTenant tenant, RateLimiter rateLimiter, CitizenProperties properties,
            RuntimeService runtimeService, IdentityService identityService, MailService mail, CitizenMails mails,
            ObjectProvider<PersonalDataContributor> contributors, Clock clock) {
        this.citizens = citizens;
        this.tokens = tokens;
        this.passwords = passwords;
        this.tenant = tenant;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.mail = mail;
        this.mails = mails;
        this.contributors = contributors;
        this.clock = clock;
    }

    public record Registration(String username, String firstName, String lastName, String email, String password) {
    }

    /** What a link token turned out to be. */
    public enum LinkState {
        VALID,
        /** Opt-in: the address is confirmed already (this or another link was used). Reset: link used. */
        USED,
        EXPIRED,
        UNKNOWN
    }

    /**
     * Registers a new, unconfirmed account and starts its opt-in process. If the address has an account already,
     * nothing is created and that address gets a notice (or, if still unconfirmed, a new link) instead: the
     * answer is the same either way, so the form does not reveal which addresses are registered.
     *
     * @throws InputRejectedException   for an unavailable username (field {@code username})
     * @throws TooManyAttemptsException when the address or the client registered too often
     */
    public void register(Registration registration, String clientAddress) {
        String tenantId = tenant.id();
        String email = Citizen.normaliseEmail(registration.email());
        Subject byEmail = new Subject(RateLimitedAction.REGISTRATION_PER_EMAIL, email);
        Subject byClient = new Subject(RateLimitedAction.REGISTRATION_PER_CLIENT, clientAddress);
        rateLimiter.check(tenantId, byEmail, byClient);
        checkUsernameAvailable(tenantId, registration.username());
        rateLimiter.record(tenantId, byEmail, byClient);

        Optional<Citizen> existing = citizens.findByTenantIdAndEmail(tenantId, email);
        if (existing.isPresent()) {
            startAccountMail(existing.get(), existing.get().isConfirmed() ? AccountMail.ALREADY_REGISTERED
                : AccountMail.CONFIRMATION_AGAIN);
            return;
        }
        Citizen citizen = citizens.saveAndFlush(new Citizen(tenantId, registration.username().trim(),
            registration.firstName().trim(), registration.lastName().trim(), email,
            passwords.hash(registration.password()), clock.instant()));
        runtimeService.createProcessInstanceByKey(CitizenProcesses.REGISTRATION)
            .processDefinitionWithoutTenantId()
            .businessKey(String.valueOf(citizen.getId()))
            .setVariables(Map.of(
                CitizenProcesses.VAR_CITIZEN_ID, citizen.getId(),
                CitizenProcesses.VAR_TENANT_ID, tenantId,
                CitizenProcesses.VAR_CONFIRMATION_PERIOD, properties.confirmationPeriod().toString()))
            .execute();
    }

    /**
     * Why a username cannot be had: {@code "unavailable"} (reserved, or a staff login) or {@code "taken"}; empty if
     * it is free. The codes are message codes of the registration form's username field.
     */
    @Transactional(readOnly = true)
    public Optional<String> usernameProblem(String tenantId, String username) {
        String key = Citizen.usernameKey(username);
        if (RESERVED.contains(key) || identityService.createUserQuery().userId(username.trim()).count() > 0) {
            return Optional.of("unavailable");
        }
        return citizens.existsByTenantIdAndUsernameKey(tenantId, key) ? Optional.of("taken") : Optional.empty();
    }

    private void checkUsernameAvailable(String tenantId, String username) {
        usernameProblem(tenantId, username).ifPresent(problem -> {
            throw new InputRejectedException("username", "taken".equals(problem)
                ? "Dieser Benutzername ist schon vergeben. Bitte wählen Sie einen anderen."
                : "Dieser Benutzername ist nicht verfügbar. Bitte wählen Sie einen anderen.");
        });
    }

    /** For the page behind the opt-in link: what using it would do, without using it. */
    @Transactional(readOnly = true)
    public LinkState confirmationState(String token) {
        return confirmationToken(token).map(this::stateOfConfirmation).orElse(LinkState.UNKNOWN);
    }

    /** Uses an opt-in link: the account is confirmed and the registration process ends. */
    public LinkState confirm(String token) {
        Optional<CitizenToken> found = confirmationToken(token);
        if (found.isEmpty()) {
            return LinkState.UNKNOWN;
        }
        LinkState state = stateOfConfirmation(found.get());
        if (state != LinkState.VALID) {
            return state;
        }
        Instant now = clock.instant();
        Citizen citizen = citizens.findById(found.get().getCitizenId()).orElseThrow();
        found.get().markUsed(now);
        citizen.confirm(now);
        runtimeService.createMessageCorrelation(CitizenProcesses.MESSAGE_REGISTRATION_CONFIRMED)
            .processInstanceBusinessKey(String.valueOf(citizen.getId()))
            .tenantId(citizen.getTenantId())
            // none waiting is fine: the account is what counts, the process only guards the deadline
            .correlateAll();
        return LinkState.VALID;
    }

    private Optional<CitizenToken> confirmationToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Tokens.sha256(token.trim()))
            .filter(t -> t.getPurpose() == TokenPurpose.CONFIRMATION);
    }

    private LinkState stateOfConfirmation(CitizenToken token) {
        Optional<Citizen> citizen = citizens.findById(token.getCitizenId());
        if (citizen.isEmpty() || citizen.get().getStatus() == CitizenStatus.DELETED) {
            return LinkState.UNKNOWN;
        }
        if (citizen.get().isConfirmed()) {
            return LinkState.USED;
        }
        return token.isExpired(clock.instant()) ? LinkState.EXPIRED : LinkState.VALID;
    }

    /**
     * "Send me a new link": only an unconfirmed registration of that address gets one. Counted like a
     * registration, and answered the same whether or not the address is known.
     */
    public void requestNewConfirmation(String email, String clientAddress) {
        String tenantId = tenant.id();
        String normalised = Citizen.normaliseEmail(email);
        Subject byEmail = new Subject(RateLimitedAction.REGISTRATION_PER_EMAIL, normalised);
        Subject byClient = new Subject(RateLimitedAction.REGISTRATION_PER_CLIENT, clientAddress);
        rateLimiter.check(tenantId, byEmail, byClient);
        rateLimiter.record(tenantId, byEmail, byClient);
        citizens.findByTenantIdAndEmail(tenantId, normalised)
            .filter(c -> c.getStatus() == CitizenStatus.PENDING)
            .ifPresent(c -> startAccountMail(c, AccountMail.CONFIRMATION_AGAIN));
    }

    /** "Passwort vergessen": a reset link for a confirmed account; same answer for unknown addresses. */
    public void requestPasswordReset(String email, String clientAddress) {
        String tenantId = tenant.id();
        String normalised = Citizen.normaliseEmail(email);
        Subject byEmail = new Subject(RateLimitedAction.RESET_PER_EMAIL, normalised);
        Subject byClient = new Subject(RateLimitedAction.RESET_PER_CLIENT, clientAddress);
        rateLimiter.check(tenantId, byEmail, byClient);
        rateLimiter.record(tenantId, byEmail, byClient);
        citizens.findByTenantIdAndEmail(tenantId, normalised).ifPresent(citizen -> {
            if (citizen.isConfirmed()) {
                startAccountMail(citizen, AccountMail.PASSWORD_RESET);
            } else if (citizen.getStatus() == CitizenStatus.PENDING) {
                // they cannot log in yet anyway; what they need is the opt-in link
                startAccountMail(citizen, AccountMail.CONFIRMATION_AGAIN);
            }
        });
    }

    @Transactional(readOnly = true)
    public LinkState resetState(String token) {
        return resetToken(token).map(this::stateOfReset).orElse(LinkState.UNKNOWN);
    }

    /**
     * Sets the new password and uses up every reset link of the account. The caller ends the account's sessions.
     *
     * @return the account's id if the link was valid
     */
    public Optional<Long> resetPassword(String token, String newPassword) {
        Optional<CitizenToken> found = resetToken(token).filter(t -> stateOfReset(t) == LinkState.VALID);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Citizen citizen = citizens.findById(found.get().getCitizenId()).orElseThrow();
        citizen.changePassword(passwords.hash(newPassword));
        tokens.findByCitizenIdAndPurpose(citizen.getId(), TokenPurpose.PASSWORD_RESET).stream()
            .filter(t -> !t.isUsed()).forEach(t -> t.markUsed(now));
        return Optional.of(citizen.getId());
    }

    private Optional<CitizenToken> resetToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Tokens.sha256(token.trim()))
            .filter(t -> t.getPurpose() == TokenPurpose.PASSWORD_RESET);
    }

    private LinkState stateOfReset(CitizenToken token) {
        Optional<Citizen> citizen = citizens.findById(token.getCitizenId()).filter(Citizen::isConfirmed);
        if (citizen.isEmpty()) {
            return LinkState.UNKNOWN;
        }
        if (token.isUsed()) {
            return LinkState.USED;
        }
        return token.isExpired(clock.instant()) ? LinkState.EXPIRED : LinkState.VALID;
    }

    /**
     * Deletes the account after the password was entered again: contributing modules first (while they can still
     * see who it was), then follows and tokens, then every personal field. Contributions stay, pseudonymised.
     *
     * @throws InputRejectedException   wrong password (field {@code password})
     * @throws TooManyAttemptsException too many wrong passwords for this account
     */
    public void deleteAccount(CitizenUser user, String password, String clientAddress) {
        Citizen citizen = citizens.findById(user.id()).filter(Citizen::isConfirmed)
            .orElseThrow(() -> new IllegalStateException("No active account " + user.id()));
        Subject byAccount = loginSubject(citizen);
        Subject byClient = new Subject(RateLimitedAction.LOGIN_FAILURE_PER_CLIENT, clientAddress);
        rateLimiter.check(citizen.getTenantId(), byAccount, byClient);
        if (!passwords.matches(password, citizen.getPasswordHash())) {
            rateLimiter.record(citizen.getTenantId(), byAccount, byClient);
            throw new InputRejectedException("password", "Das Passwort stimmt nicht. Ihr Konto wurde nicht "
                + "gelöscht.");
        }
        CitizenUser asItWas = new CitizenUser(citizen.getId(), citizen.getUsername(), citizen.getTenantId());
        List<PersonalDataContributor> all = contributors.orderedStream().toList();
        all.forEach(contributor -> contributor.accountDeleted(asItWas));
        tokens.deleteByCitizenId(citizen.getId());
        citizen.wipe(clock.instant());
        rateLimiter.clear(citizen.getTenantId(), byAccount);
    }

    /** Failed logins are counted per account, whichever of its names (username, e-mail) was typed. */
    static Subject loginSubject(Citizen citizen) {
        return new Subject(RateLimitedAction.LOGIN_FAILURE_PER_USERNAME, "account:" + citizen.getId());
    }

    private void startAccountMail(Citizen citizen, AccountMail kind) {
        runtimeService.createProcessInstanceByKey(CitizenProcesses.ACCOUNT_MAIL)
            .processDefinitionWithoutTenantId()
            .businessKey(String.valueOf(citizen.getId()))
            .setVariables(Map.of(
                CitizenProcesses.VAR_CITIZEN_ID, citizen.getId(),
                CitizenProcesses.VAR_TENANT_ID, citizen.getTenantId(),
                CitizenProcesses.VAR_MAIL_KIND, kind.name()))
            .execute();
    }

    // ---- process steps: each may run twice (a retried job) and then does nothing new ----

    /** Creates the opt-in link, valid until the end of the confirmation period, and mails it. */
    public void sendConfirmationMail(Long citizenId) {
        citizens.findById(citizenId).filter(c -> c.getStatus() == CitizenStatus.PENDING).ifPresent(citizen -> {
            String token = Tokens.newToken();
            Instant expiresAt = confirmationDeadline(citizen);
            tokens.save(new CitizenToken(citizen, TokenPurpose.CONFIRMATION, Tokens.sha256(token), clock.instant(),
                expiresAt));
            mail.sendWithSecretLink(mails.confirmation(citizen, token, expiresAt,
                "citizen-" + citizen.getId() + "-confirmation"));
        });
    }

    /** @param mailKey unique per requested mail (the mail process's instance id) */
    public void sendAccountMail(Long citizenId, AccountMail kind, String mailKey) {
        Optional<Citizen> found = citizens.findById(citizenId);
        if (found.isEmpty()) {
            return;
        }
        Citizen citizen = found.get();
        Instant now = clock.instant();
        String dedupKey = "citizen-" + citizen.getId() + "-" + kind.name().toLowerCase().replace('_', '-') + "-"
            + mailKey;
        switch (kind) {
            case CONFIRMATION_AGAIN -> {
                if (citizen.getStatus() == CitizenStatus.PENDING && now.isBefore(confirmationDeadline(citizen))) {
                    String token = Tokens.newToken();
                    Instant expiresAt = confirmationDeadline(citizen);
                    tokens.save(new CitizenToken(citizen, TokenPurpose.CONFIRMATION, Tokens.sha256(token), now,
                        expiresAt));
                    mail.sendWithSecretLink(mails.confirmation(citizen, token, expiresAt, dedupKey));
                }
            }
            case ALREADY_REGISTERED -> {
                if (citizen.isConfirmed()) {
                    mail.send(mails.alreadyRegistered(citizen, dedupKey));
                }
            }
            case PASSWORD_RESET -> {
                if (citizen.isConfirmed()) {
                    String token = Tokens.newToken();
                    Instant expiresAt = now.plus(properties.resetValidity());
                    tokens.save(new CitizenToken(citizen, TokenPurpose.PASSWORD_RESET, Tokens.sha256(token), now,
                        expiresAt));
                    mail.sendWithSecretLink(mails.passwordReset(citizen, token, expiresAt, dedupKey));
                }
            }
        }
    }

    /** The registration process's timer ran out: an account still unconfirmed is deleted with its links. */
    public void deleteUnconfirmed(Long citizenId) {
        citizens.findById(citizenId).filter(c -> c.getStatus() == CitizenStatus.PENDING).ifPresent(citizen -> {
            tokens.deleteByCitizenId(citizen.getId());
            citizens.delete(citizen);
        });
    }

    /** The same deadline as the registration process's timer, which starts with the registration. */
    private Instant confirmationDeadline(Citizen citizen) {
        return citizen.getCreatedAt().plus(properties.confirmationPeriod());
    }
}

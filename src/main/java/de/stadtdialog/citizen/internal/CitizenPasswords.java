package de.stadtdialog.citizen.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt for citizens' passwords. Not a {@code PasswordEncoder} bean on purpose: staff passwords belong to the
 * Camunda identity service, and nothing else should pick this one up.
 */
@Component
public class CitizenPasswords {

    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 10;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    /** Compared against when a username is unknown, so a wrong name takes as long as a wrong password. */
    private final String decoy = encoder.encode("decoy-password-for-unknown-accounts");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        if (hash == null) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }

    public static boolean tooLong(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}

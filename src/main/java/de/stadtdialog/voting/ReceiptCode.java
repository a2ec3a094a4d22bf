package de.stadtdialog.voting;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipt codes: 20 random characters of Crockford's base 32 (100 bits), shown as four groups of five
 * ({@code 7KQ2M-9XW4T-…}). Unguessable, so the published list of counted codes tells each voter about their own
 * ballot and nobody anything about anyone else's. Typing mistakes between look-alikes (O/0, I/L/1) are forgiven.
 */
public final class ReceiptCode {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCode() {
    }

    public static String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return grouped(new String(code));
    }

    /** The stored form of what someone typed, or empty if it cannot be a receipt code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (new String(ALPHABET).indexOf(mapped) >= 0) {
                plain.append(mapped);
            } else if (!Character.isWhitespace(c) && c != '-') {
                return Optional.empty();
            }
        }
        return plain.length() == LENGTH ? Optional.of(grouped(plain.toString())) : Optional.empty();
    }

    private static String grouped(String plain) {
        return plain.substring(0, 5) + "-" + plain.substring(5, 10) + "-" + plain.substring(10, 15) + "-"
            + plain.substring(15, 20);
    }
}

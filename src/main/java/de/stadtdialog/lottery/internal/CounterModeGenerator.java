package de.stadtdialog.lottery.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The lottery's documented random generator (docs/lottery.md, "Generator"): a byte stream of SHA-256 blocks
 * {@code block_i = SHA-256(seed || i)}, i = 0, 1, 2, ... as 8-byte big-endian; unsigned 32-bit big-endian
 * numbers are read from it in order, and {@link #below(int) uniform integers} come from them by rejection
 * sampling. Anyone can reimplement it in a few lines; the verifier re-derives every draw with it.
 */
public final class CounterModeGenerator {

    private static final long TWO_TO_32 = 1L << 32;

    private final byte[] seed;
    private long blockIndex;
    private byte[] block = new byte[0];
    private int position;

    public CounterModeGenerator(byte[] seed) {
        this.seed = seed.clone();
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    public static byte[] unhex(String hex) {
        if (hex.length() % 2 != 0 || !hex.matches("[0-9a-f]*")) {
            throw new IllegalArgumentException("not lower-case hex: " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private int nextByte() {
        if (position == block.length) {
            block = sha256(seed, ByteBuffer.allocate(8).putLong(blockIndex++).array());
            position = 0;
        }
        return block[position++] & 0xFF;
    }

    /** The next 4 bytes of the stream as an unsigned big-endian number, 0 ≤ r &lt; 2^32. */
    long nextUnsigned32() {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | nextByte();
        }
        return value;
    }

    /**
     * A uniform integer in [0, n): numbers r ≥ 2^32 - (2^32 mod n) are skipped (so every residue is equally
     * likely), the first other one gives r mod n.
     */
    public int below(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        long limit = TWO_TO_32 - (TWO_TO_32 % n);
        while (true) {
            long r = nextUnsigned32();
            if (r < limit) {
                return (int) (r % n);
            }
        }
    }

    /**
     * The first {@code count} entries of a forward Fisher–Yates shuffle of {@code items}, in place: for
     * i = 0 .. count-1, swap item i with item i + below(size - i).
     */
    public <T> void shuffleFirst(List<T> items, int count) {
        for (int i = 0; i < count && i < items.size() - 1; i++) {
            int j = i + below(items.size() - i);
            T swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }
}

package org.outreachdesk.vault;

import java.util.Arrays;

/**
 * The recovery key: 160 random bits as 32 Base32 characters in groups of four
 * ({@code ABCD-EFGH-…}), easy to write down and type. It opens the vault when every password is forgotten.
 */
public final class RecoveryKey {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private RecoveryKey() {
    }

    static char[] generate() {
        byte[] bits = Secrets.random(20);
        char[] out = new char[32 + 7];
        int o = 0;
        for (int i = 0; i < 32; i++) {
            if (i > 0 && i % 4 == 0) {
                out[o++] = '-';
            }
            int bit = i * 5;
            int v = ((bits[bit / 8] & 0xff) << 8 | (bit / 8 + 1 < bits.length ? bits[bit / 8 + 1] & 0xff : 0))
                    >> (11 - bit % 8) & 31;
            out[o++] = ALPHABET[v];
        }
        Arrays.fill(bits, (byte) 0);
        return out;
    }

    /** The key as typed: case, blanks and dashes ignored; returns a fresh array the caller wipes. */
    public static char[] normalise(char[] typed) {
        char[] tmp = new char[typed.length];
        int n = 0;
        for (char c : typed) {
            if (c != '-' && !Character.isWhitespace(c)) {
                tmp[n++] = Character.toUpperCase(c);
            }
        }
        char[] out = new char[n + (n > 0 ? (n - 1) / 4 : 0)];
        int o = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && i % 4 == 0) {
                out[o++] = '-';
            }
            out[o++] = tmp[i];
        }
        Arrays.fill(tmp, '\0');
        return out;
    }
}

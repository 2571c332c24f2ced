package org.outreachdesk.vault;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/** Small helpers for key material: randomness, and encoding without leaving copies in Strings. */
final class Secrets {

    static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The password's UTF-8 bytes, in a fresh array the caller wipes. */
    static byte[] utf8(char[] password) {
        ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return out;
    }
}

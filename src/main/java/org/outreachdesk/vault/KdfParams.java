package org.outreachdesk.vault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id parameters of one key slot. The cost is the brake on guessing a stolen laptop's passwords: it
 * is tuned so that one unlock takes well under a second on a 2-core field laptop, and not much less.
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /**
     * What new slots use: 128 MiB, 3 passes, 1 lane (OWASP's minimum is 19 MiB and 2 passes). Measured on the
     * project's 2-core machines (docs/notes/vault-ops.md): about 0.5 s of CPU per unlock, 0.85 s for the first
     * one in a fresh JVM; the former 64 MiB took about 0.23 s, well under the 1 s the brake may cost. Existing
     * slots keep the parameters written in them.
     */
    public static final KdfParams DEFAULT = new KdfParams(128 * 1024, 3, 1);

    public KdfParams {
        if (memoryKiB < 19 * 1024 || iterations < 2 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters below the accepted minimum");
        }
    }

    /**
     * Runs Argon2id once at a small cost (4 MiB, one pass) on a throw-away password, so that its code is loaded
     * and compiled before the first real unlock. Not a key derivation anything is protected with.
     */
    static void warmUp() {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(4 * 1024)
                .withIterations(1)
                .withParallelism(1)
                .withSalt(new byte[16])
                .build());
        gen.generateBytes("warm-up, not a secret".getBytes(StandardCharsets.UTF_8), new byte[32]);
    }

    /**
     * Derives a 256-bit key from the password's full UTF-8 bytes (every character counts, Khmer included).
     * The returned array belongs to the caller, who wipes it.
     */
    byte[] derive(char[] password, byte[] salt) {
        byte[] pwd = Secrets.utf8(password);
        try {
            Argon2BytesGenerator gen = new Argon2BytesGenerator();
            gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKiB)
                    .withIterations(iterations)
                    .withParallelism(parallelism)
                    .withSalt(salt)
                    .build());
            byte[] key = new byte[32];
            gen.generateBytes(pwd, key);
            return key;
        } finally {
            Arrays.fill(pwd, (byte) 0);
        }
    }
}

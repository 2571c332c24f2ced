package org.outreachdesk.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachdesk.vault.TestVaults.ADMIN_PASSWORD;
import static org.outreachdesk.vault.TestVaults.CLOCK;
import static org.outreachdesk.vault.TestVaults.FAST_KDF;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;

/**
 * Two threads saving at once (say, a backup finishing while an encounter is saved): every save gets its own
 * audit entry and the chain stays whole. Each entry chains to the head the previous one recorded, so two
 * transactions must not both read the same head.
 */
class ConcurrentAuditedWritesTest {

    @TempDir
    Path dir;

    @Test
    void concurrentSavesAllSucceedAndKeepTheChainWhole() throws Exception {
        try (Vault v = Vault.create(dir, "Org", "admin", ADMIN_PASSWORD.toCharArray(), CLOCK, FAST_KDF).vault()) {
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        try {
                            v.writeAudited(AuditAction.CREATE, "site", thread + "-" + i, null, tx -> null);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            var verification = v.database().read(tx -> v.audit().verify(tx));
            assertThat(verification.intact()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(1 + 75);
        }
    }
}

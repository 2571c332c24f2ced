package org.outreachdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.DirectoryEntry;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.ServiceType;

class RepositoriesTest {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        db = Database.openEncrypted(dir, key);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void stockOnHandIsTheSumOfTheLedgerPerCommodityAndTeam() {
        db.write(tx -> {
            tx.stock().insert(new CommodityMovement(TestData.meta(), LocalDate.of(2026, 10, 1), Commodity.MALE_CONDOM,
                    MovementKind.RECEIPT, 1000, "A", null, null));
            tx.stock().insert(new CommodityMovement(TestData.meta(), LocalDate.of(2026, 10, 2), Commodity.MALE_CONDOM,
                    MovementKind.ISSUE, -150, "A", null, null));
            tx.stock().insert(new CommodityMovement(TestData.meta(), LocalDate.of(2026, 10, 2), Commodity.LUBRICANT,
                    MovementKind.RECEIPT, 40, "B", null, null));
            return null;
        });
        java.util.Map<Commodity, Integer> all = db.read(tx -> tx.stock().onHand(null));
        assertThat(all)
                .containsEntry(Commodity.MALE_CONDOM, 850).containsEntry(Commodity.LUBRICANT, 40)
                .containsEntry(Commodity.FEMALE_CONDOM, 0);
        java.util.Map<Commodity, Integer> teamB = db.read(tx -> tx.stock().onHand("B"));
        assertThat(teamB).containsEntry(Commodity.MALE_CONDOM, 0);
        java.util.List<CommodityMovement> ledger = db.read(tx -> tx.stock().ledger(Commodity.MALE_CONDOM, 0, 10));
        assertThat(ledger).extracting(CommodityMovement::quantity)
                .containsExactly(-150, 1000);
    }

    @Test
    void theDirectoryIsSearchedByTextAndService() {
        db.write(tx -> {
            tx.directory().insert(new DirectoryEntry(TestData.meta(), "LICADHO", "Legal aid, human rights", null,
                    "Phnom Penh", Set.of(ServiceType.LEGAL, ServiceType.VIOLENCE), true));
            tx.directory().insert(new DirectoryEntry(TestData.meta(), "KHANA", "HIV testing and ART linkage", null,
                    "Pursat", Set.of(ServiceType.HTS, ServiceType.ART), true));
            return null;
        });
        java.util.List<DirectoryEntry> legal = db.read(tx -> tx.directory().search("legal", null, true));
        assertThat(legal).extracting(DirectoryEntry::name)
                .containsExactly("LICADHO");
        java.util.List<DirectoryEntry> hts = db.read(tx -> tx.directory().search(null, ServiceType.HTS, true));
        assertThat(hts).singleElement()
                .satisfies(e -> assertThat(e.services()).containsExactlyInAnyOrder(ServiceType.HTS, ServiceType.ART));
    }
}

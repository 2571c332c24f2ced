package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachdesk.app.OpsFixtures.TODAY;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.CommodityMovement;
import org.outreachdesk.domain.LedgerLine;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Role;

class StockServiceTest {

    @TempDir
    Path dir;

    private static StockService.Level level(StockService stock, String team, Commodity c) {
        return stock.levels(team).stream().filter(l -> l.commodity() == c).findFirst().orElseThrow();
    }

    @Test
    void receiptsAndIssuesChangeStockOnHandOverallAndPerTeam() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            StockService stock = new StockService(ws);
            stock.receive(Commodity.MALE_CONDOM, 5000, TODAY.minusDays(3), null, "from KHANA");
            stock.receive(Commodity.MALE_CONDOM, 800, TODAY.minusDays(2), "Team A", null);
            stock.issue(Commodity.MALE_CONDOM, 300, TODAY, "Team A", "expired");
            stock.receive(Commodity.LUBRICANT, 40, TODAY, " Team B ", null);
            assertThat(level(stock, null, Commodity.MALE_CONDOM).onHand()).isEqualTo(5500);
            assertThat(level(stock, "Team A", Commodity.MALE_CONDOM).onHand()).isEqualTo(500);
            assertThat(level(stock, "Team B", Commodity.LUBRICANT).onHand()).isEqualTo(40);
            assertThat(level(stock, "Team B", Commodity.MALE_CONDOM).onHand()).isZero();
            assertThat(stock.teams()).containsExactly("Team A", "Team B");
            Paged<LedgerLine> ledger = stock.ledger(Commodity.MALE_CONDOM, null, 0, 2);
            assertThat(ledger.total()).isEqualTo(3);
            assertThat(ledger.rows()).extracting(LedgerLine::movement).extracting(CommodityMovement::kind, CommodityMovement::quantity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(MovementKind.ISSUE, -300),
                            org.assertj.core.groups.Tuple.tuple(MovementKind.RECEIPT, 800));
            assertThat(ledger.hasNext()).isTrue();
            assertThat(stock.ledger(Commodity.MALE_CONDOM, null, 2, 2).rows()).singleElement()
                    .extracting(l -> l.movement().quantity()).isEqualTo(5000);
            assertThat(stock.ledger(null, "Team B", 0, 10).rows()).singleElement()
                    .extracting(l -> l.movement().commodity()).isEqualTo(Commodity.LUBRICANT);
            var audit = ws.vault().database().read(tx -> tx.audit().latest(1)).get(0);
            assertThat(audit.action()).isEqualTo(AuditAction.CREATE);
            assertThat(audit.recordType()).isEqualTo("commodity_movement");
        }
    }

    @Test
    void encounterHandOutsShowInTheLedgerAndDrawStockDown() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            StockService stock = new StockService(ws);
            stock.receive(Commodity.HIV_SELF_TEST, 60, TODAY, null, null);
            // as the encounter desk writes them
            ws.write(Permission.RECORDS, AuditAction.CREATE, "commodity_movement", null, null, tx -> {
                tx.stock().insert(new CommodityMovement(ws.newMeta(), TODAY, Commodity.HIV_SELF_TEST,
                        MovementKind.HANDOUT, -15, null, null, null));
                return null;
            });
            StockService.Level l = level(stock, null, Commodity.HIV_SELF_TEST);
            assertThat(l.onHand()).isEqualTo(45);
            assertThat(l.threshold()).isEqualTo(50);
            assertThat(l.low()).isTrue();
            assertThat(stock.ledger(null, null, 0, 10).rows()).extracting(x -> x.movement().kind())
                    .containsExactlyInAnyOrder(MovementKind.HANDOUT, MovementKind.RECEIPT);
        }
    }

    @Test
    void lowStockFollowsTheThresholdSetting() {
        try (Workspace ws = TestWorkspaces.as(Role.COORDINATOR, dir)) {
            StockService stock = new StockService(ws);
            assertThat(stock.thresholds()).containsEntry(Commodity.MALE_CONDOM, 1000)
                    .containsEntry(Commodity.FEMALE_CONDOM, 100).containsEntry(Commodity.LUBRICANT, 500)
                    .containsEntry(Commodity.HIV_SELF_TEST, 50);
            stock.receive(Commodity.FEMALE_CONDOM, 150, TODAY, null, null);
            assertThat(level(stock, null, Commodity.FEMALE_CONDOM).low()).isFalse();
            stock.setThreshold(Commodity.FEMALE_CONDOM, 200);
            assertThat(level(stock, null, Commodity.FEMALE_CONDOM).low()).isTrue();
            assertThat(stock.thresholds()).containsEntry(Commodity.FEMALE_CONDOM, 200);
            stock.setThreshold(Commodity.FEMALE_CONDOM, 0);
            assertThat(level(stock, null, Commodity.FEMALE_CONDOM).low()).isFalse();
            assertThatThrownBy(() -> stock.setThreshold(Commodity.FEMALE_CONDOM, -1))
                    .isInstanceOf(InvalidInputException.class);
            var audit = ws.vault().database().read(tx -> tx.audit().latest(1)).get(0);
            assertThat(audit.action()).isEqualTo(AuditAction.SETTING_CHANGED);
            assertThat(audit.recordId()).isEqualTo("stock.low.FEMALE_CONDOM");
        }
    }

    @Test
    void quantitiesDatesAndIssuesBeyondStockAreRefused() {
        try (Workspace ws = TestWorkspaces.admin(dir)) {
            StockService stock = new StockService(ws);
            stock.receive(Commodity.LUBRICANT, 100, TODAY, "Team A", null);
            assertThatThrownBy(() -> stock.receive(Commodity.LUBRICANT, 0, TODAY, null, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity");
            assertThatThrownBy(() -> stock.receive(Commodity.LUBRICANT, -5, TODAY, null, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity");
            assertThatThrownBy(() -> stock.receive(Commodity.LUBRICANT, 1_000_001, TODAY, null, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("quantity");
            assertThatThrownBy(() -> stock.receive(Commodity.LUBRICANT, 5, TODAY.plusDays(1), null, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
            assertThatThrownBy(() -> stock.receive(null, 5, TODAY, null, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("commodity");
            assertThatThrownBy(() -> stock.issue(Commodity.LUBRICANT, 101, TODAY, "Team A", null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Only 100 in stock");
            assertThatThrownBy(() -> stock.issue(Commodity.LUBRICANT, 1, TODAY, "Team B", null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Only 0 in stock");
            stock.issue(Commodity.LUBRICANT, 100, TODAY, "Team A", null);
            assertThat(level(stock, null, Commodity.LUBRICANT).onHand()).isZero();
            assertThat(stock.ledger(null, null, 0, 10).total()).isEqualTo(2);
        }
    }

    @Test
    void anOutreachWorkerSeesStockButCannotChangeIt() {
        try (Workspace ws = TestWorkspaces.as(Role.OUTREACH_WORKER, dir)) {
            StockService stock = new StockService(ws);
            assertThat(stock.levels(null)).hasSize(Commodity.values().length);
            assertThat(stock.ledger(null, null, 0, 10).rows()).isEmpty();
            assertThatThrownBy(() -> stock.receive(Commodity.MALE_CONDOM, 10, TODAY, null, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> stock.issue(Commodity.MALE_CONDOM, 10, TODAY, null, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> stock.setThreshold(Commodity.MALE_CONDOM, 10))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}

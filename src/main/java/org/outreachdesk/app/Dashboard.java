package org.outreachdesk.app;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.KpPrevStatus;
import org.outreachdesk.domain.ServiceType;

/**
 * The home view's figures for managers and coordinators: this month's reach and its trend, the KP_PREV
 * breakdown, coverage of sites against their estimated size, overdue referrals and stock running low. Counts
 * only, exact (the dashboard never leaves the laptop).
 */
public record Dashboard(LocalDate today, YearMonth month, long reached, long newContacts, long encounters,
                        List<MonthReach> trend, Map<KpPrevStatus, Long> kpPrev, List<SiteCoverage> coverage,
                        Map<ServiceType, Long> overdueReferrals, List<StockLevel> stock) {

    public Dashboard {
        trend = List.copyOf(trend);
        kpPrev = Map.copyOf(kpPrev);
        coverage = List.copyOf(coverage);
        overdueReferrals = Map.copyOf(overdueReferrals);
        stock = List.copyOf(stock);
    }

    /** Stock is low when it lasts fewer days than this at the last 90 days' rate of use. */
    public static final int LOW_STOCK_DAYS = 30;
    /** The window the rate of use is taken over. */
    public static final int USE_WINDOW_DAYS = 90;

    public record MonthReach(YearMonth month, long reached) {
    }

    /** A site this month: people reached there against its estimated size (null when unknown). */
    public record SiteCoverage(String code, String name, Integer estimatedSize, long reached, Double coveragePercent) {
    }

    /**
     * A commodity's stock on hand, what left the stock in the last {@value #USE_WINDOW_DAYS} days, how many days
     * the stock lasts at that rate (null when nothing was used) and whether that is fewer than
     * {@value #LOW_STOCK_DAYS}.
     */
    public record StockLevel(Commodity commodity, long onHand, long usedInWindow, Long daysLeft, boolean low) {
    }

    public long overdueTotal() {
        return overdueReferrals.values().stream().mapToLong(Long::longValue).sum();
    }

    public long lowStockCount() {
        return stock.stream().filter(StockLevel::low).count();
    }
}

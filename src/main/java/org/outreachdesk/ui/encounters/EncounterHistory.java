package org.outreachdesk.ui.encounters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.Site;
import org.outreachdesk.domain.Staff;
import org.outreachdesk.ui.common.HistoryPane;
import org.outreachdesk.ui.common.Labels;

/** How an encounter's history shows its values: sites and workers by their codes, statuses by their labels. */
final class EncounterHistory {

    private EncounterHistory() {
    }

    static HistoryPane.Values values(Labels l, List<Site> sites, List<Staff> staff) {
        Map<UUID, String> siteCodes = new HashMap<>();
        sites.stream().filter(s -> s != null).forEach(s -> siteCodes.put(s.meta().id(), s.code()));
        Map<UUID, String> staffCodes = new HashMap<>();
        staff.stream().filter(s -> s != null).forEach(s -> staffCodes.put(s.meta().id(), s.code()));
        return new HistoryPane.Values(l).codes("site", siteCodes).codes("worker", staffCodes)
                .enumField("hivStatus", HivStatus.class).enumField("type", EncounterType.class);
    }
}

package org.outreachdesk.ui.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.outreachdesk.domain.Commodity;
import org.outreachdesk.domain.DueWindow;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.MovementKind;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.StaffKind;
import org.outreachdesk.domain.VenueType;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.Labels;

/** The coordinators' screens have every string in English and in Khmer, enum labels included. */
class OpsBundleTest {

    private static Set<String> opsKeys(ResourceBundle b) {
        Set<String> keys = new TreeSet<>();
        for (String k : Collections.list(b.getKeys())) {
            if (k.startsWith("ops.")) {
                keys.add(k);
            }
        }
        return keys;
    }

    @Test
    void everyOpsKeyHasAKhmerTextOfItsOwn() {
        ResourceBundle en = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        ResourceBundle km = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("km"));
        Set<String> keys = opsKeys(en);
        assertThat(keys).hasSizeGreaterThan(150);
        for (String k : keys) {
            assertThat(km.getString(k)).as(k).isNotBlank();
            if (!k.equals("ops.referrals.noDue") && !k.equals("ops.incidents.shortcut")
                    && !k.equals("ops.referrals.selected") && !k.endsWith(".col.uic")) {
                assertThat(km.getString(k)).as("Khmer text of %s", k).isNotEqualTo(en.getString(k));
            }
        }
    }

    @Test
    void everyEnumTheScreensShowHasALabel() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("km"))) {
            Messages m = new Messages(l);
            Labels labels = new Labels(m);
            for (Class<? extends Enum<?>> type : List.of(ServiceType.class, IncidentType.class, Perpetrator.class,
                    VenueType.class, StaffKind.class, Commodity.class, MovementKind.class, ReferralStatus.class)) {
                for (Enum<?> e : type.getEnumConstants()) {
                    assertThat(labels.of(e)).as("%s %s.%s", l, type.getSimpleName(), e.name())
                            .doesNotStartWith("!").isNotBlank();
                }
            }
            for (DueWindow w : DueWindow.values()) {
                assertThat(m.get("ops.window." + w.name(), 3)).contains("3").doesNotStartWith("!");
            }
            assertThat(m.get("ops.referrals.state.overdue", 1L)).doesNotContain("{");
        }
        assertThat(new Messages(Locale.ENGLISH).get("ops.referrals.state.overdue", 1L)).isEqualTo("Overdue by 1 day");
        assertThat(new Messages(Locale.ENGLISH).get("ops.referrals.state.overdue", 4L)).isEqualTo("Overdue by 4 days");
    }
}

package org.outreachdesk.ui.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.outreachdesk.app.ProblemCode;
import org.outreachdesk.domain.ContactStatus;
import org.outreachdesk.domain.EncounterType;
import org.outreachdesk.domain.Gender;
import org.outreachdesk.domain.HivStatus;
import org.outreachdesk.domain.IncidentType;
import org.outreachdesk.domain.KpType;
import org.outreachdesk.domain.Perpetrator;
import org.outreachdesk.domain.ReferralStatus;
import org.outreachdesk.domain.ServiceType;
import org.outreachdesk.domain.Uic;
import org.outreachdesk.ui.common.Problems;
import org.outreachdesk.ui.common.Labels;

/** Every name and message the desk's screens can show exists in English and in Khmer. */
class DeskMessagesTest {

    static final List<Class<? extends Enum<?>>> SHOWN = List.of(Gender.class, KpType.class, ContactStatus.class,
            HivStatus.class, EncounterType.class, ServiceType.class, ReferralStatus.class, IncidentType.class,
            Perpetrator.class, Uic.SexAtBirth.class);

    static final List<String> FIELDS = List.of("uic", "date", "site", "worker", "maleCondoms", "femaleCondoms",
            "lubricants", "hivSelfTests", "note", "gender", "kpType", "birthYear", "birthDay", "birthMonth",
            "firstContactDate", "statusDate", "mother", "father", "sex", "referral", "referralDate");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = DeskMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Class<? extends Enum<?>> e : SHOWN) {
            for (Enum<?> c : e.getEnumConstants()) {
                keys.add("desk.enum." + e.getSimpleName() + "." + c.name());
            }
        }
        // every kind of problem the services and view-models report, from the one registry of them
        for (ProblemCode p : ProblemCode.values()) {
            keys.add("desk.problem." + p.code());
        }
        FIELDS.forEach(f -> keys.add("desk.field." + f));
        for (var c : org.outreachdesk.domain.Commodity.values()) {
            keys.add("desk.short." + c.name());
        }
        return keys;
    }

    @Test
    void everyKeyIsInEnglishAndKhmer() throws IOException {
        Properties en = load("messages.properties");
        Properties km = load("messages_km.properties");
        for (String k : keys()) {
            assertThat(en.getProperty(k)).as(k).isNotBlank();
            assertThat(km.getProperty(k)).as(k).isNotBlank();
        }
        for (String k : en.stringPropertyNames()) {
            if (k.startsWith("desk.") || k.startsWith("builder.") || k.startsWith("contacts.")
                    || k.startsWith("safeguarding.")) {
                assertThat(km.getProperty(k)).as("Khmer " + k).isNotBlank();
            }
        }
    }

    @Test
    void problemsNameTheirFieldInPlainWords() {
        Problems p = new Problems(new Labels(new org.outreachdesk.ui.common.Messages(java.util.Locale.ENGLISH)));
        assertThat(p.text(org.outreachdesk.app.FieldProblem.of("maleCondoms", ProblemCode.QUANTITY_NEGATIVE, "x")))
                .isEqualTo("Male condoms cannot be negative.");
        assertThat(p.text(org.outreachdesk.app.FieldProblem.of("referral.LEGAL", ProblemCode.REFERRAL_DUE_BEFORE_MADE, "x")))
                .isEqualTo("Legal aid: the follow-up date is before the encounter.");
        assertThat(p.text(org.outreachdesk.app.FieldProblem.of("x", "no.such.code", "the English text")))
                .isEqualTo("the English text");
    }
}

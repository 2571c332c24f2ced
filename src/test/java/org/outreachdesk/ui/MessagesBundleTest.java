package org.outreachdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every key of the English bundle is in the Khmer bundle, translated. */
class MessagesBundleTest {

    /** Keys whose Khmer text is rightly the same as the English: names and codes kept as they are. */
    private static final Set<String> KEPT_AS_IS = Set.of("app.title", "ops.referrals.noDue", "ops.referrals.col.uic",
            "ops.referrals.selected", "ops.incidents.shortcut", "ops.incidents.col.uic", "desk.field.uic", "conflicts.field.uic",
            "builder.preview", "contacts.search",
            "contacts.col.kp", "report.periodShown");
    private static final Pattern KHMER = Pattern.compile("[\\u1780-\\u17FF]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyEnglishKeyIsTranslatedIntoKhmer() throws IOException {
        Properties en = load("messages.properties");
        Properties km = load("messages_km.properties");
        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String k = km.getProperty(key);
            if (k == null || k.isBlank()) {
                missing.add(key);
            } else if (!KHMER.matcher(k).find() && !KEPT_AS_IS.contains(key)) {
                untranslated.add(key);
            } else if (!placeholdersOf(en.getProperty(key)).equals(placeholdersOf(k))) {
                placeholders.add(key);
            }
        }
        assertThat(missing).as("keys missing from messages_km.properties").isEmpty();
        assertThat(untranslated).as("keys left in English in messages_km.properties").isEmpty();
        assertThat(placeholders).as("keys whose {n} placeholders differ").isEmpty();
        assertThat(km.stringPropertyNames()).as("Khmer keys that English lacks").isSubsetOf(en.stringPropertyNames());
    }

    private static List<String> placeholdersOf(String text) {
        List<String> out = new ArrayList<>();
        var m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group().replaceAll("[^0-9]", "").substring(0, 1));
        }
        out.sort(String::compareTo);
        return out;
    }
}

package org.outreachdesk.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.app.ReportFixture;
import org.outreachdesk.app.TestWorkspaces;
import org.outreachdesk.app.Workspace;
import org.outreachdesk.domain.Role;
import org.outreachdesk.ui.common.Messages;
import org.outreachdesk.ui.common.ShellViewModel;
import org.outreachdesk.ui.common.Styles;
import org.outreachdesk.ui.common.UiContext;
import org.outreachdesk.ui.task.ImmediateTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A manager exports October 2026 of the hand-built vault ({@link ReportFixture}) as ADX from the Reports view with
 * a mapping file: the XML read back holds the hand-counted figures; a bad mapping is refused with its line.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsNationalExportViewTest {

    private static final String ADX_NS = "urn:ihe:qrph:adx:2015";

    /** Four figures; the counts are ReportFixture's, counted by hand (see NationalExportTest). */
    private static final String MAPPING = """
            # October's four figures
            data_set,DS_KP
            org_unit,OU_PURSAT
            Summary,Unique individuals reached,Value,DE_REACHED
            Summary,Encounters,Value,DE_ENC
            ReachByAgeSex,25-29,Female,DE_AGESEX,F2529,SEX=F;AGE=25-29
            Incidents,POLICE_HARASSMENT,Count,DE_INC,POLICE,TYPE=POLICE
            """;

    @TempDir
    static Path root;

    private Path dir;
    private Workspace ws;
    private Path chosen;
    private Path mapping;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(root, "national-view");
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        ReportFixture.insert(ws);
        Messages messages = new Messages(Locale.ENGLISH);
        UiContext ctx = new UiContext(ws, new ImmediateTaskExecutor(), messages, new ShellViewModel());
        ReportsView view = new ReportsView(new ReportsViewModel(ctx), messages,
                (window, suggested) -> chosen == null ? null : chosen.toFile(),
                window -> mapping == null ? null : mapping.toFile());
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(Styles.url());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    private void october(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Integer> month = robot.lookup("#report-month").queryAs(ComboBox.class);
        robot.interact(() -> month.setValue(10));
    }

    private String status(FxRobot robot) {
        return robot.lookup("#report-status").queryAs(Label.class).getText();
    }

    @Test
    void aManagerExportsAdxWithAMappingFile(FxRobot robot) throws Exception {
        october(robot);
        mapping = dir.resolve("mapping.csv");
        Files.writeString(mapping, MAPPING);
        chosen = dir.resolve("october.xml");
        assertThat(robot.lookup("#report-national-export").queryButton().isDisabled()).as("no mapping yet").isTrue();
        robot.clickOn("#report-national-adx");
        robot.clickOn("#report-national-mapping");
        assertThat(robot.lookup("#report-national-mapping-file").queryAs(Label.class).getText()).isEqualTo("mapping.csv");
        robot.clickOn("#report-national-export");

        assertThat(chosen).exists();
        assertThat(status(robot)).isEqualTo("Saved " + chosen.toAbsolutePath().normalize() + ": 4 figures written (ADX (XML)).");
        Map<String, String> read = adxValues(chosen);
        Map<String, String> byHand = new TreeMap<>();
        byHand.put("DE_REACHED", "6");                        // A B C D E G
        byHand.put("DE_ENC", "8");
        byHand.put("DE_AGESEX AGE=25-29 SEX=F", "2");         // A (1998) and B (2001)
        byHand.put("DE_INC TYPE=POLICE", "2");                // 10-08 and 10-09
        assertThat(read).isEqualTo(byHand);
        // the figures left out are listed by name
        ListView<?> unmapped = robot.lookup("#report-national-unmapped").queryAs(ListView.class);
        assertThat(unmapped.isVisible()).isTrue();
        assertThat(unmapped.getItems()).extracting(Object::toString)
                .contains("Summary New individuals/Value", "ReachByAgeSex 20-24/Female")
                .doesNotContain("Summary Encounters/Value", "ReachByAgeSex 25-29/Female");
    }

    @Test
    void aBadMappingShowsItsLineAndWritesNothing(FxRobot robot) throws Exception {
        october(robot);
        mapping = dir.resolve("bad.csv");
        Files.writeString(mapping, "data_set,DS\norg_unit,OU\n# fine\nSummary,Encounters,Value,DE1\n"
                + "ReachByAgeSex,12-14,Female,DE2\n");
        chosen = dir.resolve("bad.xml");
        robot.clickOn("#report-national-mapping");
        robot.clickOn("#report-national-export");
        assertThat(chosen).doesNotExist();
        assertThat(status(robot)).isEqualTo("Mapping line 5: table ReachByAgeSex has no row '12-14'.");
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getStyleClass()).contains("field-error");
    }

    /** dataElement plus its sorted disaggregation attributes → value, read with the JDK's DOM. */
    private static Map<String, String> adxValues(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = f.newDocumentBuilder().parse(in);
        }
        Element group = (Element) doc.getElementsByTagNameNS(ADX_NS, "group").item(0);
        assertThat(group.getAttribute("period")).isEqualTo("2026-10-01/P1M");
        assertThat(group.getAttribute("orgUnit")).isEqualTo("OU_PURSAT");
        assertThat(group.getAttribute("dataSet")).isEqualTo("DS_KP");
        NodeList values = group.getElementsByTagNameNS(ADX_NS, "dataValue");
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < values.getLength(); i++) {
            Element dv = (Element) values.item(i);
            Map<String, String> attrs = new TreeMap<>();
            for (int a = 0; a < dv.getAttributes().getLength(); a++) {
                var n = dv.getAttributes().item(a);
                attrs.put(n.getNodeName(), n.getNodeValue());
            }
            String key = attrs.remove("dataElement");
            String value = attrs.remove("value");
            for (var e : attrs.entrySet()) {
                key += " " + e.getKey() + "=" + e.getValue();
            }
            out.put(key, value);
        }
        return out;
    }
}

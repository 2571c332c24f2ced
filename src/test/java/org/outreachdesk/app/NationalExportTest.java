package org.outreachdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outreachdesk.domain.AuditAction;
import org.outreachdesk.domain.AuditEntry;
import org.outreachdesk.domain.ReportAudience;
import org.outreachdesk.domain.Role;
import org.outreachdesk.report.Cell;
import org.outreachdesk.domain.NationalFormat;
import org.outreachdesk.report.Report;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The national exports (ADX, DHIS2 JSON) of the hand-built October 2026 ({@link ReportFixture}): the figures read
 * back from the files are the hand-counted ones and the internal workbook's; the XML has the ADX profile's
 * structure; bad mappings are refused with their line and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalExportTest {

    private static final String ADX_NS = "urn:ihe:qrph:adx:2015";

    /**
     * Figure → (data element, combo, ADX attributes) and the value counted by hand from ReportFixture's table.
     */
    private static final String MAPPING = """
            # hand-made mapping for the October 2026 fixture
            data_set,DS_KP

            org_unit,OU_PURSAT
            Summary,Unique individuals reached,Value,DE_REACHED,,
            Summary,Encounters,Value,DE_ENC
            Summary,Male condoms,Value,DE_MC,,
            ReachByAgeSex,25-29,Female,DE_AGESEX,F2529,SEX=F;AGE=25-29
            ReachByAgeSex,35-39,Male,DE_AGESEX,M3539,SEX=M;AGE=35-39
            ReachByAgeSex,<15,Female,DE_AGESEX,F00,SEX=F;AGE=<15
            KP_PREV,FSW,Known Positive,DE_KPPREV,FSW_KP,KP=FSW;ST=KP
            KP_PREV,FSW,Declined Testing or Testing Referral,DE_KPPREV,FSW_DE,KP=FSW;ST=DE
            KP_PREV,TG,Newly Tested or Testing Referred,DE_KPPREV,TG_TR,KP=TG;ST=TR
            KP_PREV,Total,Total,DE_KPPREV_ALL,,
            Referrals,HTS,Made,DE_REF,HTS,SERVICE=HTS
            Referrals,HTS,Completion %,DE_REF_PCT,HTS,SERVICE=HTS
            Incidents,POLICE_HARASSMENT,Count,DE_INC,POLICE,TYPE=POLICE
            ReachBySite,KTV-01,Reached,DE_SITE,KTV01,SITE=KTV-01
            ReachBySite,ST-03,Coverage %,DE_SITE_COV,ST03,SITE=ST-03
            Commodities,OLD-04,Male condoms,DE_SITE_MC,OLD04,SITE=OLD-04
            """;

    /** The same figures, counted by hand from the fixture's table (see ReportFixture and ReportServiceTest). */
    private static final Map<String, String> BY_HAND = new LinkedHashMap<>();

    static {
        BY_HAND.put("DE_REACHED|", "6");          // A B C D E G
        BY_HAND.put("DE_ENC|", "8");
        BY_HAND.put("DE_MC|", "50");              // 10+4+6+8+12+5+2+3
        BY_HAND.put("DE_AGESEX|F2529", "2");      // A (1998) and B (2001)
        BY_HAND.put("DE_AGESEX|M3539", "1");      // C
        BY_HAND.put("DE_AGESEX|F00", "0");
        BY_HAND.put("DE_KPPREV|FSW_KP", "1");     // B
        BY_HAND.put("DE_KPPREV|FSW_DE", "1");     // G (positive only after the period)
        BY_HAND.put("DE_KPPREV|TG_TR", "1");      // D, declined but HTS referral in the period
        BY_HAND.put("DE_KPPREV_ALL|", "6");
        BY_HAND.put("DE_REF|HTS", "2");           // D and B
        BY_HAND.put("DE_REF_PCT|HTS", "50.0");    // B's completed
        BY_HAND.put("DE_INC|POLICE", "2");        // 10-08 and 10-09
        BY_HAND.put("DE_SITE|KTV01", "3");        // A B D
    }

    private Path dir;
    private Workspace ws;
    private ReportService service;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        dir = tmp;
        ws = TestWorkspaces.as(Role.MANAGER, dir.resolve("vault"));
        ReportFixture.insert(ws);
        service = new ReportService(ws);
        Files.writeString(dir.resolve("mapping.csv"), MAPPING);
    }

    @AfterAll
    void tearDown() {
        ws.close();
    }

    private NationalExportResult export(NationalFormat format, String period, Path out) {
        return service.exportNational(ReportRequest.of(period, ReportAudience.INTERNAL), format,
                dir.resolve("mapping.csv"), out);
    }

    @Test
    void theAdxFileCarriesTheHandCountedFiguresInTheProfilesStructure() throws Exception {
        Path out = dir.resolve("october.xml");
        NationalExportResult res = export(NationalFormat.ADX, "2026-10", out);
        assertThat(res.values()).isEqualTo(BY_HAND.size());

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try (InputStream in = Files.newInputStream(out)) {
            doc = f.newDocumentBuilder().parse(in);   // throws when not well-formed
        }
        Element adx = doc.getDocumentElement();
        assertThat(adx.getNamespaceURI()).isEqualTo(ADX_NS);
        assertThat(adx.getLocalName()).isEqualTo("adx");
        assertThat(adx.getAttribute("exported")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        List<Element> groups = children(adx);
        assertThat(groups).hasSize(1);
        Element group = groups.get(0);
        assertThat(group.getNamespaceURI()).isEqualTo(ADX_NS);
        assertThat(group.getLocalName()).isEqualTo("group");
        assertThat(group.getAttribute("orgUnit")).isEqualTo("OU_PURSAT");
        assertThat(group.getAttribute("period")).isEqualTo("2026-10-01/P1M");
        assertThat(group.getAttribute("dataSet")).isEqualTo("DS_KP");

        Map<String, String> read = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        for (Element dv : children(group)) {
            assertThat(dv.getNamespaceURI()).isEqualTo(ADX_NS);
            assertThat(dv.getLocalName()).isEqualTo("dataValue");
            assertThat(children(dv)).isEmpty();
            Map<String, String> attrs = new LinkedHashMap<>();
            NamedNodeMap nm = dv.getAttributes();
            for (int i = 0; i < nm.getLength(); i++) {
                attrs.put(nm.item(i).getNodeName(), nm.item(i).getNodeValue());
            }
            String de = attrs.remove("dataElement");
            String value = attrs.remove("value");
            assertThat(de).isNotBlank();
            assertThat(value).matches("\\d+(\\.\\d)?");
            // the ADX key of a value is its data element plus its disaggregation attributes
            String key = de + "|" + new java.util.TreeMap<>(attrs);
            assertThat(read.put(key, value)).as("one value per cell").isNull();
            attributes.put(de + "|" + comboOf(attrs), attrs);
        }
        Map<String, String> byHandAdx = new LinkedHashMap<>();
        for (var e : BY_HAND.entrySet()) {
            String combo = e.getKey().substring(e.getKey().indexOf('|') + 1);
            String de = e.getKey().substring(0, e.getKey().indexOf('|'));
            byHandAdx.put(de + "|" + new java.util.TreeMap<>(attrsOf(combo)), e.getValue());
        }
        assertThat(read).isEqualTo(byHandAdx);
        assertThat(Files.readString(out)).doesNotContain(ReportFixture.UICS[0]).doesNotContain(ReportFixture.NOTE);

        // absent (an inactive, unvisited site; a coverage without an estimated size) and unmapped are listed
        assertThat(res.absent()).containsExactlyInAnyOrder("ReachBySite ST-03/Coverage %",
                "Commodities OLD-04/Male condoms");
        assertThat(res.unmapped()).contains("Summary New individuals/Value", "ReachByAgeSex 20-24/Female")
                .doesNotContain("ReachByAgeSex 25-29/Female", "ReachBySite KTV-01/Site", "ReachBySite KTV-01/Venue type");
    }

    @Test
    void theDhis2JsonCarriesTheSameFiguresAsTheInternalWorkbook() throws Exception {
        Path out = dir.resolve("october.json");
        export(NationalFormat.DHIS2_JSON, "2026-10", out);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertThat(root.get("dataSet").asText()).isEqualTo("DS_KP");
        assertThat(root.get("period").asText()).isEqualTo("202610");
        assertThat(root.get("orgUnit").asText()).isEqualTo("OU_PURSAT");
        Map<String, String> read = new LinkedHashMap<>();
        for (JsonNode v : root.get("dataValues")) {
            String coc = v.has("categoryOptionCombo") ? v.get("categoryOptionCombo").asText() : "";
            assertThat(read.put(v.get("dataElement").asText() + "|" + coc, v.get("value").asText())).isNull();
        }
        assertThat(read).isEqualTo(BY_HAND);

        // and the internal workbook of the same period says the same
        Report internal = service.report(ReportRequest.of("2026-10", ReportAudience.INTERNAL));
        assertThat(read.get("DE_AGESEX|F2529")).isEqualTo(internal.table("ReachByAgeSex").cell("25-29", "Female").shown(""));
        assertThat(read.get("DE_KPPREV_ALL|")).isEqualTo(internal.table("KP_PREV").cell("Total", "Total").shown(""));
        assertThat(read.get("DE_REF_PCT|HTS")).isEqualTo(internal.table("Referrals").cell("HTS", "Completion %").shown(""));
        assertThat(internal.table("ReachBySite").cell("KTV-01", "Reached")).isEqualTo(new Cell.Count(3, false));
    }

    @Test
    void periodsInEachFormat() throws Exception {
        Path q = dir.resolve("q.json");
        export(NationalFormat.DHIS2_JSON, "2026-Q3", q);
        assertThat(new ObjectMapper().readTree(q.toFile()).get("period").asText()).isEqualTo("2026Q3");
        export(NationalFormat.DHIS2_JSON, "2026-H2", q);
        assertThat(new ObjectMapper().readTree(q.toFile()).get("period").asText()).isEqualTo("2026S2");
        export(NationalFormat.DHIS2_JSON, "2026", q);
        assertThat(new ObjectMapper().readTree(q.toFile()).get("period").asText()).isEqualTo("2026");
        Path x = dir.resolve("q.xml");
        export(NationalFormat.ADX, "2026-Q3", x);
        assertThat(Files.readString(x)).contains("period=\"2026-07-01/P3M\"");
        export(NationalFormat.ADX, "2026", x);
        assertThat(Files.readString(x)).contains("period=\"2026-01-01/P1Y\"");
        service.exportNational(ReportRequest.custom(java.time.LocalDate.parse("2026-10-01"),
                java.time.LocalDate.parse("2026-10-15"), ReportAudience.INTERNAL), NationalFormat.ADX,
                dir.resolve("mapping.csv"), x);
        assertThat(Files.readString(x)).contains("period=\"2026-10-01/P15D\"");
        assertThatThrownBy(() -> service.exportNational(ReportRequest.custom(java.time.LocalDate.parse("2026-10-01"),
                java.time.LocalDate.parse("2026-10-15"), ReportAudience.INTERNAL), NationalFormat.DHIS2_JSON,
                dir.resolve("mapping.csv"), dir.resolve("c.json"))).isInstanceOf(InvalidInputException.class);
        assertThat(dir.resolve("c.json")).doesNotExist();
    }

    @Test
    void anExportIsAuditedWithoutContent() throws Exception {
        export(NationalFormat.ADX, "2026-10", dir.resolve("audited.xml"));
        List<AuditEntry> audit = ws.read(Permission.RECORDS, tx -> tx.audit().latest(3));
        AuditEntry e = audit.stream().filter(a -> a.action() == AuditAction.EXPORT).findFirst().orElseThrow();
        assertThat(e.detail()).contains("format=adx").contains("period=2026-10").contains("audience=internal")
                .doesNotContain("DE_").doesNotContain(ReportFixture.UICS[1]);
    }

    @Test
    void badMappingsAreRefusedWithTheirLineAndNothingIsWritten() throws Exception {
        String head = "data_set,DS\norg_unit,OU\n";
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(head + "# fine\nSummary,Encounters,Value,DE1\nNoSuchTable,x,y,DE2\n", "line 5");
        bad.put(head + "ReachByAgeSex,12-14,Female,DE1\n", "line 3");
        bad.put(head + "\n\nReachByAgeSex,20-24,Woman,DE1\n", "line 5");
        bad.put(head + "ReachBySite,KTV-01,Site,DE1\n", "line 3");                 // a name, not a figure
        bad.put(head + "ReachBySite,NO-SUCH-SITE,Reached,DE1\n", "line 3");
        bad.put(head + "Summary,Encounters,Value,DE1,,A=1\nSummary,Lubricants,Value,DE1,,A=1\n", "line 4");
        bad.put(head + "Summary,Encounters,Value,DE1,,1X=2\n", "line 3");
        bad.put(head + "Summary,Encounters\n", "line 3");
        bad.put("data_set,DS\nSummary,Encounters,Value,DE1\n", "org_unit");
        for (var e : bad.entrySet()) {
            Path m = dir.resolve("bad.csv");
            Files.writeString(m, e.getKey(), StandardCharsets.UTF_8);
            Path out = dir.resolve("bad.xml");
            assertThatThrownBy(() -> service.exportNational(ReportRequest.of("2026-10", ReportAudience.INTERNAL),
                    NationalFormat.ADX, m, out)).as(e.getKey()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(e.getValue());
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void theShippedExampleMappingIsUsable() throws Exception {
        Path m = dir.resolve("example.csv");
        try (InputStream in = getClass().getResourceAsStream("/examples/dhis2-mapping.csv")) {
            Files.copy(in, m);
        }
        NationalExportResult res = service.exportNational(ReportRequest.of("2026-10", ReportAudience.INTERNAL),
                NationalFormat.DHIS2_JSON, m, dir.resolve("example.json"));
        assertThat(res.values()).isGreaterThan(20);
    }

    @Test
    void aCoordinatorGetsNoNationalExport(@TempDir Path other) {
        try (Workspace coordinator = TestWorkspaces.as(Role.COORDINATOR, other.resolve("vault"))) {
            assertThatThrownBy(() -> new ReportService(coordinator).exportNational(
                    ReportRequest.of("2026-10", ReportAudience.INTERNAL), NationalFormat.ADX, dir.resolve("mapping.csv"),
                    other.resolve("c.xml"))).isInstanceOf(AccessDeniedException.class);
            assertThat(other.resolve("c.xml")).doesNotExist();
        }
    }

    private static List<Element> children(Element e) {
        List<Element> out = new java.util.ArrayList<>();
        NodeList nl = e.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            Node n = nl.item(i);
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            } else {
                assertThat(n.getTextContent()).as("only white space between elements").isBlank();
            }
        }
        return out;
    }

    /** The mapping's combos and their ADX attributes (as written in MAPPING). */
    private static final Map<String, Map<String, String>> ADX_OF = new HashMap<>();

    static {
        for (String line : MAPPING.split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length < 6 || line.startsWith("#")) {
                continue;
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            for (String pair : f[5].split(";")) {
                if (!pair.isBlank()) {
                    attrs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            ADX_OF.put(f[4], attrs);
        }
    }

    private static Map<String, String> attrsOf(String combo) {
        return ADX_OF.getOrDefault(combo, Map.of());
    }

    private static String comboOf(Map<String, String> attrs) {
        return ADX_OF.entrySet().stream().filter(e -> e.getValue().equals(attrs)).map(Map.Entry::getKey).findFirst()
                .orElse("");
    }
}

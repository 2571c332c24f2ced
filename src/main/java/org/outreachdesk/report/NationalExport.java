package org.outreachdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.outreachdesk.domain.InvalidPeriodException;
import org.outreachdesk.domain.ReportPeriod;
import org.outreachdesk.domain.NationalFormat;
import java.util.Locale;

/**
 * Writes a report's mapped exact figures for a national system: the IHE QRPH ADX profile's XML (one
 * {@code group} for the org unit, period and data set; one {@code dataValue} per figure with its disaggregation
 * attributes) or DHIS2's {@code dataValueSets} JSON. Holds aggregates only, as the mapping resolves them from the
 * report; never a UIC, a note or a row about one person.
 */
public final class NationalExport {

    /** The ADX profile's namespace. */
    public static final String ADX_NAMESPACE = "urn:ihe:qrph:adx:2015";

    private NationalExport() {
    }

    /** The file's bytes (UTF-8). */
    public static byte[] bytes(NationalFormat format, ReportPeriod period, NationalMapping.Resolved figures,
                               Instant exported) {
        return switch (format) {
            case ADX -> adx(period, figures, exported);
            case DHIS2_JSON -> dhis2Json(period, figures);
        };
    }

    /**
     * The ADX period: the first day and an ISO 8601 duration ({@code 2026-10-01/P1M}, {@code 2026-07-01/P3M},
     * {@code 2026-01-01/P6M}, {@code 2026-01-01/P1Y}; custom dates {@code 2026-10-01/P15D}).
     */
    public static String adxPeriod(ReportPeriod p) {
        String duration = switch (p.kind()) {
            case MONTH -> "P1M";
            case QUARTER -> "P3M";
            case HALF_YEAR -> "P6M";
            case YEAR -> "P1Y";
            case CUSTOM -> "P" + (ChronoUnit.DAYS.between(p.start(), p.end()) + 1) + "D";
        };
        return p.start() + "/" + duration;
    }

    /**
     * The DHIS2 period identifier: {@code 202610} (monthly), {@code 2026Q3} (quarterly), {@code 2026S1} (six-monthly),
     * {@code 2026} (yearly). Custom dates have none.
     *
     * @throws InvalidPeriodException for custom dates
     */
    public static String dhis2Period(ReportPeriod p) {
        LocalDate s = p.start();
        return switch (p.kind()) {
            case MONTH -> String.format(Locale.ROOT, "%04d%02d", s.getYear(), s.getMonthValue());
            case QUARTER -> s.getYear() + "Q" + ((s.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> s.getYear() + "S" + (s.getMonthValue() == 1 ? 1 : 2);
            case YEAR -> Integer.toString(s.getYear());
            case CUSTOM -> throw new InvalidPeriodException("period.noDhis2Period", "DHIS2 has no period for custom dates "
                    + "(use a month, quarter, half-year or year, or the adx format)");
        };
    }

    static byte[] adx(ReportPeriod period, NationalMapping.Resolved figures, Instant exported) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(ADX_NAMESPACE);
            w.writeStartElement(ADX_NAMESPACE, "adx");
            w.writeDefaultNamespace(ADX_NAMESPACE);
            w.writeAttribute("exported", exported.truncatedTo(ChronoUnit.SECONDS).toString());
            w.writeCharacters("\n  ");
            w.writeStartElement(ADX_NAMESPACE, "group");
            w.writeAttribute("orgUnit", figures.orgUnit());
            w.writeAttribute("period", adxPeriod(period));
            w.writeAttribute("dataSet", figures.dataSet());
            for (NationalMapping.Value v : figures.values()) {
                w.writeCharacters("\n    ");
                w.writeEmptyElement(ADX_NAMESPACE, "dataValue");
                w.writeAttribute("dataElement", v.entry().dataElement());
                for (Map.Entry<String, String> d : v.entry().disaggregation().entrySet()) {
                    w.writeAttribute(d.getKey(), d.getValue());
                }
                w.writeAttribute("value", v.value());
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the ADX file could not be written (" + e.getClass().getSimpleName() + ")");
        }
        return out.toByteArray();
    }

    static byte[] dhis2Json(ReportPeriod period, NationalMapping.Resolved figures) {
        String pe = dhis2Period(period);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("dataSet", figures.dataSet());
            g.writeStringField("period", pe);
            g.writeStringField("orgUnit", figures.orgUnit());
            g.writeArrayFieldStart("dataValues");
            for (NationalMapping.Value v : figures.values()) {
                g.writeStartObject();
                g.writeStringField("dataElement", v.entry().dataElement());
                if (!v.entry().categoryOptionCombo().isEmpty()) {
                    g.writeStringField("categoryOptionCombo", v.entry().categoryOptionCombo());
                }
                g.writeStringField("value", v.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

}

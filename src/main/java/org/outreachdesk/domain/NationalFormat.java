package org.outreachdesk.domain;

/**
 * The formats in which a report's exact aggregates go to a national (DHIS2-based) system: the IHE QRPH ADX
 * profile's XML, or DHIS2's {@code dataValueSets} JSON.
 */
public enum NationalFormat implements Coded {
    ADX("adx", ".xml"),
    DHIS2_JSON("dhis2-json", ".json");

    private final String code;
    private final String extension;

    NationalFormat(String code, String extension) {
        this.code = code;
        this.extension = extension;
    }

    @Override
    public String code() {
        return code;
    }

    /** The file name ending the output must have ({@code .xml}, {@code .json}). */
    public String extension() {
        return extension;
    }
}

package org.outreachdesk.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for the short codes of sites and staff ({@code KTV-03}, {@code OW01}). */
public final class Codes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,19}");

    private Codes() {
    }

    /** Normalises a code (trimmed, uppercase) and checks it: letters, digits, '-' and '_', at most 20. */
    public static String requireCode(String code, String what) {
        String c = normalise(code);
        if (!CODE.matcher(c).matches()) {
            throw new IllegalArgumentException(what + " must be 1-20 letters, digits, '-' or '_'");
        }
        return c;
    }

    public static boolean isValid(String code) {
        return CODE.matcher(normalise(code)).matches();
    }

    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}

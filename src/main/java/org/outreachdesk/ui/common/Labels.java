package org.outreachdesk.ui.common;

import java.time.LocalDate;

import org.outreachdesk.domain.Coded;


/**
 * Names of codes (enum constants) and dates as every screen shows them, from the bundles: one key per enum
 * constant, {@code desk.enum.<Type>.<NAME>}, in each language (the donor workbook's words for services and
 * incidents are the same, see {@code report/labels*.properties}).
 */
public final class Labels {

    private final Messages messages;

    public Labels(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    /** The name of an enum constant: key {@code desk.enum.<Type>.<NAME>}. */
    public String of(Enum<?> e) {
        if (e == null) {
            return "";
        }
        return messages.get("desk.enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }

    /** A code and its name, {@code "HTS – HIV testing"}: where people pick or read codes they know. */
    public <E extends Enum<E> & Coded> String coded(E e) {
        if (e == null) {
            return "";
        }
        return e.code() + " – " + of(e);
    }

    public String date(LocalDate d) {
        return Dates.format(d);
    }

    public String get(String key, Object... args) {
        return messages.get(key, args);
    }
}

package org.outreachdesk.ui.common;

import java.time.LocalDate;


/** Names of codes (enum constants) and dates as the desk's screens show them, from the bundles. */
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

    public String date(LocalDate d) {
        return Dates.format(d);
    }

    public String get(String key, Object... args) {
        return messages.get(key, args);
    }
}

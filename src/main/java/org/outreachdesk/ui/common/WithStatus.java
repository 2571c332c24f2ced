package org.outreachdesk.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;

/**
 * A view-model whose work is reported by its {@link Status}: the three properties a view binds to (message line,
 * whether it is an error, busy), written once here instead of in every view-model.
 */
public interface WithStatus {

    Status status();

    default StringProperty messageProperty() {
        return status().messageProperty();
    }

    default BooleanProperty errorProperty() {
        return status().errorProperty();
    }

    default BooleanProperty busyProperty() {
        return status().busyProperty();
    }
}

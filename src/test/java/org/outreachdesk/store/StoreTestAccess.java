package org.outreachdesk.store;

import org.jooq.DSLContext;

/** Lets tests of other packages reach under the repositories (to tamper with rows, for example). */
public final class StoreTestAccess {

    private StoreTestAccess() {
    }

    public static DSLContext dsl(Database db) {
        return db.dsl();
    }
}

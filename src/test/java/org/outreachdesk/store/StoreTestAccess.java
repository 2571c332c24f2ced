package org.outreachdesk.store;

import org.jooq.DSLContext;

/** Lets tests of other packages reach under the repositories (to tamper with rows, for example). */
public final class StoreTestAccess {

    private StoreTestAccess() {
    }

    public static DSLContext dsl(Database db) {
        return db.dsl();
    }

    /**
     * Opens every database of this JVM from now on through H2's recording file system ({@code rec:}): the same
     * files on disk, with {@code recorder} told of every write right after it is done (crash tests).
     */
    public static void recordWrites(org.h2.store.fs.Recorder recorder) {
        org.h2.store.fs.rec.FilePathRec.register();
        org.h2.store.fs.rec.FilePathRec.setRecorder(recorder);
        Database.fileSystem = "rec:";
    }
}

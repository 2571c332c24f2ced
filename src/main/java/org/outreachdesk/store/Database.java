package org.outreachdesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.BatchBindStep;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.outreachdesk.domain.SettingKey;
import org.outreachdesk.store.jooq.DefaultSchema;

/**
 * One open vault database: an H2 file encrypted with AES under a random key the program made, migrated
 * by Flyway from {@code schema/} and queried through jOOQ.
 *
 * <p>H2-specific work (the connection URL, durable checkpoints, compaction, online backup) is kept in
 * this class; everything else talks jOOQ's DSL so the same code can later run on PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** File name stem of the database inside a vault folder; H2 adds {@code .mv.db}. */
    public static final String FILE_STEM = "outreach";
    /** The database file's name inside a vault folder. */
    public static final String FILE_NAME = FILE_STEM + ".mv.db";
    private static final String DB_USER = "desk";
    /**
     * <ul>
     *   <li>{@code TRACE_LEVEL_FILE=0}: H2's trace file is plaintext.</li>
     *   <li>{@code WRITE_DELAY=0}: every commit is written at once.</li>
     *   <li>{@code REUSE_SPACE=FALSE}: new data is only ever appended. With space reuse on, a process killed
     *       after writing into reused space reopened at an older version, losing commits that had been
     *       reported durable ({@code CHECKPOINT SYNC} done): KillDuringSaveTest caught it within a few rounds.
     *       Appending only, the newest commit is always the one at the end of the file. The price is a file
     *       that grows with every commit until it is compacted on close ({@link CompactionRule}).</li>
     *   <li>{@code MAX_COMPACT_TIME=0}: a plain close never starts H2's time-boxed in-place compaction, which on
     *       a file full of old versions took seconds and could leave the file larger than before; compaction
     *       is decided explicitly instead, and done by rewriting into a new file.</li>
     *   <li>{@code CACHE_SIZE=131072}: up to 128 MB of decrypted pages kept in memory (H2's default is 16 MB).
     *       Reports probe the encounter indexes once per person reached; with 1,000,000 encounters those indexes
     *       outgrow 16 MB and every miss re-reads and decrypts a page: the month's reach query took 1.8 s with
     *       16 MB and 0.3 s with 128 MB on the benchmark's large vault (docs/benchmarks.md). The cache fills
     *       only as pages are read, so small vaults use little of it.</li>
     * </ul>
     */
    private static final String OPTIONS = ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;REUSE_SPACE=FALSE"
            + ";MAX_COMPACT_TIME=0;CACHE_SIZE=131072";

    /**
     * H2's file system for the database file: {@code file:} (the disk). Crash tests switch it to H2's recording
     * file system ({@code rec:}, the same disk with a hook on every write) to stop the program at an exact write.
     */
    static volatile String fileSystem = "file:";

    private final Path file;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final char[] password;
    private final String cipher;

    private Database(Path file, JdbcConnectionPool pool, char[] password, String cipher) {
        this.file = file;
        this.pool = pool;
        this.password = password;
        this.cipher = cipher;
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(pool)
                .set(SQLDialect.H2)
                .set(settings())
                .set(new DefaultExecuteListenerProvider(new SanitizingListener())));
    }

    /** jOOQ settings: unquoted names (portable across H2 and PostgreSQL), no SQL or bind values in logs. */
    static Settings settings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderSchema(false)
                .withExecuteLogging(false)
                .withDiagnosticsLogging(false);
    }

    /**
     * Opens (creating if needed) the encrypted database in {@code folder} and brings its schema up to date.
     *
     * @param fileKey the random data key (32 bytes); copied, the caller may wipe its array afterwards
     * @throws WrongKeyException  when the key does not open the file
     * @throws VaultInUseException when another program has the database open
     */
    public static Database openEncrypted(Path folder, byte[] fileKey) {
        Objects.requireNonNull(fileKey, "fileKey");
        char[] hex = HexFormat.of().formatHex(fileKey).toCharArray();
        // H2 takes "<file password> <user password>"; both are derived from the random key, never typed.
        char[] password = new char[hex.length * 2 + 1];
        System.arraycopy(hex, 0, password, 0, hex.length);
        password[hex.length] = ' ';
        System.arraycopy(hex, 0, password, hex.length + 1, hex.length);
        Arrays.fill(hex, '\0');
        return open(folder, ";CIPHER=AES", password);
    }

    /**
     * Opens an unencrypted database. Only for the benchmark's plain copy and for tests that need a control
     * that can fail; a vault never uses it.
     */
    public static Database openPlain(Path folder) {
        return open(folder, "", DB_USER.toCharArray());
    }

    private static Database open(Path folder, String cipher, char[] password) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create the vault folder", e);
        }
        Path file = folder.resolve(FILE_STEM);
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource(file, cipher, password));
        pool.setMaxConnections(4);
        try (Connection probe = pool.getConnection()) {
            LOG.debug("database opened");
            finishInterruptedCommits(probe);
        } catch (SQLException e) {
            pool.dispose();
            Arrays.fill(password, '\0');
            throw translate(e);
        } catch (RuntimeException e) {
            pool.dispose();
            Arrays.fill(password, '\0');
            throw e;
        }
        Database db = new Database(file, pool, password, cipher);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Applies the rest of any commit a crash interrupted ({@link InterruptedCommits}) and makes that durable, before
     * anything else writes: otherwise the vault would hold half of that transaction and the first write to one of
     * its rows (the unlock's LOGIN entry) would spin for ever.
     */
    private static void finishInterruptedCommits(Connection c) throws SQLException {
        int finished = InterruptedCommits.finish(c);
        if (finished > 0) {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
            LOG.warn("finished {} commit(s) that a crash had interrupted", finished);
        }
    }

    private static final Object WARM_UP_LOCK = new Object();
    private static boolean warmedUp;

    /**
     * Loads and initialises, once per program, what opening a vault database needs: H2's engine and its AES
     * file encryption, Flyway (with this program's migrations) and jOOQ with the repositories. It works on a
     * private in-memory database that is dropped at the end: no file is read or written, no vault touched.
     * The first real unlock then skips most of that cost (see docs/notes/restore.md). Safe to call from any
     * thread and more than once.
     */
    public static void warmUp() {
        synchronized (WARM_UP_LOCK) {
            if (warmedUp) {
                return;
            }
            warmedUp = true;
        }
        long started = System.nanoTime();
        // the classes the encrypted file store uses; an in-memory database never encrypts
        for (String c : new String[] {"org.h2.security.AES", "org.h2.security.CipherFactory",
                "org.h2.store.fs.encrypt.FilePathEncrypt", "org.h2.store.fs.encrypt.FileEncrypt"}) {
            try {
                Class.forName(c, true, Database.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("warm-up: {} not loaded", c);
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:warm-up-" + UUID.randomUUID() + ";TRACE_LEVEL_FILE=0");
        ds.setUser(DB_USER);
        ds.setPassword("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        // one connection held open keeps the in-memory database alive until the end
        try (Connection keep = pool.getConnection()) {
            Database db = new Database(null, pool, new char[0], "");
            db.migrate();
            db.read(tx -> tx.settings().get(SettingKey.ORGANISATION));
            db.write(tx -> tx.users().findById(UUID.randomUUID()));
            try (Statement st = keep.createStatement()) {
                st.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            LOG.debug("warm-up: in-memory database failed (H2 error {})", e.getErrorCode());
        } catch (RuntimeException e) {
            LOG.debug("warm-up: in-memory database failed ({})", e.getClass().getName());
        } finally {
            pool.dispose();
        }
        LOG.info("database classes warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static JdbcDataSource dataSource(Path file, String cipher, char[] password) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:" + fileSystem + file.toAbsolutePath() + cipher + OPTIONS);
        ds.setUser(DB_USER);
        ds.setPasswordChars(password);
        return ds;
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            installChangeCapture();
        } catch (FlywayException e) {
            throw new StoreException("the database schema could not be brought up to date", e);
        }
    }

    /**
     * Puts the change log's trigger ({@link ChangeCapture}) on every table a team shares. Not a migration: H2 loads a
     * trigger's class when it is created, and the migrations are also read at build time, before the class exists.
     */
    private void installChangeCapture() {
        for (Table<?> t : SyncRepository.TABLES) {
            String name = t.getName().toLowerCase(Locale.ROOT);
            dsl.execute("CREATE TRIGGER IF NOT EXISTS " + name + "_change_log AFTER INSERT, UPDATE, DELETE ON " + name
                    + " FOR EACH ROW CALL '" + ChangeCapture.class.getName() + "'");
        }
    }

    static RuntimeException translate(SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.FILE_ENCRYPTION_ERROR_1 || code == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new WrongKeyException();
        }
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new VaultInUseException();
        }
        return new StoreException("the database could not be opened (H2 error " + code + ")", e);
    }

    /** The jOOQ context for queries; each statement borrows a pooled connection. */
    DSLContext dsl() {
        return dsl;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    public <T> T write(Function<Tx, T> work) {
        try {
            return dsl.transactionResult(cfg -> work.apply(new Tx(cfg.dsl())));
        } finally {
            ChangeCapture.afterTransaction();
        }
    }

    /** Reads through the repositories (each statement on its own; use {@link #write} for a consistent unit). */
    public <T> T read(Function<Tx, T> work) {
        return work.apply(new Tx(dsl));
    }

    /** Runs {@code work} in one transaction at the jOOQ level (store-internal code and tests). */
    void transact(Consumer<DSLContext> work) {
        try {
            dsl.transaction(cfg -> work.accept(cfg.dsl()));
        } finally {
            ChangeCapture.afterTransaction();
        }
    }

    /**
     * Forces everything committed so far onto the disk (H2 {@code CHECKPOINT SYNC}): after this returns a
     * power cut loses nothing. Called after saves that matter and before locking.
     */
    public void checkpoint() {
        dsl.execute("CHECKPOINT SYNC");
    }

    /** The database file ({@code …/outreach.mv.db}). */
    public Path mainFile() {
        return file.resolveSibling(FILE_NAME);
    }

    /**
     * When closing rewrites the file into a compact one ({@code SHUTDOWN COMPACT}, which writes a new file
     * and renames it over the old, so a crash meanwhile leaves the old file whole). H2 writes every commit
     * as a new chunk and, with {@code WRITE_DELAY=0}, never tidies old chunks while open, so a busy session
     * leaves the file several times larger than its data. Compacting costs time in proportion to the live
     * data (about 5 s of CPU for 50,000 encounters, see docs/notes/vault-ops.md), so it is done only when
     * the dead space is both large in bytes and large against the live data: everyday locks stay fast,
     * and the cost is paid once after heavy writing (an import, a long day of entry).
     *
     * @param minDeadBytes   compact only when at least this many bytes are dead
     * @param maxFillPercent compact only when at most this share of the file is live
     */
    record CompactionRule(long minDeadBytes, int maxFillPercent) {
        static final CompactionRule ON_CLOSE = new CompactionRule(32L << 20, 34);
        /** For backup copies: compact unless the copy is already nearly all live data. */
        static final CompactionRule FOR_COPY = new CompactionRule(0, 80);
        static final CompactionRule NEVER = new CompactionRule(Long.MAX_VALUE, -1);

        boolean wants(long fileBytes, int fillPercent) {
            long dead = fileBytes - fileBytes * fillPercent / 100;
            return fillPercent <= maxFillPercent && dead >= minDeadBytes;
        }
    }

    /**
     * Writes a consistent, compact copy of this database, taken while it stays open and in use, as
     * {@code folder/outreach.mv.db}. The copy is encrypted exactly like the original (same key); at no
     * point is anything written in clear. H2's online {@code BACKUP} copies the file's pages as they are
     * on disk (space reuse is paused meanwhile, so the copy is the state of one commit); the copy is then
     * opened on its own and compacted.
     *
     * @param folder an empty folder on a local disk (the copy's working space)
     * @return the copy's file
     */
    public Path writeCompactCopy(Path folder) {
        Path zip = folder.resolve("copy.zip");
        Path copy = folder.resolve(FILE_NAME);
        try {
            Files.createDirectories(folder);
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new StoreException("the online copy failed (H2 error " + e.getErrorCode() + ")", e);
            }
            boolean found = false;
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().equals(FILE_NAME)) {
                        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                        found = true;
                    }
                }
            }
            Files.delete(zip);
            if (!found) {
                throw new StoreException("the database backup held no database file");
            }
        } catch (IOException e) {
            throw new StoreException("the database copy could not be written (" + e.getClass().getSimpleName() + ")", e);
        }
        // open the copy alone (no pool, no migration: it is this very schema) and compact it
        char[] pwd = password.clone();
        try (Connection c = dataSource(folder.resolve(FILE_STEM), cipher, pwd).getConnection()) {
            shutdown(c, CompactionRule.FOR_COPY, copy);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            Arrays.fill(pwd, '\0');
        }
        return copy;
    }

    /**
     * Copies every row of this database into {@code target}, an empty database of the same schema (the
     * benchmark's unencrypted copy). Tables are filled parents first, each batch of rows committed on its own
     * (one transaction of a million rows is several times slower in H2, and a half-made copy is thrown away
     * anyway); plain jOOQ, so it works between any two databases jOOQ speaks to.
     *
     * @return the number of rows copied
     */
    public long copyRowsTo(Database target) {
        long rows = 0;
        for (Table<?> table : parentsFirst(DefaultSchema.DEFAULT_SCHEMA.getTables())) {
            rows += copyTable(dsl, table, target.dsl);
        }
        return rows;
    }

    private static long copyTable(DSLContext from, Table<?> table, DSLContext to) {
        Field<?>[] fields = table.fields();
        Query insert = to.insertInto(table).columns(fields)
                .values(Collections.nCopies(fields.length, null));
        long n = 0;
        try (Cursor<? extends Record> cursor = from.selectFrom(table).fetchSize(Batches.SIZE).fetchLazy()) {
            while (cursor.hasNext()) {
                BatchBindStep batch = to.batch(insert);
                for (int i = 0; i < Batches.SIZE && cursor.hasNext(); i++) {
                    batch.bind(cursor.fetchNext().intoArray());
                    n++;
                }
                batch.execute();
            }
        }
        return n;
    }

    /** The tables ordered so that every table comes after the tables its foreign keys point to. */
    static List<Table<?>> parentsFirst(List<Table<?>> tables) {
        List<Table<?>> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Table<?>> left = new ArrayList<>(tables);
        while (!left.isEmpty()) {
            boolean progress = false;
            for (Iterator<Table<?>> it = left.iterator(); it.hasNext(); ) {
                Table<?> t = it.next();
                boolean ready = t.getReferences().stream()
                        .map(fk -> fk.getKey().getTable().getName())
                        .allMatch(parent -> parent.equals(t.getName()) || placed.contains(parent));
                if (ready) {
                    ordered.add(t);
                    placed.add(t.getName());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new StoreException("the tables' foreign keys form a cycle");
            }
        }
        return ordered;
    }

    /**
     * Checks that no program (this one included) has the database in {@code folder} open, for replacing
     * the folder. H2 holds an OS lock on its file while open; this takes and releases the same lock.
     *
     * @throws VaultInUseException when the database is open
     */
    public static void requireNotInUse(Path folder) {
        Path f = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new VaultInUseException();
            }
            lock.release();
        } catch (IOException e) {
            throw new StoreException("the database file cannot be checked (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Closes every connection and shuts the database down cleanly, compacting when worthwhile; the key copy is wiped. */
    @Override
    public void close() {
        close(CompactionRule.ON_CLOSE);
    }

    void close(CompactionRule rule) {
        try (Connection c = pool.getConnection()) {
            shutdown(c, rule, mainFile());
        } catch (SQLException e) {
            LOG.warn("database shutdown reported H2 error {}", e.getErrorCode());
        } finally {
            pool.dispose();
            Arrays.fill(password, '\0');
        }
    }

    private static void shutdown(Connection c, CompactionRule rule, Path mainFile) throws SQLException {
        try (Statement st = c.createStatement()) {
            int fill = 100;
            if (rule != CompactionRule.NEVER) {
                try (ResultSet rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
                    fill = rs.next() ? Integer.parseInt(rs.getString(1).trim()) : 100;
                }
            }
            long size = sizeOf(mainFile);
            boolean compact = rule.wants(size, fill);
            long start = System.nanoTime();
            st.execute(compact ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            if (compact) {
                LOG.info("database file compacted: {} KiB at {}% live -> {} KiB in {} ms", size >> 10, fill,
                        sizeOf(mainFile) >> 10, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}

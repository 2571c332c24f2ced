package org.outreachdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final String DB_USER = "desk";

    private final Path file;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final char[] password;

    private Database(Path file, JdbcConnectionPool pool, char[] password) {
        this.file = file;
        this.pool = pool;
        this.password = password;
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
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the vault folder", e);
        }
        Path file = folder.resolve(FILE_STEM);
        JdbcDataSource ds = new JdbcDataSource();
        // TRACE_LEVEL_FILE=0: H2's trace file is plaintext. WRITE_DELAY=0: every commit is written at once.
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + cipher
                + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser(DB_USER);
        ds.setPasswordChars(password);
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(4);
        try (Connection probe = pool.getConnection()) {
            LOG.debug("database opened");
        } catch (SQLException e) {
            pool.dispose();
            Arrays.fill(password, '\0');
            throw translate(e);
        }
        Database db = new Database(file, pool, password);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("the database schema could not be brought up to date", e);
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
        return dsl.transactionResult(cfg -> work.apply(new Tx(cfg.dsl())));
    }

    /** Reads through the repositories (each statement on its own; use {@link #write} for a consistent unit). */
    public <T> T read(Function<Tx, T> work) {
        return work.apply(new Tx(dsl));
    }

    /** Runs {@code work} in one transaction at the jOOQ level (store-internal code and tests). */
    void transact(java.util.function.Consumer<DSLContext> work) {
        dsl.transaction(cfg -> work.accept(cfg.dsl()));
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
        return file.resolveSibling(FILE_STEM + ".mv.db");
    }

    /** Closes every connection and shuts the database down cleanly; the key copy is wiped. */
    @Override
    public void close() {
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("database shutdown reported H2 error {}", e.getErrorCode());
        } finally {
            pool.dispose();
            Arrays.fill(password, '\0');
        }
    }
}

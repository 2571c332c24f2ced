package org.outreachdesk.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;

/**
 * Replaces every database exception by one whose message holds only the error code, SQL state and the
 * name of a violated constraint. H2 puts offending values (a UIC, a note) into its messages and jOOQ adds
 * the SQL; neither may reach a log line or a dialog.
 */
final class SanitizingListener implements ExecuteListener {

    private static final Pattern CONSTRAINT = Pattern.compile("\\b([A-Z][A-Z0-9_]*_(?:UK|FK|CK|PK))\\b",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void exception(ExecuteContext ctx) {
        SQLException sql = ctx.sqlException();
        if (sql == null) {
            ctx.exception(new SafeDataAccessException("database error", 0, null, null));
            return;
        }
        String constraint = null;
        if (sql.getMessage() != null) {
            Matcher m = CONSTRAINT.matcher(sql.getMessage());
            if (m.find()) {
                constraint = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        ctx.exception(new SafeDataAccessException("database error " + sql.getErrorCode()
                + (constraint == null ? "" : " on " + constraint), sql.getErrorCode(), sql.getSQLState(), constraint));
    }

    /** A database failure with nothing but identifiers in it (no cause is kept). */
    static final class SafeDataAccessException extends DataAccessException {
        private final int errorCode;
        private final String state;
        private final String constraint;

        SafeDataAccessException(String message, int errorCode, String state, String constraint) {
            super(message);
            this.errorCode = errorCode;
            this.state = state;
            this.constraint = constraint;
        }

        int errorCode() {
            return errorCode;
        }

        @Override
        public String sqlState() {
            return state == null ? super.sqlState() : state;
        }

        String constraint() {
            return constraint;
        }
    }
}

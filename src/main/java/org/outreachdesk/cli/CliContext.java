package org.outreachdesk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.outreachdesk.app.AppDirectories;
import org.outreachdesk.app.VaultService;

/**
 * What commands need from the world: environment, clock, the vault service, and where passwords come from
 * (environment, then a file, then the console without echo). Tests give their own.
 */
public final class CliContext {

    static final String PASSWORD_ENV = "OUTREACH_DESK_PASSWORD";
    static final String NEW_PASSWORD_ENV = "OUTREACH_DESK_NEW_PASSWORD";
    static final String EXPORT_PASSWORD_ENV = "OUTREACH_DESK_EXPORT_PASSWORD";
    static final String JOIN_CODE_ENV = "OUTREACH_DESK_JOIN_CODE";

    private final Map<String, String> env;
    private final Clock clock;
    private final VaultService vaults;
    private final Console console;

    public CliContext(Map<String, String> env, Clock clock, VaultService vaults, Console console) {
        this.env = env;
        this.clock = clock;
        this.vaults = vaults;
        this.console = console;
    }

    public static CliContext system() {
        Clock clock = Clock.systemDefaultZone();
        return new CliContext(System.getenv(), clock, new VaultService(clock), System.console());
    }

    VaultService vaults() {
        return vaults;
    }

    Clock clock() {
        return clock;
    }

    AppDirectories directories() {
        return new AppDirectories(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The password: {@code OUTREACH_DESK_PASSWORD}, else the file, else asked on the console. */
    char[] password(Path passwordFile, String prompt) {
        return secret(PASSWORD_ENV, passwordFile, prompt, false);
    }

    /** A new password: {@code OUTREACH_DESK_NEW_PASSWORD}, else the file, else asked twice on the console. */
    char[] newPassword(Path passwordFile, String prompt) {
        return secret(NEW_PASSWORD_ENV, passwordFile, prompt, true);
    }

    /**
     * The password that protects an exported file: {@code OUTREACH_DESK_EXPORT_PASSWORD}, else the file, else asked
     * twice on the console without echo.
     */
    char[] exportPassword(Path passwordFile, String prompt) {
        return secret(EXPORT_PASSWORD_ENV, passwordFile, prompt, true, "--export-password-file");
    }

    /** A join code: {@code OUTREACH_DESK_JOIN_CODE}, else asked on the console without echo. */
    char[] joinCode() {
        String fromEnv = env.get(JOIN_CODE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.toCharArray();
        }
        if (console == null) {
            throw new UsageException("no join code given: set " + JOIN_CODE_ENV + " (no console to ask on)");
        }
        char[] code = console.readPassword("%s: ", "Join code (shown once on the hub)");
        if (code == null) {
            throw new UsageException("no join code given");
        }
        return code;
    }

    private char[] secret(String envName, Path file, String prompt, boolean confirm) {
        return secret(envName, file, prompt, confirm, "--password-file");
    }

    private char[] secret(String envName, Path file, String prompt, boolean confirm, String fileOption) {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (file != null) {
            return readFirstLine(file);
        }
        if (console == null) {
            throw new UsageException("no password given: set " + envName
                    + (file == null ? " or use " + fileOption : "") + " (no console to ask on)");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null) {
            throw new UsageException("no password given");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat %s: ", prompt.toLowerCase(Locale.ROOT));
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new InvalidArgumentException("the two passwords differ");
            }
        }
        return first;
    }

    private static char[] readFirstLine(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isEmpty()) {
                throw new InvalidArgumentException("the password file is empty");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new InvalidArgumentException("the password file cannot be read");
        }
    }

    /** Prints a message for people on standard error. */
    static void tell(PrintWriter err, String message) {
        err.println(message);
    }
}

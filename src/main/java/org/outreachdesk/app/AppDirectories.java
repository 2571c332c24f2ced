package org.outreachdesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Outreach Desk keeps its data: the operating system's per-user data folder, never the install
 * folder, so upgrading or removing the program never touches a vault.
 * <ul>
 *   <li>Linux: {@code $XDG_DATA_HOME/outreach-desk} (default {@code ~/.local/share/outreach-desk})</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\OutreachDesk}</li>
 *   <li>macOS: {@code ~/Library/Application Support/OutreachDesk}</li>
 * </ul>
 * {@code OUTREACH_DESK_VAULT} chooses another vault folder.
 */
public final class AppDirectories {

    public static final String VAULT_ENV = "OUTREACH_DESK_VAULT";

    private final Map<String, String> env;
    private final String osName;
    private final Path home;

    public AppDirectories(Map<String, String> env, String osName, Path home) {
        this.env = env;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    /** Directories of the running program, from its environment. */
    public static AppDirectories system() {
        return new AppDirectories(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /** The per-user data folder. */
    public Path dataHome() {
        if (osName.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("OutreachDesk");
        }
        if (osName.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("OutreachDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("outreach-desk");
    }

    /** The vault folder used when none is given: {@code OUTREACH_DESK_VAULT}, else {@code <data>/vault}. */
    public Path defaultVault() {
        String v = env.get(VAULT_ENV);
        return v != null && !v.isBlank() ? Path.of(v) : dataHome().resolve("vault");
    }

    /** Log files (which never hold record content). */
    public Path logs() {
        return dataHome().resolve("logs");
    }
}

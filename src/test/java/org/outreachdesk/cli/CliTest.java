package org.outreachdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.outreachdesk.app.AppInfo;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.commandLine(CliContext.system(), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains(AppInfo.NAME).contains(AppInfo.version());
        assertThat(AppInfo.version()).doesNotContain("${").isNotEqualTo("unknown");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: outreach-desk").contains("vault in use");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCode.USAGE);
    }
}

package org.outreachdesk.cli;

import org.outreachdesk.app.AppInfo;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the program's name and version. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {AppInfo.NAME + " " + AppInfo.version()};
    }
}

package org.claimx.cli;

import org.claimx.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of every command: the version the build wrote ({@link Version}), written nowhere else. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Version.text()};
    }
}

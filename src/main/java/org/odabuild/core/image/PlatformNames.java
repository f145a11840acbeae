package org.odabuild.core.image;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.odabuild.core.NearestName;

/**
 * The operating systems and architectures an image index entry can name and a machine pulls: Go's {@code GOOS} and
 * {@code GOARCH} values, which the OCI image index specification takes. The daemon builds {@code FROM scratch} for
 * any name ({@code linux/amd65} gives an image that says {@code amd65}), so a typo would publish an entry no machine
 * ever pulls; it is refused where the config names it.
 */
public final class PlatformNames {

    private static final Set<String> OPERATING_SYSTEMS = new TreeSet<>(Set.of("aix", "android", "darwin",
            "dragonfly", "freebsd", "illumos", "ios", "js", "linux", "netbsd", "openbsd", "plan9", "solaris", "wasip1",
            "windows", "zos"));
    private static final Set<String> ARCHITECTURES = new TreeSet<>(Set.of("386", "amd64", "arm", "arm64", "loong64",
            "mips", "mips64", "mips64le", "mipsle", "ppc64", "ppc64le", "riscv64", "s390x", "wasm"));

    private PlatformNames() {
    }

    /** Why {@code platform} (as {@link Platform#parse} read it) is no platform a machine runs, if it is not. */
    public static Optional<String> unknownPart(Platform platform) {
        return unknown("operating system", platform.os(), OPERATING_SYSTEMS)
                .or(() -> unknown("architecture", platform.architecture(), ARCHITECTURES));
    }

    private static Optional<String> unknown(String what, String name, Set<String> known) {
        if (known.contains(name)) {
            return Optional.empty();
        }
        return Optional.of("names " + what + " '" + name + "', which no machine runs"
                + NearestName.closest(name, known).map(k -> ": did you mean '" + k + "'?")
                        .orElse(": the " + what + "s an image index names are " + String.join(", ", known)));
    }
}

package org.odabuild.core.image;

import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * An OCI platform, {@code os/architecture[/variant]} as {@code platforms} in dockerbuild-config.yaml and the
 * daemon write it.
 */
public record Platform(String os, String architecture, Optional<String> variant) {

    public Platform {
        variant = variant.filter(v -> !v.isBlank());
    }

    /**
     * Parses {@code linux/arm64} or {@code linux/arm/v7}; the form is checked where the config is read. The other
     * names containerd (and so buildx) takes for an architecture or OS are read as the OCI name: {@code x86_64} is
     * {@code amd64}, {@code aarch64} is {@code arm64}, {@code armhf} is {@code arm/v7}, and so on, since an image index
     * that said {@code x86_64} would match no machine.
     */
    public static Platform parse(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("not a platform (os/architecture[/variant]): " + text);
        }
        String os = parts[0].equals("macos") ? "darwin" : parts[0];
        Optional<String> variant = parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
        return switch (parts[1]) {
            case "x86_64", "x86-64" -> new Platform(os, "amd64", variant);
            case "aarch64" -> new Platform(os, "arm64", variant);
            case "armhf" -> new Platform(os, "arm", Optional.of("v7"));
            case "armel" -> new Platform(os, "arm", Optional.of("v6"));
            case "i386" -> new Platform(os, "386", Optional.empty());
            default -> new Platform(os, parts[1], variant);
        };
    }

    /**
     * The same platform as {@code built}: os and architecture equal, and the variant too when this one names it
     * ({@code linux/arm64} is satisfied by an image that says {@code arm64/v8}).
     */
    public boolean accepts(Platform built) {
        return os.equals(built.os) && architecture.equals(built.architecture)
                && (variant.isEmpty() || variant.equals(built.variant));
    }

    /** Each platform asked for is served, and nothing else. */
    public static boolean sameSet(List<String> wanted, List<String> served) {
        if (wanted.size() != served.size()) {
            return false;
        }
        List<Platform> have = served.stream().map(Platform::parse).toList();
        return wanted.stream().map(Platform::parse).allMatch(w -> have.stream().anyMatch(w::accepts));
    }

    /**
     * The platform as containerd normalizes it, to tell two spellings of one apart: {@code arm64/v8} is
     * {@code arm64}, {@code arm} is {@code arm/v7}, {@code amd64/v1} is {@code amd64}.
     */
    public Platform normalized() {
        Optional<String> v = switch (architecture) {
            case "arm64" -> variant.filter(x -> !x.equals("v8"));
            case "arm" -> variant.or(() -> Optional.of("v7"));
            case "amd64" -> variant.filter(x -> !x.equals("v1"));
            default -> variant;
        };
        return new Platform(os, architecture, v);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
    }
}

package org.odabuild.core.config;

/**
 * An image whose entry cannot be used (its config entry or its values entry is wrong). It is refused on its own;
 * the other images are planned and built as usual, and the goal fails at the end naming it.
 *
 * @param key    the image key in dockerbuild-config.yaml
 * @param reason what is wrong, starting with {@code file:line:column}
 */
public record BrokenImage(String key, String reason) {
}

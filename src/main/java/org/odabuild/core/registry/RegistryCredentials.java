package org.odabuild.core.registry;

/**
 * A login for one registry. {@link #toString()} never shows the secret, so a credential that ends up in a message
 * or a log line leaks nothing.
 *
 * @param username      user name, may be null with an identity token
 * @param password      password or access token
 * @param identityToken an OAuth refresh token from {@code docker login}, used instead of the password
 * @param source        where it came from ("~/.docker/config.json", "settings.xml server x", ...)
 */
public record RegistryCredentials(String username, String password, String identityToken, String source) {

    @Override
    public String toString() {
        return "credentials of " + (username == null ? "(token)" : username) + " from " + source;
    }
}

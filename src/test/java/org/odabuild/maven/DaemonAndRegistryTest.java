package org.odabuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.odabuild.core.registry.HttpProxy;

class DaemonAndRegistryTest {

    @Test
    void theActiveProxyOfSettingsXmlWithItsNonProxyHostsAndLogin() {
        Settings settings = new Settings();
        Proxy inactive = new Proxy();
        inactive.setActive(false);
        inactive.setHost("old.corp");
        settings.addProxy(inactive);
        Proxy proxy = new Proxy();
        proxy.setHost("proxy.corp");
        proxy.setPort(3128);
        proxy.setNonProxyHosts("localhost|*.corp.example");
        proxy.setUsername("me");
        proxy.setPassword("pw");
        settings.addProxy(proxy);
        assertThat(DaemonAndRegistry.proxy(settings, MavenCredentialSourceTest.PLAIN)).contains(new HttpProxy(
                "proxy.corp", 3128, List.of("localhost", "*.corp.example"), Optional.of("me"), Optional.of("pw")));
        assertThat(DaemonAndRegistry.proxy(new Settings(), MavenCredentialSourceTest.PLAIN)).isEmpty();
    }

    @Test
    void threadsDefaultToTheCores() {
        assertThat(DaemonAndRegistry.threads(3)).isEqualTo(3);
        assertThat(DaemonAndRegistry.threads(null)).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}

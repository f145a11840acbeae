package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import org.odabuild.core.version.ImageName;

/** Which failures of an exchange are retried: what waiting or a new connection can mend. */
class RegistryTransportTest {

    final ImageName remote = new ImageName("registry.example.com/org/op");
    final ImageName local = new ImageName("127.0.0.1:5000/org/op");

    @Test
    void aTlsErrorOnAnOpenConnectionIsRetriedButAFailedHandshakeIsNot() {
        // requests share kept-alive connections: one the registry closed meanwhile fails the next request like this
        assertThat(RegistryTransport.isFinal(new SSLException("Connection reset"), remote)).isFalse();
        assertThat(RegistryTransport.isFinal(new SocketException("Unexpected end of file from server"), remote))
                .isFalse();
        // an untrusted or wrong certificate stays so
        assertThat(RegistryTransport.isFinal(new SSLHandshakeException("PKIX path building failed"), remote)).isTrue();
        assertThat(RegistryTransport.isFinal(new SSLPeerUnverifiedException("peer not authenticated"), remote))
                .isTrue();
    }

    @Test
    void aRefusedConnectionIsFinalOnlyOnThisMachine() {
        assertThat(RegistryTransport.isFinal(new ConnectException("Connection refused"), local)).isTrue();
        assertThat(RegistryTransport.isFinal(new ConnectException("Connection refused"), remote)).isFalse();
    }
}

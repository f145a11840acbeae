package org.odabuild.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test daemon behind TLS with client certificates, as {@code dockerd --tlsverify} serves it: certificates are
 * made with openssl in the layout {@code DOCKER_CERT_PATH} uses ({@code ca.pem}, {@code cert.pem}, {@code key.pem}),
 * and a loopback TLS listener that requires a client certificate signed by the CA forwards to the plain tcp daemon.
 */
public final class TlsDaemonProxy implements AutoCloseable {

    private final SSLServerSocket server;
    private final Path certs;

    private TlsDaemonProxy(SSLServerSocket server, Path certs) {
        this.server = server;
        this.certs = certs;
    }

    /** @param plainDaemon {@code tcp://127.0.0.1:PORT} of the daemon */
    public static TlsDaemonProxy start(String plainDaemon, Path dir) {
        try {
            Path certs = Files.createDirectories(dir.resolve("certs"));
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=oda test CA",
                    "-keyout", "ca-key.pem", "-out", "certs/ca.pem");
            Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
            signed(dir, "server", "/CN=127.0.0.1", "san.cnf");
            Files.writeString(dir.resolve("client.cnf"), "extendedKeyUsage=clientAuth\n");
            signed(dir, "client", "/CN=oda client", "client.cnf");
            Files.copy(dir.resolve("client-cert.pem"), certs.resolve("cert.pem"));
            Files.copy(dir.resolve("client-key.pem"), certs.resolve("key.pem"));
            openssl(dir, "pkcs12", "-export", "-in", "server-cert.pem", "-inkey", "server-key.pem", "-out",
                    "server.p12", "-passout", "pass:test");

            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
                keys.load(in, "test".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "test".toCharArray());
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(certs.resolve("ca.pem"))) {
                trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
            server.setNeedClientAuth(true);
            TlsDaemonProxy proxy = new TlsDaemonProxy(server, certs);
            URI daemon = URI.create(plainDaemon.replace("tcp://", "http://"));
            Thread accept = new Thread(() -> proxy.accept(daemon.getHost(), daemon.getPort()), "tls-daemon-proxy");
            accept.setDaemon(true);
            accept.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code tcp://127.0.0.1:PORT}: the DOCKER_HOST of the TLS daemon. */
    public String host() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** The DOCKER_CERT_PATH with the client's certificate. */
    public Path certPath() {
        return certs;
    }

    private void accept(String host, int port) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket daemon = new Socket(host, port);
                pump(client.getInputStream(), daemon.getOutputStream(), daemon);
                pump(daemon.getInputStream(), client.getOutputStream(), client);
            } catch (IOException e) {
                // a refused handshake or the listener closed
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, Socket closeWhenDone) {
        Thread t = new Thread(() -> {
            try (closeWhenDone) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void signed(Path dir, String name, String subject, String extensions) throws IOException {
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", name + "-key.pem",
                "-out", name + ".csr");
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "certs/ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-days", "2", "-extfile", extensions, "-out", name + "-cert.pem");
    }

    private static void openssl(Path dir, String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}

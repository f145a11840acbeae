import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A registry "far away" (the P3 case of bench/run): a TCP relay to a local registry that holds each request for a
 * fixed delay before passing it on, as a network round trip would. It relays bytes and parses nothing, so it costs
 * the machine next to nothing per request: the plugin, the registry and this relay share the same cores, and a
 * relay that parsed and re-sent every request through an HTTP client (as this one did) took about 1.6 ms of CPU per
 * request from them, which a registry that is really far away does not.
 * A request is whatever the client sends after the previous answer began (HTTP/1.1, no pipelining). An optional
 * CONNECT_DELAY_MS holds each new connection once more before its first byte, as a TCP handshake costs a round trip
 * (a TLS handshake would cost another): off by default, so P3 measures requests alone.
 * Run as a source file: java bench/LatencyProxy.java LISTEN_PORT TARGET_HOST:PORT DELAY_MS [CONNECT_DELAY_MS]
 */
public class LatencyProxy {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String[] target = args[1].split(":");
        long delay = Long.parseLong(args[2]);
        long connectDelay = args.length > 3 ? Long.parseLong(args[3]) : 0;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            System.out.println("listening on 127.0.0.1:" + port + " -> " + args[1] + " +" + delay + " ms per request, +"
                    + connectDelay + " ms per connection");
            while (true) {
                Socket client = server.accept();
                daemon(() -> relay(client, target[0], Integer.parseInt(target[1]), delay, connectDelay));
            }
        }
    }

    private static void relay(Socket client, String host, int port, long delay, long connectDelay) {
        try (client; Socket registry = new Socket(host, port)) {
            Thread.sleep(connectDelay);
            client.setTcpNoDelay(true);
            registry.setTcpNoDelay(true);
            // true while the client's next bytes start a new request: they wait out the delay first
            AtomicBoolean newRequest = new AtomicBoolean(true);
            Thread answers = daemon(() -> pump(registry, client, newRequest, 0));
            pump(client, registry, newRequest, delay);
            answers.join();
        } catch (IOException | InterruptedException e) {
            // the connection ended
        }
    }

    /** Copies {@code from} to {@code to}; a request's first bytes wait {@code delay} ms; answers mark the next. */
    private static void pump(Socket from, Socket to, AtomicBoolean newRequest, long delay) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (delay > 0 && newRequest.getAndSet(false)) {
                    Thread.sleep(delay);
                } else if (delay == 0) {
                    newRequest.set(true);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput(); // the end of one direction, passed on; the relay closes both sockets after both
        } catch (IOException | InterruptedException e) {
            try {
                to.close(); // a broken side ends the other direction too
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static Thread daemon(Runnable task) {
        Thread t = new Thread(task);
        t.setDaemon(true);
        t.start();
        return t;
    }
}

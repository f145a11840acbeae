package org.odabuild.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Pushes a tiny image (one empty layer, a config with labels, a Docker v2 manifest) straight to a registry over
 * its HTTP API, so registry tests need no Docker daemon.
 */
public final class RegistrySeeder {

    private final String host;
    private final String authorization;
    private final HttpClient http = HttpClient.newHttpClient();

    public RegistrySeeder(String host) {
        this(host, null, null);
    }

    public RegistrySeeder(String host, String user, String password) {
        this.host = host;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Pushes {@code repository:tag} and returns the manifest digest the registry serves. */
    public String push(String repository, String tag, Map<String, String> labels) {
        byte[] layer = emptyLayer();
        JsonObject config = new JsonObject();
        config.addProperty("architecture", "amd64");
        config.addProperty("os", "linux");
        JsonObject inner = new JsonObject();
        inner.add("Labels", new Gson().toJsonTree(labels));
        config.add("config", inner);
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        rootfs.add("diff_ids", new Gson().toJsonTree(new String[] {"sha256:" + "0".repeat(64)}));
        config.add("rootfs", rootfs);
        byte[] configBytes = config.toString().getBytes(StandardCharsets.UTF_8);
        upload(repository, layer);
        upload(repository, configBytes);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
                + configBytes.length + ",\"digest\":\"" + digest(configBytes) + "\"},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":" + layer.length + ",\"digest\":\""
                + digest(layer) + "\"}]}";
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(request("/v2/" + repository + "/manifests/" + tag)
                .header("Content-Type", "application/vnd.docker.distribution.manifest.v2+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifestBytes)));
        expect(r, 201, "put manifest");
        return digest(manifestBytes);
    }

    /**
     * Puts {@code repository:tag} as an OCI image index of manifests pushed before, each for its platform
     * ({@code os/architecture[/variant]}), and returns its digest.
     */
    public String pushIndex(String repository, String tag, Map<String, String> digestByPlatform) {
        StringBuilder entries = new StringBuilder();
        digestByPlatform.forEach((platform, digest) -> {
            String[] p = platform.split("/");
            entries.append(entries.length() == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.docker.distribution"
                    + ".manifest.v2+json\",\"digest\":\"").append(digest).append("\",\"size\":")
                    .append(manifestSize(repository, digest)).append(",\"platform\":{\"os\":\"").append(p[0])
                    .append("\",\"architecture\":\"").append(p[1]).append("\"")
                    .append(p.length == 3 ? ",\"variant\":\"" + p[2] + "\"" : "").append("}}");
        });
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + entries + "]}").getBytes(StandardCharsets.UTF_8);
        expect(send(request("/v2/" + repository + "/manifests/" + tag)
                .header("Content-Type", "application/vnd.oci.image.index.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(index))), 201, "put index");
        return digest(index);
    }

    private long manifestSize(String repository, String digest) {
        HttpResponse<String> r = send(request("/v2/" + repository + "/manifests/" + digest)
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json"));
        expect(r, 200, "read manifest");
        return r.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private void upload(String repository, byte[] blob) {
        HttpResponse<String> start = send(request("/v2/" + repository + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(start, 202, "start upload");
        String location = start.headers().firstValue("Location").orElseThrow();
        URI uri = URI.create("http://" + host).resolve(location);
        String sep = uri.getRawQuery() == null ? "?" : "&";
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(uri + sep + "digest=" + digest(blob)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob));
        if (authorization != null) {
            put.header("Authorization", authorization);
        }
        expect(send(put), 201, "upload blob");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> r, int code, String what) {
        if (r.statusCode() != code) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static byte[] emptyLayer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(new byte[1024]); // an empty tar archive: two zero blocks
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

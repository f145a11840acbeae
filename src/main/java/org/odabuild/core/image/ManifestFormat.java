package org.odabuild.core.image;

/**
 * The media types of one manifest family. OCI is what the plugin publishes; the Docker types are the fallback for a
 * registry that refuses OCI manifests.
 */
public enum ManifestFormat {

    OCI("application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.config.v1+json", "application/vnd.oci.image.layer.v1.tar+gzip"),
    DOCKER("application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.container.image.v1+json", "application/vnd.docker.image.rootfs.diff.tar.gzip");

    private final String manifestType;
    private final String indexType;
    private final String configType;
    private final String layerType;

    ManifestFormat(String manifestType, String indexType, String configType, String layerType) {
        this.manifestType = manifestType;
        this.indexType = indexType;
        this.configType = configType;
        this.layerType = layerType;
    }

    public String manifestType() {
        return manifestType;
    }

    public String indexType() {
        return indexType;
    }

    String configType() {
        return configType;
    }

    String layerType() {
        return layerType;
    }
}

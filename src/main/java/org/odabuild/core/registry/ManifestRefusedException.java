package org.odabuild.core.registry;

/** The registry does not take manifests of this media type (an old registry and OCI indexes). */
public final class ManifestRefusedException extends RegistryException {

    private final String mediaType;

    public ManifestRefusedException(String message, String mediaType) {
        super(message);
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}

package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Setting;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.config.BrokenImages;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * {@code oda:pin-digests}: the laptop half of a redeploy. Asks the registry for the digest of the tag that
 * values.yaml names now, for every image, and writes {@code values-digests.yaml} as a push would, so
 * {@code helm upgrade -f target/oda/values-digests.yaml} rolls out a prerelease tag that CI pushed again. No build,
 * no daemon.
 */
public final class PinDigests {

    public static final String REPORT = "pin-digests.json";

    /** An image and the digest its tag serves now. */
    public record Pinned(String key, String reference, String digest) {
    }

    /** An image whose tag is not in the registry (not built yet, or built elsewhere). */
    public record Missing(String key, String reference, String valuesFile, int valuesLine) {
    }

    public record Result(List<Pinned> pinned, List<Missing> missing, List<BrokenImage> broken) {
    }

    private PinDigests() {
    }

    public static Result run(ResolveRequest request, RegistrySettings settings, CredentialSource credentials,
            BuildLog log) {
        Path out = request.outputDir();
        JsonReports.delete(out, REPORT);
        ValuesDigests.delete(out);
        Resolution resolution = Resolution.of(request, log);
        RegistryClient registry = new RegistryClient(settings, credentials, log);
        List<ValuesDigests.Pin> pins = new ArrayList<>();
        List<Pinned> pinned = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (ResolvedImage image : resolution.images()) {
            Optional<String> digest = registry.digest(image.image(), image.tag().toString());
            if (digest.isPresent()) {
                pins.add(new ValuesDigests.Pin(image, digest.get()));
                pinned.add(new Pinned(image.key(), image.reference(), digest.get()));
                log.info(image.reference() + " -> " + digest.get());
            } else {
                missing.add(new Missing(image.key(), image.reference(), image.versionAt().file(),
                        image.versionAt().line()));
                log.warn("not pinned: " + image.reference() + " is not in the registry (" + image.versionAt()
                        + " names it; CI pushes it after a change under its paths, or build it with oda:build"
                        + " " + Setting.PUSH.set("true") + "); helm would deploy the tag as values.yaml names it");
            }
        }
        if (!pins.isEmpty()) {
            log.info("Wrote " + ValuesDigests.write(out, pins, ImageCopies.all(resolution, request.fork()), log)
                    + ": helm upgrade --install <release> <chart> -f"
                    + " it deploys these digests");
        }
        Result result = new Result(pinned, missing, resolution.broken());
        JsonReports.write(out, REPORT, result);
        if (!resolution.broken().isEmpty()) {
            throw BrokenImages.error(resolution.broken());
        }
        return result;
    }
}

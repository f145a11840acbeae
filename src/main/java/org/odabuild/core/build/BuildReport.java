package org.odabuild.core.build;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.report.JsonReports;

/** {@code build.json}: what was built and pushed; {@code oda:push-image} reads what {@code oda:build-image} wrote. */
public record BuildReport(String branch, String commit, boolean pushed, List<BuiltImage> images) {

    public static final String FILE = "build.json";

    public BuildReport {
        images = List.copyOf(images);
    }

    public Path write(Path outputDir) {
        return JsonReports.write(outputDir, FILE, this);
    }

    public static BuildReport read(Path outputDir) {
        Path file = outputDir.resolve(FILE);
        try {
            return JsonReports.read(file, BuildReport.class);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist: run oda:build-image before oda:push-image"
                    + " (e.g. mvn package oda:push-image, or the deploy phase)");
        } catch (IOException | JsonParseException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage() + ": run oda:build-image"
                    + " again");
        }
    }
}

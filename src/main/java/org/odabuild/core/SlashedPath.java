package org.odabuild.core;

import java.nio.file.Path;

/** A relative path as git, Docker and the plugin's messages write it: its names joined with '/' on every system. */
public final class SlashedPath {

    private SlashedPath() {
    }

    /**
     * Joins the names, where replacing '\' in the path's text would split a Linux file name that holds one
     * ({@code x\y} is one file there, as git and the docker CLI send it).
     */
    public static String of(Path relative) {
        StringBuilder joined = new StringBuilder();
        for (Path name : relative) {
            if (!joined.isEmpty()) {
                joined.append('/');
            }
            joined.append(name);
        }
        return joined.toString();
    }
}

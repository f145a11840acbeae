package org.odabuild.core.docker;

/**
 * What a test container prints, held within bounds: its standard output is the JUnit report (kept whole up to
 * {@link #MAX_REPORT} characters, then marked as cut), its standard error only explains a failure (its last
 * {@link #STDERR_TAIL} characters are kept). A test that prints gigabytes must not fill the build's heap.
 */
final class ContainerOutput {

    static final int MAX_REPORT = 64 * 1024 * 1024;
    static final int STDERR_TAIL = 64 * 1024;

    private final int maxReport;
    private final int stderrTail;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private boolean outCut;

    ContainerOutput() {
        this(MAX_REPORT, STDERR_TAIL);
    }

    ContainerOutput(int maxReport, int stderrTail) {
        this.maxReport = maxReport;
        this.stderrTail = stderrTail;
    }

    void stdout(String line) {
        if (outCut) {
            return;
        }
        if (out.length() + line.length() + 1 > maxReport) {
            outCut = true;
            return;
        }
        out.append(line).append('\n');
    }

    void stderr(String line) {
        err.append(line).append('\n');
        if (err.length() > 2 * stderrTail) {
            err.delete(0, err.length() - stderrTail);
        }
    }

    /** The standard output, or what fits of it followed by a line that says it was cut (no report parses then). */
    String stdoutText() {
        return outCut ? out + "... (cut: the container printed more than " + maxReport
                + " characters to its standard output)\n" : out.toString();
    }

    String stderrText() {
        return err.length() > stderrTail ? err.substring(err.length() - stderrTail) : err.toString();
    }
}

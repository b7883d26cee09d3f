package netlab.kernel.cli;

import java.util.List;

/** How the kernel JVM is started by Jupyter; shared by install (kernel.json) and the benchmarks. */
final class KernelLaunch {

    /**
     * The kernel JVM compiles with javac and speaks ZeroMQ; it needs little heap. SerialGC keeps its
     * idle footprint small on a 2-core classroom server; -Xshare:auto uses the JDK's CDS archive.
     */
    static final List<String> DEFAULT_KERNEL_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xshare:auto", "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private KernelLaunch() {
    }
}

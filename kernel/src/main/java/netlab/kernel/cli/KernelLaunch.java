package netlab.kernel.cli;

import java.util.List;

/** How the kernel JVM is started by Jupyter; shared by install (kernel.json) and the benchmarks. */
final class KernelLaunch {

    /**
     * The kernel JVM compiles with javac and speaks ZeroMQ; it needs little heap. SerialGC keeps its
     * idle footprint small on a 2-core classroom server; -Xshare:auto uses the JDK's CDS archive.
     * The young generation is sized for javac: each cell's compile allocates several MB, and with a 32 MB
     * initial heap a trivial cell took 24 ms instead of 12 ms in GC (measured, engine alone, 200 cells).
     */
    static final List<String> DEFAULT_KERNEL_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms80m", "-Xmn48m", "-Xmx256m", "-Xshare:auto", "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private KernelLaunch() {
    }
}

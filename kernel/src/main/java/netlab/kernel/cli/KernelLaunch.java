package netlab.kernel.cli;

import java.util.List;

/** How the kernel JVM is started by Jupyter; shared by install (kernel.json) and the benchmarks. */
final class KernelLaunch {

    /**
     * The kernel JVM compiles with javac and speaks ZeroMQ; it needs little heap. SerialGC keeps its
     * idle footprint small on a 2-core classroom server; -Xshare:auto uses the JDK's CDS archive and the
     * kernel's own class archive that install adds ({@link ClassArchive}).
     * <p>
     * The young generation is sized for javac: each cell's compile allocates ~4 MB, and with a 32 MB
     * initial heap (an ~8 MB eden) a trivial cell took 24 ms instead of 12 ms in GC (measured, engine alone,
     * 200 cells). The idle kernel has touched all of its eden, so eden is also most of what the young
     * generation adds to RSS: -Xmn32m instead of 48m took the idle kernel from 155 to 144 MB (median of 4
     * kernels through jupyter_client), and a young collection every ~7 trivial cells instead of every ~10
     * (each ~3 ms; -Xlog:gc) leaves the median cell without one; trivial-cell p50 measured 23.2/25.4 ms
     * against 22.1/23.9 ms with 48m (alternating kernels, class archive on: ~1.5 ms, within this shared
     * machine's noise). -Xmn40m left the idle kernel+agent at 198.5 MB, too close to the 200 MB target;
     * -Xmn24m saved 6 MB more but raised p90.
     */
    static final List<String> DEFAULT_KERNEL_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms80m", "-Xmn32m", "-Xmx256m", "-Xshare:auto", "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private KernelLaunch() {
    }
}

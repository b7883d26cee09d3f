package netlab.kernel.cli;

import java.util.List;

/** How the kernel JVM is started by Jupyter; shared by install (kernel.json) and the benchmarks. */
final class KernelLaunch {

    /**
     * The kernel JVM compiles with javac and speaks ZeroMQ; it needs little heap. Each flag with the reason it
     * is here (measured with {@code /usr/bin/python3} driving the installed kernel through jupyter_client: 400
     * trivial cells, two 200-declaration cells and a 200-statement cell; CPU seconds of the kernel and agent
     * processes from /proc, because this shared 2-core machine ran at load 20-27 and moved wall times twofold):
     * <ul>
     * <li>{@code -XX:+UseSerialGC}: one GC thread and the smallest idle footprint on a shared classroom server.
     * <li>{@code -XX:TieredStopAtLevel=1} (C1 only): C2 spends most of a session's first hundreds of cells
     *     compiling javac itself. CPU per trivial cell, cells 1-200 / 201-400: 28.6 / 22.0 ms with C1 only
     *     against 60.7-69.0 / 26.3-35.4 ms tiered; kernel+agent RSS after 400 cells 206 MB against 226-248
     *     MB (no C2 code, no C2 arenas); a 200-declaration cell 3.7 against 3.9-4.1 CPU seconds. The agent
     *     keeps C2: student code that loops is where C2 pays (see {@code AgentProcess#command}).
     * <li>{@code -Xms32m -Xmn16m}: the idle kernel has touched its whole initial eden, so the young
     *     generation is most of what the heap adds to RSS. Against {@code -Xms80m -Xmn32m}: idle kernel 110-114
     *     MB against 134-138 MB, and CPU for 200 trivial cells 13.3 against 13.1 s (the extra young
     *     collections, ~3 ms each every ~3 cells, are within this machine's noise).
     * <li>no {@code -Xshare} flag: the JVM maps its CDS archive by default, and {@code -XX:AOTCache} (the
     *     kernel's cache that install adds, {@link ClassArchive}) refuses any {@code -Xshare} option.
     * </ul>
     */
    static final List<String> DEFAULT_KERNEL_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m", "-Xmn16m", "-Xmx256m",
            "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private KernelLaunch() {
    }
}

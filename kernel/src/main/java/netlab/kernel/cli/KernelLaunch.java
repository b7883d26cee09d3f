package netlab.kernel.cli;

import java.util.List;

/** How the kernel JVM is started by Jupyter; shared by install (kernel.json) and the benchmarks. */
final class KernelLaunch {

    /** Lets the JVM load netlab.jar as its own agent without a warning (see {@code CompileStop}). */
    static final String DYNAMIC_AGENT = "-XX:+EnableDynamicAgentLoading";

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
     *     keeps C2: student code that loops is where C2 pays (see {@code AgentProcess#command}). Less inlining
     *     for C1 ({@code -XX:C1MaxInlineSize=10 -XX:C1MaxInlineLevel=2}, not kept): the C1 thread's CPU over cells
     *     1-200 5.5-5.8 against 7.5-7.8 ms a cell, the trivial cell's p50 the same (the compiles run on the other
     *     core) and kernel_info too (980 against 955 ms, ten starts each); {@code classroom-bench --students 8
     *     --compare}: 29.3 against 30.5 CPU seconds, cell p50 132 against 146 ms, within the class's run-to-run
     *     spread.
     * <li>{@code -XX:CompileCommand=CompileThresholdScaling,...,0.2} for javac's and JShell's classes (and {@code
     *     quiet}, which keeps the JVM from printing each such command at start): C1 compiles a method after 200 calls,
     *     and most of javac runs a few times per cell, so javac ran half interpreted for hundreds of cells: with the
     *     JIT's log on, the kernel compiled 1,900 and 1,000 methods in its first two seconds, then 500, 350, 220, 440,
     *     340, 250 and 140 a second while a benchmark's 400 trivial cells and 400 declarations ran, its compiler thread
     *     taking 1.1-1.3 ms of CPU per cell after the first 400, the shell thread 6.0 ms per {@code int x = 1;} (with a
     *     twentieth of the calls: 0.45 and 3.1 ms). A tenth of the calls (a fifth since the weaker feedback of the next
     *     item), against none and a twentieth (kernels of each started together, cells in turns): cells 201-400 {@code
     *     1 + 1} 9.4 against 10.4 and 9.1 ms, {@code int x = 1;} 9.2 against 11.1 and 9.8 ms, cells 1-200 13.8 against
     *     14.7 and 12.7 ms; the classroom benchmark's ten cells, 0.5 s apart, four fresh kernels each: 1.42 against
     *     1.30 and 1.58 CPU seconds a session, the cells' wall time the same (0.85-1.17 s). A twentieth read slightly
     *     better in long sessions but cost short ones compiles they never repaid; for every class (the global flag),
     *     the start's own code was compiled sooner too and the first cell took 42 against 33 ms. A thirtieth, {@code
     *     bench/kernel-bench --compare} three times (load 0.6-1.8): {@code 1 + 1} in cells 1-200 1.50, 1.40, 1.44x of
     *     ipykernel against 1.67, 1.49, 1.56x, but the first cell 3 s after kernel_info 45-49 against 32-41 ms and
     *     cells 201-400 1.11-1.26x against 1.13-1.17x; {@code classroom-bench --students 8 --compare}, where cells come
     *     seconds apart as in a class: CPU 31.8 against 29.7 s, cell latency p50 118 against 113 ms, p99 507 against
     *     378 ms. What it wins in a run of cells sent back to back a class pays for. {@code bench/kernel-bench
     *     --compare} the build without the flag: the declaration cell 1.37x of ipykernel against 1.69x, cells 201-400
     *     1.16x against 1.28x, cells 1-200 1.63x against 1.73x, kernel_info 0.82x against 0.73x; {@code
     *     bench/classroom-bench --students 8 --compare}: cell latency p50 81.7 against 84.6 ms, CPU 22.5 against 22.6
     *     s, peak PSS 3 MB a student more (668 against 644 MB for 8: the compiled code), 196 against 204 students per
     *     16 GB. What it costs: C1 compiles what javac ran for the start-up imports while the start goes on
     *     (kernel_info 772 against 721 ms and 822 against 798 ms, eight starts each, in turns), and the first cell sent
     *     3 s after kernel_info took 41.6 against 33.9 ms and 41.1 against 32.6 ms (36.9 ms without the trim below,
     *     {@code TrimNativeHeapInterval}: it hands back what the start's compiles freed, the cell's take it again). Why
     *     javac is left to warm up in the student's first cells rather than before them: a warm-up that compiled 200
     *     throwaway pieces in the session's javac while the notebook was idle (from kernel_info on, never beside a
     *     request; 0.5 s of one core) took {@code 1 + 1} in cells 1-200 to 1.29-1.55x of ipykernel against 1.47-1.81x
     *     for the build without it ({@code kernel-bench --compare}, four runs), but every kernel then held at once the
     *     compiled code its first ~150 cells would compile anyway: RSS idle 2.03-2.04x against 1.92-1.93x in three of
     *     the runs (code cache 6.1 against 3.2 MB used; settled, 132.1 against 124.6 MB), and each student of {@code
     *     classroom-bench --students 8} 0.8 CPU seconds more (32.6 against 26.1 s for the class) for a cell latency p50
     *     of 67.6 against 90.8 ms, 190 against 199 students per 16 GB. Tried again with 150 pieces of eight kinds
     *     (values, calls, a lambda over a stream, a switch, a loop and a try as statements), only while the engine had
     *     been quiet 150 ms and the other processes left a core idle (kernels of each kind in turns): the course's
     *     chapter 1 (43 cells, 5 s after start; 3 each) ran in 1,651 against 1,964 ms and cells 1-200 in 9.1 against
     *     10.3 ms (5 each), but a kernel held 8-10 MB more idle (code cache 7.0 against 3.3 MB used; by {@code smaps}
     *     3.6 MB more heap touched, 3.4 MB more malloc'd, 1.4 MB more of the JDK's {@code modules} read): RSS idle
     *     2.02x of ipykernel against 1.93x, over the target. Once more with the start's imports installed without javac
     *     (60 values at the start's end, kernels of each kind in turns, 3 sessions each): cells 1-200 8.81 against
     *     10.45 ms, but RSS idle 138.2 against 128.7 MB (2.02x); the 60 only compiled, not run in the agent: RSS idle
     *     134.5 against 128.2 MB, cells 1-200 9.18 against 8.90 ms. The agent's JVM with the same scaling (for its
     *     netlab and JShell classes, or for every class): 1.9-2.6 ms more CPU per warm cell, RSS after the run 13-33 MB
     *     more (its C2 compiles sooner too).
     * <li>{@code -XX:Tier3LoadFeedback=200}, with the scaling above at a fifth of the calls where it was a tenth:
     *     with a tenth, javac's methods still compiled through the first two hundred cells (a method run once a
     *     cell, {@code JavaCompiler.desugar}, between cells 50 and 100), because C1 raises every threshold by its
     *     queue's length over {@code Tier3LoadFeedback} (5 by default) times its one thread, and the queue is long
     *     then. A feedback forty times weaker lets what the first cells run hot compile while they run; a fifth of
     *     the calls then leaves fewer of the start's methods past their thresholds than a tenth (the start runs
     *     javac once). Measured against a tenth with the default feedback: {@code bench/kernel-bench --compare},
     *     three runs (load 0.4-1.3), {@code 1 + 1} in cells 1-200 1.38 / 1.30 / 1.38x of ipykernel against 1.59 /
     *     1.43 / 1.49x, kernel_info 0.89 / 0.84 / 0.95x against 0.86 / 0.84 / 0.89x, RSS the same;
     *     {@code classroom-bench --students 8 --compare}, twice: 16.2 / 15.1 against 15.7 / 16.2 CPU seconds,
     *     198 / 199 against 201 / 200 students per 16 GB. The start pays for it: kernels of each kind in turns, 20
     *     starts each, twice, kernel_info 389 against 397 ms and 449 against 413 ms (0.78 against 0.70 s of CPU to
     *     the first cell), the first cell sent at once 22.7 against 21.4 and 26.2 against 23.7 ms. The feedback
     *     with a tenth (the same turns): cells 1-200 9.62 against 11.15 ms where a fifth took 10.14 (ipykernel
     *     7.70), but kernel_info 415, 432 and 457 ms against 397, 413 and 428, and {@code classroom-bench
     *     --students 8 --compare}: 17.4 and 16.7 against 15.9 CPU seconds, 191-193 against 201 students per 16 GB
     *     (4 MB more compiled code a kernel). Before the start's imports were installed without javac ({@code
     *     PreloadedImports}), the feedback alone had cost the start more than it saved the cells: kernel_info 1.05x
     *     of ipykernel against 0.97x, the first cell 2.79x against 2.33x, cells 1-200 1.32x against 1.48x
     *     ({@code bench/kernel-bench --compare}, load 2.4; C1 used 390 against 290 ms of CPU by kernel_info).
     *     Not kept: two C1 threads ({@code -XX:CICompilerCount=2}): cells 1-200 9.55 against 9.79 ms,
     *     kernel_info 1,044 against 1,017 ms (4 kernels each, alternating): within the spread. A tenth of the calls
     *     for the kernel's own classes too ({@code netlab.*}, still interpreted in 11% of the shell thread's
     *     samples in cells 201-400): cells 1-200 9.08 against 9.04 ms, CPU per cell 7.94 against 8.18 ms (3
     *     sessions each): within the spread.
     *     ({@code -XX:Tier3LoadFeedback=0} divides by zero: nothing compiles, 21 ms a warm cell.)
     * <li>{@code -Xms32m -Xmn6m}: the idle kernel has touched its whole initial eden, so the young
     *     generation is most of what the heap adds to RSS. Against {@code -Xms80m -Xmn32m}: idle kernel 110-114
     *     MB against 134-138 MB. Against {@code -Xmn16m} (kernel benchmark, 30 runs, twice, at load 5-14, with
     *     import pruning): kernel+agent idle after the first cell 151 against 157 MB, after the run + 3 s idle
     *     182 against 189-190 MB; CPU per trivial cell 38/26 and 46/31 ms against 43/28 and 46/38 ms, per
     *     200-declaration cell 534 and 674 ms against 628 and 900 ms: the extra young collections cost less
     *     than this machine's noise. The full collection right after the first cell gave nothing back (old
     *     generation 25 MB, all of it live). Against 8 MB in the same run: {@code -Xmn12m} idle 155 against
     *     151 MB, {@code -Xmn6m} 151 against 148 MB, neither with less CPU (a lone kernel with {@code -Xmn4m}
     *     or {@code -Xmn6m}: 3 MB less than 8 MB, within the benchmark's run-to-run spread of 3 MB). Once that
     *     spread had narrowed to 0.5 MB, 6 MB replaced 8 (8 kernels each, alternating, load 1.5-1.9): kernel +
     *     agent idle 134.6 against 136.6 MB, the 200-declaration cell 261 against 262 ms (CPU 511 against 536
     *     ms), trivial cells 31-60 12.3 against 12.6 ms; {@code -Xmn4m} held 132.2 against 136.5 MB but took
     *     the 200-declaration cell in 272 against 239 ms.
     * <li>{@code -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps}: so the full
     *     collection {@link IdleMemoryReturn} makes when the notebook is idle gives the old generation back down
     *     to its live set plus 20%. The serial collector grows the old generation on promotion instead of
     *     collecting it: after the kernel benchmark's latency run (400 trivial cells, five 200-declaration
     *     cells) it held 136-157 MB of which 57-62 MB was live. With the JDK's defaults (70% free allowed, and
     *     the first shrink only a step of it) a full collection left all of it committed (kernel 248-252 MB
     *     RSS before and after); with 30% free allowed, 146 MB → 57 MB used in 96 MB, kernel 228 → 177-179 MB
     *     RSS 3 s later; with 20%, 168 MB. CPU per trivial cell and per 200-declaration cell unchanged
     *     (25.3/1298 ms at 20% against 26.6/1262 ms at 30%, load 11-15): the old generation grows back by
     *     expansion, which costs no collection.
     * <li>{@code -XX:+UseCompactObjectHeaders} (JDK 25, 8-byte object headers): javac's and JShell's heap is
     *     small objects (strings, map entries, symbols). Live set after start 26-28 MB against 31 MB (before
     *     {@code PackageIndex}, which took it to about 10 MB), after the latency run 57 MB against 61-62 MB;
     *     trivial-cell CPU unchanged (22.5 against 22.9 ms). The AOT
     *     cache must be made with the same setting, and is ({@link ClassArchive} uses these options).
     * <li>{@code -XX:TrimNativeHeapInterval=2000}: glibc keeps what javac's C1 compilations and startup freed
     *     in its arenas; a periodic {@code malloc_trim} returned 6 MB of the idle kernel after startup and
     *     3-12 MB after the run. Each trim took 0.2-5 ms of one background thread here (one in 50 up to 12 ms
     *     at load 10), every 2 s: under 0.3% of a core. In the classroom benchmark's session (40 s, load 12)
     *     a kernel's trims took 57-89 ms and an agent's 118-206 ms; every 5 s, 8-50 and 33-280 ms: the cost
     *     is handing pages back, not the interval, so the shorter one returns memory sooner for the same.
     * <li>{@code -XX:ArchiveRelocationMode=0}: map the AOT cache at the address it was made for. The default
     *     (1, relocate always, for address-space randomisation) rewrites every pointer in it at start, so
     *     25 of its 31 resident MB became private to each kernel; mapped in place they stay the file's pages,
     *     shared by every kernel of the same install (anonymous memory of an idle kernel 88 → 75 MB). The
     *     kernel runs no student code (the agent does); its heap, libraries and stacks stay randomised.
     * <li>{@value #DYNAMIC_AGENT}: when a stop finds javac still compiling a cell a grace period later, the
     *     kernel loads netlab.jar into itself as an agent to stop it ({@code CompileStop}); the JDK allows that
     *     and, without this flag, prints four lines of warning on the kernel's stderr. A flag costs nothing at
     *     start, where an agent the JVM starts with cost 67-86 ms of it.
     * <li>no {@code -Xshare} flag: the JVM maps its CDS archive by default, and {@code -XX:AOTCache} (the
     *     kernel's cache that install adds, {@link ClassArchive}) refuses any {@code -Xshare} option.
     * </ul>
     */
    static final List<String> DEFAULT_KERNEL_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m", "-Xmn6m", "-Xmx256m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:-ShrinkHeapInSteps",
            "-XX:+UseCompactObjectHeaders", "-XX:TrimNativeHeapInterval=2000",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", DYNAMIC_AGENT,
            "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
            "-XX:CompileCommand=quiet", "-XX:CompileCommand=CompileThresholdScaling,com.sun.tools.javac.*::*,0.2",
            "-XX:CompileCommand=CompileThresholdScaling,jdk.jshell.*::*,0.2", "-XX:Tier3LoadFeedback=200");

    private KernelLaunch() {
    }
}

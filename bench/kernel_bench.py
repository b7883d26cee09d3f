#!/usr/bin/python3
"""Kernel benchmark through Debian's jupyter_client: netlab against ipykernel, measured in the same run.

Usage (after ./netlab build):  bench/kernel-bench [--runs N] [--starts K] [--jdi] [--compare JAR]

Each kind's kernel is started and runs the same sequence of cells (Java for netlab, the equivalent Python for
ipykernel); the kinds' kernels run side by side and take turns every 10 cells, so a drift of the machine's load
lands on every kind alike (run one after the other, ipykernel's own p50 moved 5-9 ms between runs). --jdi adds
JShell's stock JDI engine (the netlab kernel with --engine=jdi) as a column; --compare JAR adds the
netlab.jar of another build (e.g. main's, for a before/after table), installed the same way. Prints one table: times
in ms (medians and percentiles), memory in MB of the kernel's process tree (kernel JVM + agent JVM for
netlab) right after the run and again once the kernel has been idle for 3 s (a student reading; netlab's
kernel gives grown heap back then), the CPU seconds each kernel's processes used beside the wall time of
its measured cells, each ratio netlab/ipykernel, and the load average before and after; then each of issue 19's
targets with its ratio and whether this run met it. kernel_info after launch and the first cell sent as soon
as it is answered are medians over --starts fresh kernels of each kind, the kinds started in turns. Last, trivial
cells each after 3 s of quiet, as a class sends them (a kernel's caches and threads have gone cold by then).
"""
import argparse
import os
import statistics
import time

import benchlib as b

N = 200
IDLE_AFTER_S = 3
# a student who opens a notebook reads before running the first cell: the session has finished starting
REST_BEFORE_FIRST_S = 3
# acts a kernel runs back to back before the other kinds take their turn (see in_lockstep)
BLOCK = 10
# a class sends cells seconds apart (classroom-bench's mean think time): trivial cells after this much quiet
QUIET_S = 3
QUIET_CELLS = 20
# characters of HTML the display cell shows: a large table or picture
DISPLAY_CHARS = 2_000_000


class Cells:
    """One language's cells for the same measurements."""

    def __init__(self, trivial, declaration, edited, declarations, statements, method, completion, display,
                 setup=""):
        self.trivial, self.declaration, self.edited, self.declarations = trivial, declaration, edited, declarations
        self.statements, self.method, self.completion, self.setup = statements, method, completion, setup
        self.display = display


JAVA = Cells(
    trivial="1 + 1",
    # issue 19's trivial cell: a declaration, which later cells see, so JShell compiles and keeps it as a snippet
    declaration="int x = 1;",
    # the declaration cell edited and run again: its value changes every run ({k} is the run's number)
    edited="int x = {k};",
    # what a teaching cell mostly holds: top-level declarations, each a variable later cells see; {k} is the run's
    # number, so each run is the cell edited (every declaration's source changed) and compiles all 200 again
    declarations="\n".join(f"int v{i} = {i} * {{k}};" for i in range(N)),
    statements="int total = 0;\n" + "\n".join(f"total += {i} * 2;" for i in range(N - 1)) + "\ntotal",
    method=("int longMethod(int x) {\n" + "\n".join(f"    x = x * 31 + {i};" for i in range(N - 2))
            + "\n    return x + {k};\n}\nlongMethod(1)"),  # {k}: edited each run, as the declarations
    completion="Math.ma",
    display=f'Display.show(Html.of("<p>" + "x".repeat({DISPLAY_CHARS}) + "</p>", "x"))')
PYTHON = Cells(
    trivial="1 + 1",
    declaration="x = 1",
    edited="x = {k}",
    declarations="\n".join(f"v{i} = {i} * {{k}}" for i in range(N)),
    statements="total = 0\n" + "\n".join(f"total += {i} * 2" for i in range(N - 1)) + "\ntotal",
    method=("def long_method(x):\n" + "\n".join(f"    x = (x * 31 + {i}) & 0xffffffff" for i in range(N - 2))
            + "\n    return x + {k}\nlong_method(1)"),
    completion="math.fa", display=f'display(HTML("<p>" + "x" * {DISPLAY_CHARS} + "</p>"))',
    setup="import math\nfrom IPython.display import HTML, display")


def fresh_kernel_ms(kernel_name, cells, rest_s=0):
    """A fresh kernel's kernel_info after launch and its first cell, sent rest_s after that reply."""
    km, kc, info_ms = b.start(kernel_name, await_iopub=False)
    try:
        time.sleep(rest_s)
        return info_ms, b.first_cell_ms(kc, cells.trivial)
    finally:
        b.stop(km, kc)


def starts_in_turns(kinds, starts):
    """kernel_info and the first cell of `starts` fresh kernels of each (kernel name, cells) kind, medians per kind:
    one start is one sample of a bimodal span (other work lands on it or not). The kinds start in turns, each
    round in another order, so a drift of the machine's load over the run lands on every kind alike, not on the
    kind that happened to start first."""
    samples = {name: [] for name, _ in kinds}
    for i in range(starts):
        for name, cells in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:
            samples[name].append(fresh_kernel_ms(name, cells))
    return {name: (statistics.median(info for info, _ in taken), statistics.median(first for _, first in taken))
            for name, taken in samples.items()}


class Session:
    """One kind's kernel for the latency run, with what was measured of it so far."""

    def __init__(self, kernel_name, cells):
        self.name, self.cells = kernel_name, cells
        self.km, self.kc, _ = b.start(kernel_name, await_iopub=False)
        self.pid = b.kernel_pid(self.km)
        self.readings = {}
        self.runs = 1  # the declaration cell is run 1

    def run_edited(self, cell):
        """cell with each {k} replaced by a number no earlier run used: the cell edited"""
        self.runs += 1
        self.run_again(cell)

    def run_again(self, cell):
        """cell with each {k} replaced by the latest edited run's number: as it was run then"""
        self.run(cell.replace("{k}", str(self.runs)))

    def run(self, code):
        b.execute(self.kc, code)

    def complete(self, code):
        b.complete(self.kc, code)

    def stop(self):
        b.stop(self.km, self.kc)


def in_lockstep(sessions, count, act, block=BLOCK, quiet_s=0):
    """act(session) count times in every session, the sessions taking turns every block acts (each round in another
    order), so that a drift of the machine's load lands on every kind alike: measured one kind after the other,
    ipykernel's own p50 moved 5-9 ms between runs and with it the ratios. Not act by act: a kernel then waits
    while the other runs, its caches go cold between its own cells, and that cost is not the cell's own (one run:
    netlab's trivial cell took 10.4 ms of CPU in cells 201-400 against 8.5-9.8 in five runs taking turns every
    10). Returns, per session, the wall ms of each act and the CPU ms of the session's processes per act (their
    own CPU: the others' work is not counted). With quiet_s, each turn of all the sessions begins after that much
    silence from all of them (block=1: every act after a pause, as a student's cells come), and the CPU per act
    includes what each kernel did while quiet."""
    times = {s: [] for s in sessions}
    cpu0 = {s: b.cpu_s(s.pid) for s in sessions}
    for i, start in enumerate(range(0, count, block)):
        if quiet_s:
            time.sleep(quiet_s)
        k = i % len(sessions)
        for s in sessions[k:] + sessions[:k]:
            times[s].extend(b.timed_ms(lambda: act(s)) for _ in range(min(block, count - start)))
    return {s: (times[s], (b.cpu_s(s.pid) - cpu0[s]) / count * 1000) for s in sessions}


def measure(kinds, runs, starts, started):
    """Every (kernel name, cells) kind's latency session, the kinds' kernels running side by side and their cells
    in lockstep; returns each kind's column of the table by kernel name."""
    after_rest = {kernel: fresh_kernel_ms(kernel, cells, REST_BEFORE_FIRST_S)[1] for kernel, cells in kinds}
    sessions = []
    try:
        for kernel, cells in kinds:
            sessions.append(Session(kernel, cells))
            b.first_cell_ms(sessions[-1].kc, cells.trivial)
        time.sleep(1)
        for s in sessions:
            s.readings["rss_idle"], s.readings["pss_idle"] = b.rss_mb(s.pid), b.pss_mb(s.pid)
            if s.cells.setup:
                s.run(s.cells.setup)
        # Two batches: the first cells of a session run while the JIT still compiles javac (what a student
        # meets after opening a notebook); the second is the steady state of a long session.
        batches = {
            "trivial": in_lockstep(sessions, runs, lambda s: s.run(s.cells.trivial)),
            "warm": in_lockstep(sessions, runs, lambda s: s.run(s.cells.trivial)),
            "declaration": in_lockstep(sessions, runs, lambda s: s.run(s.cells.declaration)),
            "edited": in_lockstep(sessions, runs, lambda s: s.run_edited(s.cells.edited)),
            "declarations": in_lockstep(sessions, 5, lambda s: s.run_edited(s.cells.declarations)),
            # the last of those again, as it is: what running a whole notebook again does to its unchanged cells
            "declarations again": in_lockstep(sessions, 5, lambda s: s.run_again(s.cells.declarations)),
            "statements": in_lockstep(sessions, 5, lambda s: s.run(s.cells.statements)),
            "method": in_lockstep(sessions, 5, lambda s: s.run_edited(s.cells.method)),
            "completion": in_lockstep(sessions, max(50, runs // 4), lambda s: s.complete(s.cells.completion)),
        }
        for s in sessions:
            s.readings["rss_after"], s.readings["pss_after"] = b.rss_mb(s.pid), b.pss_mb(s.pid)
        # a student reads between cells: what the kernel holds once idle is what a classroom server holds
        time.sleep(IDLE_AFTER_S)
        for s in sessions:
            s.readings["rss_rested"], s.readings["pss_rested"] = b.rss_mb(s.pid), b.pss_mb(s.pid)
            s.readings["cpu"] = b.cpu_s(s.pid)
        # a large table or picture, from the cell to the front end: after the readings above, which it would move
        batches["display"] = in_lockstep(sessions, 5, lambda s: s.run(s.cells.display))
        batches["quiet"] = in_lockstep(sessions, QUIET_CELLS, lambda s: s.run(s.cells.trivial), block=1,
                                       quiet_s=QUIET_S)
    finally:
        for s in sessions:
            s.stop()
    return {s.name: figures(s.readings, {k: v[s] for k, v in batches.items()}, started[s.name], after_rest[s.name],
                            starts)
            for s in sessions}


def figures(readings, batches, started, first_after_rest, starts):
    """One kind's column of the table: its memory and CPU readings, its batches' (wall ms, CPU ms per act)."""
    info_ms, first = started
    trivial, trivial_cpu = batches["trivial"]
    warm, warm_cpu = batches["warm"]
    declarations, declarations_cpu = batches["declarations"]
    return {
        f"kernel_info after launch (median of {starts}, ms)": info_ms,
        f"first cell, sent at once (median of {starts}, ms)": first,
        f"first cell {REST_BEFORE_FIRST_S} s after kernel_info (ms)": first_after_rest,
        "trivial cell p50, cells 1-N (ms)": statistics.median(trivial),
        "trivial cell p90, cells 1-N (ms)": b.pct(trivial, 0.9),
        "trivial cell p50, cells N+1-2N (ms)": statistics.median(warm),
        "trivial cell p90, cells N+1-2N (ms)": b.pct(warm, 0.9),
        # CPU per cell moves far less with the machine's load than wall time does
        "trivial cell CPU, cells 1-N (mean, ms)": trivial_cpu,
        "trivial cell CPU, cells N+1-2N (mean, ms)": warm_cpu,
        f"trivial cell {QUIET_S} s apart, p50 of {QUIET_CELLS} (ms)": statistics.median(batches["quiet"][0]),
        "declaration cell p50, cells 2N+1-3N (ms)": statistics.median(batches["declaration"][0]),
        "edited declaration p50, cells 3N+1-4N (ms)": statistics.median(batches["edited"][0]),
        f"{N}-declaration cell (median of 5, ms)": statistics.median(declarations),
        f"{N}-declaration cell CPU (mean of 5, ms)": declarations_cpu,
        f"{N}-declaration cell run again (median of 5, ms)": statistics.median(batches["declarations again"][0]),
        f"{N}-statement cell (median of 5, ms)": statistics.median(batches["statements"][0]),
        f"{N}-line method cell (median of 5, ms)": statistics.median(batches["method"][0]),
        "completion p50 (ms)": statistics.median(batches["completion"][0]),
        f"{DISPLAY_CHARS // 1_000_000} MB HTML display cell (median of 5, ms)": statistics.median(batches["display"][0]),
        "RSS idle after first cell (MB)": readings["rss_idle"],
        "RSS after the run (MB)": readings["rss_after"],
        "PSS idle after first cell (MB)": readings["pss_idle"],
        "PSS after the run (MB)": readings["pss_after"],
        f"RSS after the run + {IDLE_AFTER_S} s idle (MB)": readings["rss_rested"],
        f"PSS after the run + {IDLE_AFTER_S} s idle (MB)": readings["pss_rested"],
        "CPU of the kernel's processes (s)": readings["cpu"],
        "wall time of its measured cells (s)": sum(sum(times) for times, _ in batches.values()) / 1000,
    }


# Issue 19's targets: (what, measure, the most netlab/ipykernel may be, the most netlab may be in absolute terms)
TARGETS = [
    ("start", "kernel_info after launch", 1.0, None),
    ("first cell", "first cell, sent at once", 3.0, None),
    ("trivial cell, cells 1-N", "trivial cell p50, cells 1-N", 1.5, None),
    ("trivial cell, cells N+1-2N", "trivial cell p50, cells N+1-2N", 1.5, None),
    ("declaration cell", "declaration cell p50", 1.5, None),
    (f"{N}-declaration cell", f"{N}-declaration cell (median", 20.0, None),
    ("memory idle", "RSS idle after first cell", 2.0, 140.0),
    ("memory after the run", "RSS after the run (MB)", None, 220.0),
]


def verdicts(ours, base):
    """One line per target of issue 19: the measure, its ratio and whether this run met it."""
    lines = []
    for what, prefix, most_ratio, most_mb in TARGETS:
        key = next(k for k in ours if k.startswith(prefix))
        ratio = ours[key] / base[key] if base[key] else float("nan")
        met = (most_ratio is None or ratio <= most_ratio) and (most_mb is None or ours[key] <= most_mb)
        limits = " and ".join(([f"<= {most_ratio}x"] if most_ratio else [])
                              + ([f"<= {most_mb:.0f} MB"] if most_mb else []))
        shown = f"{ratio:.2f}x" + (f", {ours[key]:.1f} MB" if most_mb else "")
        lines.append(f"  {what:28} {shown:>18}   target {limits:22} {'met' if met else 'NOT MET'}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200, help="trivial cells per batch (default 200)")
    parser.add_argument("--starts", type=int, default=5,
                        help="fresh kernels whose kernel_info and first cell are timed (default 5; medians)")
    parser.add_argument("--jdi", action="store_true", help="also measure JShell's stock JDI engine")
    parser.add_argument("--compare", metavar="JAR", help="also measure another build's netlab.jar")
    args = parser.parse_args()
    load_before = b.load()
    extra = [("netlab-bench-jdi", ["--engine=jdi"])] if args.jdi else []
    other = [("netlab-bench-compare", os.path.abspath(args.compare))] if args.compare else []
    kinds = [("netlab", b.NETLAB, JAVA), ("ipykernel", b.IPYKERNEL, PYTHON)]
    if args.compare:
        kinds.append(("compared", "netlab-bench-compare", JAVA))
    if args.jdi:
        kinds.append(("JShell JDI", "netlab-bench-jdi", JAVA))
    with b.Install(extra, other):
        started = starts_in_turns([(kernel, cells) for _, kernel, cells in kinds], args.starts)
        measured = measure([(kernel, cells) for _, kernel, cells in kinds], args.runs, args.starts, started)
    columns = [(name, measured[kernel]) for name, kernel, _ in kinds]
    ours, base = columns[0][1], columns[1][1]
    print(f"{'measure':42}" + "".join(f"{name:>12}" for name, _ in columns)
          + "".join(f"{name + '/ipykernel':>22}" for name, _ in columns if name != "ipykernel"))
    for key in ours:
        ratios = "".join(f"{col[key] / base[key] if base[key] else float('nan'):21.2f}x"
                         for name, col in columns if name != "ipykernel")
        print(f"{key:42}" + "".join(f"{col[key]:12.1f}" for _, col in columns) + ratios)
    print(f"(N = {args.runs} trivial cells per batch; {os.cpu_count()} cores; load average before "
          f"{load_before}, after {b.load()}; RSS/PSS of the kernel's process tree; CPU = user + system "
          f"seconds of the kernel's living processes at the end of its session)")
    print("issue 19's targets, netlab against ipykernel in this run:")
    print("\n".join(verdicts(ours, base)))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Chapter 4's kernel figures through Debian's jupyter_client: many virtual threads, and interrupting worker processes.

Usage (after ./netlab build):  bench/ch4-kernel [--runs N] [--threads N]

In one kernel session, alternating, --runs times each:
  * baseline: a cell starting 1 virtual thread that sleeps 1 s (compile, run, reply, the sleep itself);
  * the demo: the same cell starting 100,000 virtual threads that sleep 1 s (the goal: under 5 s);
  * interrupt: a cell with 4 worker processes (python3 bound to loopback ports, one deaf to SIGTERM, one with a
    child of its own), interrupted once all are up; interrupt-to-reply time, the processes and ports checked gone.
  * the same code as the demo in a plain JVM (java Bare.java, the agent's heap and GC): what the kernel adds.
Prints wall time (send to reply), CPU seconds of the agent JVM during the cell, the agent's RSS after, each as
median (min-max), the ratio demo/baseline, and the load average before and after: this shared machine's load
moves absolute times threefold, so read the ratio and CPU beside the wall time.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kernel", "src", "test", "python"))
import benchlib as b  # noqa: E402
from test_concurrency import WORKER, four_workers, workers  # noqa: E402
from test_hostile import agent_pid, port_free, process_gone  # noqa: E402


def sleepers(n):
    return ("var done = new java.util.concurrent.atomic.AtomicInteger();\n"
            "try (var ex = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {\n"
            f"  for (int i = 0; i < {n}; i++) ex.submit(() -> {{ Thread.sleep(1000); return done.incrementAndGet(); }});\n"
            "}\n"
            "System.out.println(done.get());")


BARE = """
public class Bare {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        long cpu0 = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        long t0 = System.nanoTime();
        var done = new java.util.concurrent.atomic.AtomicInteger();
        try (var ex = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) ex.submit(() -> { Thread.sleep(1000); return done.incrementAndGet(); });
        }
        long cpu1 = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        System.out.println((System.nanoTime() - t0) / 1e9 + " " + (cpu1 - cpu0) / 1e9 + " " + done.get());
    }
}
"""


def bare_jvm(n, workdir):
    """(wall s, CPU s) of the same code in a plain JVM with the agent's heap and GC: no kernel, no weaving, no census."""
    import subprocess
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
    out = subprocess.run([java, "-Xmx512m", "-XX:+UseSerialGC", os.path.join(workdir, "Bare.java"), str(n)],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1]), 0.0


def agent_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / b.CLOCK_TICKS


def agent_rss_mb(pid):
    return b._field_kb(f"/proc/{pid}/status", "VmRSS:") / 1024


def timed_cell(kc, pid, code):
    """(wall s, agent CPU s, agent RSS MB after) of one cell."""
    cpu0, t0 = agent_cpu(pid), time.perf_counter()
    b.execute(kc, code)
    return time.perf_counter() - t0, agent_cpu(pid) - cpu0, agent_rss_mb(pid)


def interrupt_workers(km, kc, script):
    """Interrupt-to-reply seconds for the 4-worker cell; asserts its processes and ports are gone."""
    msg_id = kc.execute(four_workers(script, "for (var p : workers) p.waitFor();"))
    text, deadline = "", time.time() + 120
    while "GO" not in text and time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            text += msg["content"]["text"]
    found = workers(text)
    t0 = time.perf_counter()
    km.interrupt_kernel()
    while True:
        reply = kc.get_shell_msg(timeout=120)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.perf_counter() - t0
    left = [pid for pid, _ in found if not process_gone(pid)] + [port for _, port in found if not port_free("tcp", port)]
    if len(found) != 5 or left:
        raise RuntimeError(f"workers {found}: still there {left}")
    return elapsed


def summary(values, fmt):
    return f"{fmt % statistics.median(values)} ({fmt % min(values)}-{fmt % max(values)})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each cell (default 3)")
    parser.add_argument("--threads", type=int, default=100_000, help="virtual threads of the demo (default 100000)")
    args = parser.parse_args()
    load_before = b.load()
    fd, script = tempfile.mkstemp(prefix="netlab-worker", suffix=".py")
    with os.fdopen(fd, "w") as f:
        f.write(WORKER)
    rows = {"baseline: 1 virtual thread": [], f"demo: {args.threads:,} virtual threads": [], "interrupt": [],
            "bare": []}
    workdir = tempfile.mkdtemp(prefix="netlab-bench-bare")
    with open(os.path.join(workdir, "Bare.java"), "w") as f:
        f.write(BARE)
    try:
        with b.Install():
            km, kc, _ = b.start(b.NETLAB)
            try:
                pid = agent_pid(b.kernel_pid(km))
                b.execute(kc, sleepers(10))  # a first cell: the agent's classes loaded, javac warm
                for _ in range(args.runs):
                    rows["baseline: 1 virtual thread"].append(timed_cell(kc, pid, sleepers(1)))
                    rows[f"demo: {args.threads:,} virtual threads"].append(timed_cell(kc, pid, sleepers(args.threads)))
                    rows["interrupt"].append(interrupt_workers(km, kc, script))
                    rows["bare"].append(bare_jvm(args.threads, workdir))
            finally:
                b.stop(km, kc)
    finally:
        os.unlink(script)
        import shutil
        shutil.rmtree(workdir, ignore_errors=True)
    base, demo = rows["baseline: 1 virtual thread"], rows[f"demo: {args.threads:,} virtual threads"]
    print(f"{'cell (runs: ' + str(args.runs) + ')':38}{'wall s':>22}{'agent CPU s':>22}{'agent RSS MB':>22}")
    bare = rows["bare"]
    for name, runs in (("baseline: 1 virtual thread", base), (f"demo: {args.threads:,} virtual threads", demo),
                       ("same code, plain JVM (no kernel)", bare)):
        print(f"{name:38}{summary([r[0] for r in runs], '%.2f'):>22}{summary([r[1] for r in runs], '%.2f'):>22}"
              f"{summary([r[2] for r in runs], '%.0f'):>22}")
    print(f"{'demo / baseline (wall, median)':38}{statistics.median([r[0] for r in demo]) / statistics.median([r[0] for r in base]):>21.2f}x")
    print(f"{'demo CPU / plain JVM CPU (median)':38}{'':22}{statistics.median([r[1] for r in demo]) / statistics.median([r[1] for r in bare]):>21.2f}x")
    print(f"{'interrupt 4 workers -> reply':38}{summary(rows['interrupt'], '%.2f'):>22}"
          "   (all 5 processes gone, ports bindable)")
    print(f"({os.cpu_count()} cores; load average before {load_before}, after {b.load()})")


if __name__ == "__main__":
    main()

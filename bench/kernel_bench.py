#!/usr/bin/python3
"""Kernel benchmark through Debian's jupyter_client: netlab's agent engine vs JShell's default JDI engine.

Usage (after ./netlab build):  bench/kernel-bench [--runs N]
Both kernels are the same netlab kernel; the baseline passes --engine=jdi, which makes JShell run snippets
through its stock JDI remote agent. Everything runs in one process, one after the other, on this machine.
Prints one table: medians/percentiles in ms, RSS in MB (kernel JVM + agent JVM, from /proc).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_mb(pid):
    """RSS of pid and all its descendants, in MB."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except FileNotFoundError:
            pass
    return total / 1024


def execute(kc, code, timeout=120):
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    # drain iopub to idle so the next measurement starts clean
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {code[:60]!r}: {reply['content'].get('evalue')}")
    return reply


def timed(fn):
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


STATEMENTS_200 = "int total = 0;\n" + "\n".join(f"total += {i} * 2;" for i in range(199)) + "\ntotal"
METHOD_200 = ("int longMethod(int x) {\n" + "\n".join(f"    x = x * 31 + {i};" for i in range(198))
              + "\n    return x;\n}\nlongMethod(1)")


def measure(kernel_name, runs):
    km = KernelManager(kernel_name=kernel_name)
    start = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info()
    while kc.get_shell_msg(timeout=120)["msg_type"] != "kernel_info_reply":
        pass
    info_ms = (time.perf_counter() - start) * 1000
    pid = km.provisioner.process.pid
    try:
        first = timed(lambda: execute(kc, "1 + 1"))
        time.sleep(1)
        idle = rss_mb(pid)
        # Two batches: the first cells of a session run while the JIT still compiles javac (what a student
        # meets after opening a notebook); the second is the steady state of a long session.
        trivial = [timed(lambda: execute(kc, "1 + 1")) for _ in range(runs)]
        warm = [timed(lambda: execute(kc, "1 + 1")) for _ in range(runs)]
        stmts = [timed(lambda: execute(kc, STATEMENTS_200)) for _ in range(5)]
        method = [timed(lambda: execute(kc, METHOD_200)) for _ in range(5)]
        completion = []
        for _ in range(max(50, runs // 4)):
            t0 = time.perf_counter()
            kc.complete("Math.ma", 7)
            while kc.get_shell_msg(timeout=60)["msg_type"] != "complete_reply":
                pass
            completion.append((time.perf_counter() - t0) * 1000)
        after = rss_mb(pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {
        "kernel_info after launch": info_ms,
        "first cell": first,
        "trivial cell p50 (cells 1-N)": statistics.median(trivial),
        "trivial cell p90 (cells 1-N)": pct(trivial, 0.9),
        "trivial cell p50 (cells N+1-2N)": statistics.median(warm),
        "trivial cell p90 (cells N+1-2N)": pct(warm, 0.9),
        "200-statement cell (median of 5)": statistics.median(stmts),
        "200-line method cell (median of 5)": statistics.median(method),
        "completion p50": statistics.median(completion),
        "RSS idle (MB)": idle,
        "RSS after run (MB)": after,
    }


def install(prefix):
    jar = os.path.join(REPO, "kernel", "target", "netlab.jar")
    if not os.path.exists(jar):
        sys.exit("bench: build first (./netlab build); no " + jar)
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    subprocess.run([java, "-jar", jar, "install", "--prefix", prefix, "--name", "netlab-bench"], check=True,
                   stdout=subprocess.DEVNULL)
    kernels = os.path.join(prefix, "share", "jupyter", "kernels")
    shutil.copytree(os.path.join(kernels, "netlab-bench"), os.path.join(kernels, "netlab-bench-jdi"))
    spec_path = os.path.join(kernels, "netlab-bench-jdi", "kernel.json")
    with open(spec_path) as f:
        spec = json.load(f)
    spec["argv"].insert(spec["argv"].index("kernel") + 1, "--engine=jdi")
    spec["argv"] = [a.replace("/netlab-bench/", "/netlab-bench-jdi/") for a in spec["argv"]]
    with open(spec_path, "w") as f:
        json.dump(spec, f)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200, help="trivial cells per kernel (default 200)")
    args = parser.parse_args()
    prefix = tempfile.mkdtemp(prefix="netlab-bench-")
    try:
        install(prefix)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        ours = measure("netlab-bench", args.runs)
        jdi = measure("netlab-bench-jdi", args.runs)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    print(f"{'measure':38} {'netlab':>10} {'JShell JDI':>11} {'JDI/netlab':>11}")
    for key in ours:
        ratio = jdi[key] / ours[key] if ours[key] else float("nan")
        print(f"{key:38} {ours[key]:10.1f} {jdi[key]:11.1f} {ratio:10.2f}x")
    print(f"(trivial cells: N = {args.runs}, 2N per kernel; times in ms; {os.cpu_count()} cores; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()

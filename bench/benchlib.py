"""What bench/kernel_bench.py and bench/classroom_bench.py share: installing netlab for the run, driving a
kernel through Debian's jupyter_client, and reading memory and CPU of a kernel's process tree from /proc.

ipykernel is the baseline of every run: Debian's python3-ipykernel ("python3" kernelspec), measured in the
same process on the same machine, because this shared machine's load moves absolute times threefold.
"""
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NETLAB = "netlab-bench"
IPYKERNEL = "python3"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Install:
    """netlab installed into a temporary prefix (as `netlab install` would for a user), removed on exit."""

    def __init__(self, extra_kernels=(), other_builds=()):
        """extra_kernels: (name, extra argv) variants of this build; other_builds: (name, netlab.jar of
        another build, e.g. main's, with its netlab-lessons.jar beside it), installed as they would be."""
        self.extra_kernels, self.other_builds = extra_kernels, other_builds

    def __enter__(self):
        if not os.path.exists("/usr/share/jupyter/kernels/python3/kernel.json"):
            sys.exit("bench: the baseline needs ipykernel: apt-get install python3-ipykernel")
        self.prefix = tempfile.mkdtemp(prefix="netlab-bench-")
        self.kernels = os.path.join(self.prefix, "share", "jupyter", "kernels")
        self.install(os.path.join(REPO, "kernel", "target", "netlab.jar"), NETLAB)
        for name, jar in self.other_builds:
            self.install(jar, name)
        for name, extra_argv in self.extra_kernels:
            self.variant(name, extra_argv)
        os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # ipykernel's debugger warns on every start otherwise
        os.environ["JUPYTER_PATH"] = os.path.join(self.prefix, "share", "jupyter")
        return self

    def install(self, jar, name):
        if not os.path.exists(jar):
            sys.exit("bench: build first (./netlab build); no " + jar)
        java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
        subprocess.run([java, "-jar", jar, "install", "--prefix", self.prefix, "--name", name], check=True,
                       stdout=subprocess.DEVNULL)

    def variant(self, name, extra_argv):
        """A copy of the netlab kernelspec whose kernel gets extra_argv after the `kernel` command."""
        shutil.copytree(os.path.join(self.kernels, NETLAB), os.path.join(self.kernels, name))
        spec_path = os.path.join(self.kernels, name, "kernel.json")
        with open(spec_path) as f:
            spec = json.load(f)
        argv = spec["argv"]
        at = argv.index("kernel") + 1
        spec["argv"] = [a.replace(f"/{NETLAB}/", f"/{name}/") for a in argv[:at] + list(extra_argv) + argv[at:]]
        with open(spec_path, "w") as f:
            json.dump(spec, f)

    def __exit__(self, *exc):
        shutil.rmtree(self.prefix, ignore_errors=True)


def start(kernel_name, await_iopub=True):
    """Starts a kernel and waits for its kernel_info_reply; returns (manager, client, ms from launch). With
    await_iopub False the first message may be sent at once: then time it with first_cell_ms."""
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info()
    while kc.get_shell_msg(timeout=180)["msg_type"] != "kernel_info_reply":
        pass
    ms = (time.perf_counter() - t0) * 1000
    if await_iopub:
        _await_iopub(kc)
    return km, kc, ms


def first_cell_ms(kc, code):
    """Sends a cell at once after start(await_iopub=False) and returns the ms until its execute_reply; then
    makes sure iopub delivers (a late subscription loses that cell's busy/idle) outside the timed span."""
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = _reply(kc, msg_id, 180)
    ms = (time.perf_counter() - t0) * 1000
    try:
        _await_idle(kc, msg_id, 10)
    except queue.Empty:
        _await_iopub(kc)
    _check(reply, code)
    return ms


def _await_iopub(kc, tries=30):
    """Returns once this client's iopub subscription receives messages. A SUB socket joins late: a kernel may
    answer kernel_info before iopub has connected and its first cell's busy/idle are then lost, so execute()
    would wait for an idle that never comes (ipykernel did once, at load 0.3). A kernel publishes a status for
    each request, so one message proves the subscription (jupyter_client's wait_for_ready does the same). On
    time it is queued already and this returns at once."""
    for _ in range(tries):
        try:
            kc.get_iopub_msg(timeout=1)
            return
        except queue.Empty:
            kc.kernel_info()
            kc.get_shell_msg(timeout=180)
    sys.exit("bench: the kernel's iopub channel delivered nothing after 30 kernel_info requests")


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def execute(kc, code, timeout=180):
    """Runs a cell and waits for its reply and for iopub to go idle; raises if the cell failed."""
    msg_id = kc.execute(code)
    reply = _reply(kc, msg_id, timeout)
    _await_idle(kc, msg_id, timeout)
    _check(reply, code)
    return reply


def _reply(kc, msg_id, timeout):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def _await_idle(kc, msg_id, timeout):
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def _check(reply, code):
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {code[:60]!r}: {reply['content'].get('evalue')}")


def timed_ms(fn):
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def complete(kc, code):
    kc.complete(code, len(code))
    while kc.get_shell_msg(timeout=60)["msg_type"] != "complete_reply":
        pass


def tree(pid):
    """pid and all its living descendants (the kernel and, for netlab, its agent JVM)."""
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        try:
            stack.extend(_children(p))
            found.append(p)
        except (FileNotFoundError, ProcessLookupError):
            pass
    return found


def _children(pid):
    """Child pids from /proc/PID/task/*/children, or, on a kernel built without that file
    (CONFIG_PROC_CHILDREN), from the parent pid in every process's /proc/PID/stat."""
    tasks = os.listdir(f"/proc/{pid}/task")
    try:
        children = []
        for task in tasks:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                children.extend(int(c) for c in f.read().split())
        return children
    except FileNotFoundError:
        if not os.path.exists(f"/proc/{pid}"):
            raise
    return [p for p, parent in _parents().items() if parent == pid]


def _parents():
    """pid -> parent pid of every living process."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError):
                pass
    return parents


def _field_kb(path, name):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(name):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def rss_mb(pid):
    """Resident set of the process tree, MB: pages shared between kernels (the JDK's CDS archive, libjvm)
    count once per process, so summing it over a classroom overstates what the machine holds."""
    return sum(_field_kb(f"/proc/{p}/status", "VmRSS:") for p in tree(pid)) / 1024


def pss_mb(pid):
    """Proportional set of the process tree, MB: each shared page divided among the processes mapping it,
    so summed over a classroom it is the memory the machine really holds for the kernels."""
    return sum(_field_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree(pid)) / 1024


def cpu_s(pid):
    """User + system CPU seconds the process tree has used so far (living processes only)."""
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total / CLOCK_TICKS


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def kernel_pid(km):
    return km.provisioner.process.pid

"""Hostile cells against the netlab kernel, driven through Debian's jupyter_client.

After each hostile cell: a cell that must work, a check that the agent JVM's CPU is idle, a check that the
ports the cell opened are free, and whether earlier variables survived. Prints a table of timings; asserts
behaviour only (a reply arrives, the next cell works, CPU idle, ports free, the kernel never dies), with
generous bounds.

Run by netlab.kernel.it.PythonKernelTestsIT. By hand, after `./netlab install --user`:
    NETLAB_KERNEL_NAME=netlab /usr/bin/python3 -m unittest -v kernel/src/test/python/test_hostile.py
NETLAB_HOSTILE_CASES=<regex> runs only the cases whose name matches (for measuring a few of them).
"""
import os
import re
import socket
import time
import unittest
from collections import namedtuple

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")
REPLY_TIMEOUT = 60          # generous: a reply must come, the table shows how fast
GO_TIMEOUT = 30             # for the cell to reach its hostile part
CPU_WINDOW = 0.5            # seconds of agent CPU sampled
CPU_IDLE_MAX = 0.2          # CPU seconds allowed in the window (40 %): idle, with room for GC and JIT
TICKS = os.sysconf(os.sysconf_names["SC_CLK_TCK"])

GO = 'System.out.println("GO");\n'
PORT = 'System.out.println("PORT " + {}.getLocalPort());\n'
CAP_MESSAGE = r" 2000 .*%%threads 4000"   # the platform-thread cap and how to raise it for one cell
RESET = r"variables were reset"


class Case(namedtuple("Case", "name code interrupt proto reply after")):
    """One hostile cell.

    interrupt: interrupt it once it printed GO (or PORT n); proto: "tcp" or "udp" when it prints the port it
    opened, which must be free afterwards; reply: a pattern the reply's error must match; after: (code, pattern)
    pairs, cells run once the kernel is usable again whose stdout + result must match the pattern.
    """


def case(name, code, interrupt=False, proto=None, reply=None, after=()):
    return Case(name, code, interrupt, proto, reply, tuple(after))


DEADLOCK = ("Object la = new Object(), lb = new Object();\n"
            "Thread d1 = new Thread(() -> { synchronized (la) { try { Thread.sleep(200); } catch (Exception e) { }"
            " synchronized (lb) { } } }, \"deadlock-1\");\n"
            "Thread d2 = new Thread(() -> { synchronized (lb) { try { Thread.sleep(200); } catch (Exception e) { }"
            " synchronized (la) { } } }, \"deadlock-2\");\n"
            "d1.start(); d2.start(); Thread.sleep(500);\n" + GO + "d1.join();")
LIVE_DEADLOCK_THREADS = ('System.out.println(Thread.getAllStackTraces().keySet().stream()'
                         '.filter(t -> t.getName().startsWith("deadlock-")).count() + " deadlock threads");')

CASES = [
    case("while(true){}", GO + "while (true) { }", interrupt=True),
    case("swallowing sleep loop", GO + "for (;;) { try { Thread.sleep(1); } catch (Exception e) { } }",
         interrupt=True),
    case("sleep(Long.MAX_VALUE)", GO + "Thread.sleep(Long.MAX_VALUE);", interrupt=True),
    case("ServerSocket.accept()", "var hs = new java.net.ServerSocket(0);\n" + PORT.format("hs") + "hs.accept();",
         interrupt=True, proto="tcp"),
    case("DatagramSocket.receive()", "var hd = new java.net.DatagramSocket(0);\n" + PORT.format("hd")
         + "hd.receive(new java.net.DatagramPacket(new byte[512], 512));", interrupt=True, proto="udp"),
    case("read() on a silent peer", "var hr = new java.net.ServerSocket(0);\n"
         + "var hc = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), hr.getLocalPort());\n"
         + "var hp = hr.accept();\n" + PORT.format("hr") + "hc.getInputStream().read();", interrupt=True, proto="tcp"),
    case("Selector.select()", "var hsel = java.nio.channels.Selector.open();\n" + GO + "hsel.select();",
         interrupt=True),
    case("busy loop in a cell's thread", "var hb = new Thread(() -> { while (true) { } });\nhb.start();\n" + GO
         + "hb.join();", interrupt=True),
    case("accept() in a cell's thread", "var ha = new java.net.ServerSocket(0);\nvar hat = new Thread(() -> {"
         " try { ha.accept(); } catch (Exception e) { } });\nhat.start();\n" + PORT.format("ha") + "hat.join();",
         interrupt=True, proto="tcp"),
    case("JDK busy loop in a cell's thread (deaf to stop)", "var hj = new Thread(() -> "
         "java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum());\nhj.start();\n" + GO + "hj.join();",
         interrupt=True, reply=r"1 thread started by this cell was still running 2 s after the interrupt.*" + RESET),
    case("synchronized deadlock", DEADLOCK, interrupt=True, reply=r"2 threads started by this cell were deadlocked.*"
         + RESET, after=[(LIVE_DEADLOCK_THREADS, r"^0 deadlock threads"), ("%resources", r"Nothing is open")]),
    # javac, not the agent, holds this cell: each level of hid(c ? ... : hid(1)) doubles its work (minutes at 16)
    case("a cell javac would compile for minutes", GO + "<T> T hid(T t) { return t; }\nboolean hc16 = true;\n"
         "Integer hslow = " + "hid(hc16 ? " * 16 + "1" + " : hid(1))" * 16 + ";", interrupt=True,
         reply=r"stopped while Java was still compiling it.*split such an expression into steps"),
    case("System.exit(0)", "System.exit(0);"),
    case("Runtime.halt(1)", "Runtime.getRuntime().halt(1);"),
    case("new int[100_000][100_000]", "int[][] huge = new int[100_000][100_000];"),
    case("unbounded recursion", "int down(int n) { return down(n + 1) + 1; }\ndown(0);"),
    case("10,000 sleeping threads", "for (int i = 0; i < 10_000; i++) new Thread(() -> { try {"
         " Thread.sleep(600_000); } catch (InterruptedException e) { } }).start();", reply=CAP_MESSAGE,
         after=[("%close all", r"stopped 2000 threads")]),
    case("10,000 tasks on a cached pool", "var hx = java.util.concurrent.Executors.newCachedThreadPool();\n"
         "for (int i = 0; i < 10_000; i++) hx.submit(() -> { Thread.sleep(600_000); return null; });",
         reply=CAP_MESSAGE, after=[("%close all", r"executor ThreadPoolExecutor")]),
    case("printing 100 MB", 'String hl = "x".repeat(99) + "\\n";\n'
         'for (int i = 0; i < 1_000_000; i++) System.out.print(hl);'),
    case("print from a thread after the cell", "new Thread(() -> { for (int i = 0; i < 3; i++) { try {"
         ' Thread.sleep(100); } catch (Exception e) { } System.out.println("late " + i); } }).start();'),
    case("System.setOut(null)", "System.setOut(null);"),
    case("System.in.read() with stdin off", "System.in.read();"),
    case("System.out.close()", "System.out.close();"),
]


CASES = [c for c in CASES if re.search(os.environ.get("NETLAB_HOSTILE_CASES", ""), c.name)]
RESTARTS = [c for c in CASES if c.name in ("System.exit(0)", "synchronized deadlock",
                                           "JDK busy loop in a cell's thread (deaf to stop)")]


def descendants(pid):
    """Process ids of every descendant of pid, from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in children.get(p, []):
            found.append(c)
            todo.append(c)
    return found


def agent_pids(kernel_pid):
    """The kernel's descendant java processes running netlab.agent.AgentMain."""
    found = []
    for p in descendants(kernel_pid):
        try:
            with open(f"/proc/{p}/cmdline", "rb") as f:
                if b"netlab.agent.AgentMain" in f.read():
                    found.append(p)
        except OSError:
            continue
    return found


def agent_pid(kernel_pid, other_than=None):
    """The agent JVM (one that is not other_than), waiting up to 30 s for it to appear."""
    deadline = time.time() + 30
    while time.time() < deadline:
        for p in agent_pids(kernel_pid):
            if p != other_than:
                return p
        time.sleep(0.01)
    return None


def process_gone(pid):
    """True once pid has ended (a zombie has ended too: only its exit status is left to collect)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS   # utime, stime


def agent_cpu(pid):
    """CPU seconds the agent used in CPU_WINDOW; the lowest of three samples (a GC may run after a cell)."""
    best = None
    for _ in range(3):
        try:
            before = cpu_seconds(pid)
            time.sleep(CPU_WINDOW)
            used = cpu_seconds(pid) - before
        except OSError:
            return None
        best = used if best is None else min(best, used)
        if best <= CPU_IDLE_MAX:
            break
    return best


def port_free(proto, port):
    kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
    with socket.socket(socket.AF_INET, kind) as s:
        if kind == socket.SOCK_STREAM:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("0.0.0.0", port))
            return True
        except OSError:
            return False


class HostileCells(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME)
        cls.rows = []

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        print()
        print("| cell | interrupt→reply | reply | stdout published | agent CPU after (s/%.1fs) | next cell | variables |"
              % CPU_WINDOW)
        print("|---|---|---|---|---|---|---|")
        for r in cls.rows:
            print("| " + " | ".join(r) + " |")

    def send(self, code, cell_id=None):
        """Sends an execute_request (with JupyterLab's metadata.cellId when given); returns its msg_id."""
        msg = self.kc.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False,
                                                      "stop_on_error": False},
                                  metadata={"cellId": cell_id} if cell_id else {})
        self.kc.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    def reply_to(self, msg_id, timeout=REPLY_TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg
        return None

    def output(self, msg_id, timeout, until=None):
        """Reads iopub for msg_id until its idle status, until `until` (a pattern) matches its stream text, or
        until timeout. Returns (stream text, stdout characters, execute_result text/plain, the match or None)."""
        text, stdout, result, deadline = "", 0, None, time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.2)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                text += content["text"]
                stdout += len(content["text"]) if content["name"] == "stdout" else 0
                m = until and re.search(until, text)
                if m:
                    return text, stdout, result, m
            elif kind == "execute_result":
                result = content["data"]["text/plain"]
            elif kind == "status" and content["execution_state"] == "idle":
                break
        return text, stdout, result, None

    def drain_iopub(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.05)
            except Exception:
                return

    def run_cell(self, code, cell_id=None):
        """Runs code; returns (reply, stream text, result text)."""
        msg_id = self.send(code, cell_id)
        reply = self.reply_to(msg_id)
        text, _, result, _ = self.output(msg_id, 10)
        return reply, text, result

    def test_hostile_cells(self):
        kernel_pid = self.km.provisioner.process.pid
        for c in CASES:
            with self.subTest(cell=c.name):
                self.run_case(kernel_pid, c)

    def test_rerunning_an_edited_cell_releases_its_port(self):
        """JupyterLab sends metadata.cellId: an edited server cell run again first frees its old port."""
        self.drain_iopub()
        first = self.send('var us = new java.net.DatagramSocket(0);\nSystem.out.println("PORT " + us.getLocalPort());',
                          "cell-7788")
        self.assertIsNotNone(self.reply_to(first))
        m = self.output(first, 10, until=r"PORT (\d+)")[3]
        self.assertIsNotNone(m)
        port = int(m.group(1))
        self.assertFalse(port_free("udp", port))
        self.drain_iopub()
        reply, notes, _ = self.run_cell('var us2 = new java.net.DatagramSocket(0);', "cell-7788")
        self.assertIsNotNone(reply)
        self.assertIn("netlab: closed the UDP socket on port %d that this cell opened last time" % port, notes)
        self.assertTrue(port_free("udp", port))
        reply, out, _ = self.run_cell("%close all")
        self.assertIn("UDP socket", out)

    def restart_reply(self, c):
        """Runs one of the RESTARTS cases (interrupting it when it asks) and returns its EngineRestarted reply."""
        reply, _, _ = self.run_cell("int survivor = 42;")
        self.assertEqual("ok", reply["content"]["status"])
        self.drain_iopub()
        msg_id = self.send(c.code)
        if c.interrupt:
            self.interrupt_when_ready(msg_id, c)
        reply = self.reply_to(msg_id)
        self.assertIsNotNone(reply, "no reply within %d s" % REPLY_TIMEOUT)
        self.assertEqual("EngineRestarted", reply["content"].get("ename"), reply["content"])
        return reply

    def test_completion_right_after_a_restart_reply_waits_for_the_new_agent(self):
        """The reply to a killed cell comes before the new agent is up; a completion request must still work."""
        for c in RESTARTS:
            with self.subTest(cell=c.name):
                self.restart_reply(c)
                msg_id = self.kc.complete("Strin", 5)
                reply = self.reply_to(msg_id)
                self.assertIsNotNone(reply, "no complete_reply")
                self.assertEqual("ok", reply["content"]["status"], reply["content"])
                self.assertIn("String", reply["content"]["matches"])
                reply, out, result = self.run_cell('System.out.println("alive"); 6 * 7')
                self.assertEqual(("ok", "alive\n", "42"), (reply["content"]["status"], out, result))
                reply, _, _ = self.run_cell("survivor")
                self.assertEqual("error", reply["content"]["status"], "variables were not reset")
                self.drain_iopub()

    def interrupt_when_ready(self, msg_id, c):
        """Waits for the cell to print GO or its port, lets it block or spin, interrupts; returns (start, port)."""
        m = self.output(msg_id, GO_TIMEOUT, until=r"PORT (\d+)" if c.proto else r"GO")[3]
        self.assertIsNotNone(m, "the cell did not reach its hostile part")
        time.sleep(0.3)
        start = time.time()
        self.km.interrupt_kernel()
        return start, int(m.group(1)) if c.proto else None

    def run_case(self, kernel_pid, c):
        reply, _, _ = self.run_cell("int survivor = 42;")
        self.assertEqual("ok", reply["content"]["status"])
        self.drain_iopub()
        msg_id = self.send(c.code)
        start, port = self.interrupt_when_ready(msg_id, c) if c.interrupt else (time.time(), None)
        reply = self.reply_to(msg_id)
        elapsed = time.time() - start
        self.assertIsNotNone(reply, "no reply within %d s" % REPLY_TIMEOUT)
        printed = self.output(msg_id, 30)[1]
        self.assertLessEqual(printed, 6 * 1024 * 1024, "the output cap did not hold")
        content = reply["content"]
        status = content["status"] + ("" if content["status"] == "ok" else " " + content.get("ename", ""))
        if c.reply:
            self.assertRegex(content.get("evalue", ""), c.reply)
        self.assertTrue(self.km.is_alive(), "the kernel died")

        time.sleep(0.2)
        reply, out, result = self.run_cell('System.out.println("alive"); 6 * 7')
        next_ok = reply is not None and reply["content"]["status"] == "ok" and "alive" in out and result == "42"
        self.assertTrue(next_ok, "the next cell did not work: %s %r %r" % (reply and reply["content"], out, result))
        for code, expected in c.after:
            reply, out, result = self.run_cell(code)
            self.assertRegex(out + (result or ""), re.compile(expected, re.I | re.M), "after: " + code)

        reply, _, result = self.run_cell("survivor")
        survived = reply["content"]["status"] == "ok" and result == "42"
        self.assertEqual(not status.endswith("EngineRestarted"), survived,
                         "variables must be reset exactly when the agent was restarted")

        pid = agent_pid(kernel_pid)
        self.assertIsNotNone(pid, "no agent process")
        cpu = agent_cpu(pid)
        self.assertIsNotNone(cpu)
        self.assertLessEqual(cpu, CPU_IDLE_MAX, "the agent still burns CPU after the cell")
        if port is not None:
            self.assertTrue(port_free(c.proto, port), "%s port %d still in use" % (c.proto, port))
        self.drain_iopub()
        self.rows.append([c.name, ("%.0f ms" % (elapsed * 1000)) if c.interrupt else "— (%.2f s to reply)" % elapsed,
                          status, "%d chars" % printed,
                          "%.2f" % cpu + ("" if port is None else ", port %d free" % port),
                          "yes" if next_ok else "NO", "kept" if survived else "reset"])

class ShutdownAfterRestart(unittest.TestCase):
    """Shutting the kernel down while the agent of a killed cell is being replaced leaves no agent behind."""

    def test_shutdown_right_after_a_restart_reply_leaves_no_agent(self):
        for c in RESTARTS:
            with self.subTest(cell=c.name):
                km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
                try:
                    cells = HostileCells(methodName="restart_reply")
                    cells.km, cells.kc = km, kc
                    kernel_pid = km.provisioner.process.pid
                    old = agent_pid(kernel_pid)
                    self.assertIsNotNone(old, "no agent process")
                    cells.restart_reply(c)
                    new = agent_pid(kernel_pid, other_than=old)   # spawned first thing in the restart
                    self.assertIsNotNone(new, "no new agent was started")
                finally:
                    kc.stop_channels()
                    km.shutdown_kernel(now=False)
                # the kernel has exited: its engine must have killed both agents before
                self.assertTrue(process_gone(old), "the killed agent %d still runs" % old)
                self.assertTrue(process_gone(new), "the agent %d started by the restart outlived the kernel" % new)


if __name__ == "__main__":
    unittest.main()

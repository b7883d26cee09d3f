"""Hostile cells against the netlab kernel, driven through Debian's jupyter_client.

After each hostile cell: a cell that must work, a check that the agent JVM's CPU is idle, a check that the
ports the cell opened are free, and whether earlier variables survived. Prints a table of timings; asserts
behaviour only (a reply arrives, the next cell works, CPU idle, ports free, the kernel never dies), with
generous bounds.

Run by netlab.kernel.it.PythonKernelTestsIT. By hand, after `./netlab install --user`:
    NETLAB_KERNEL_NAME=netlab /usr/bin/python3 -m unittest -v kernel/src/test/python/test_hostile.py
"""
import os
import re
import socket
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")
REPLY_TIMEOUT = 60          # generous: a reply must come, the table shows how fast
GO_TIMEOUT = 30             # for the cell to reach its hostile part
CPU_WINDOW = 0.5            # seconds of agent CPU sampled
CPU_IDLE_MAX = 0.2          # CPU seconds allowed in the window (40 %): idle, with room for GC and JIT
TICKS = os.sysconf(os.sysconf_names["SC_CLK_TCK"])

GO = 'System.out.println("GO");\n'
PORT = 'System.out.println("PORT " + {}.getLocalPort());\n'

# name, code, interrupt?, protocol of the port the cell prints ("tcp", "udp" or None)
CASES = [
    ("while(true){}", GO + "while (true) { }", True, None),
    ("swallowing sleep loop", GO + "for (;;) { try { Thread.sleep(1); } catch (Exception e) { } }", True, None),
    ("sleep(Long.MAX_VALUE)", GO + "Thread.sleep(Long.MAX_VALUE);", True, None),
    ("ServerSocket.accept()", "var hs = new java.net.ServerSocket(0);\n" + PORT.format("hs") + "hs.accept();",
     True, "tcp"),
    ("DatagramSocket.receive()", "var hd = new java.net.DatagramSocket(0);\n" + PORT.format("hd")
     + "hd.receive(new java.net.DatagramPacket(new byte[512], 512));", True, "udp"),
    ("read() on a silent peer", "var hr = new java.net.ServerSocket(0);\n"
     + "var hc = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), hr.getLocalPort());\n"
     + "var hp = hr.accept();\n" + PORT.format("hr") + "hc.getInputStream().read();", True, "tcp"),
    ("Selector.select()", "var hsel = java.nio.channels.Selector.open();\n" + GO + "hsel.select();", True, None),
    ("busy loop in a cell's thread", "var hb = new Thread(() -> { while (true) { } });\nhb.start();\n" + GO
     + "hb.join();", True, None),
    ("synchronized deadlock", "Object la = new Object(), lb = new Object();\n"
     + "Thread d1 = new Thread(() -> { synchronized (la) { try { Thread.sleep(200); } catch (Exception e) { }"
     + " synchronized (lb) { } } });\n"
     + "Thread d2 = new Thread(() -> { synchronized (lb) { try { Thread.sleep(200); } catch (Exception e) { }"
     + " synchronized (la) { } } });\n"
     + "d1.start(); d2.start(); Thread.sleep(500);\n" + GO + "d1.join();", True, None),
    ("System.exit(0)", "System.exit(0);", False, None),
    ("Runtime.halt(1)", "Runtime.getRuntime().halt(1);", False, None),
    ("new int[100_000][100_000]", "int[][] huge = new int[100_000][100_000];", False, None),
    ("unbounded recursion", "int down(int n) { return down(n + 1) + 1; }\ndown(0);", False, None),
    ("10,000 sleeping threads", "for (int i = 0; i < 10_000; i++) new Thread(() -> { try { Thread.sleep(600_000); }"
     + " catch (InterruptedException e) { } }).start();", False, None),
    ("printing 100 MB", 'String hl = "x".repeat(99) + "\\n";\nfor (int i = 0; i < 1_000_000; i++) System.out.print(hl);',
     False, None),
    ("print from a thread after the cell", "new Thread(() -> { for (int i = 0; i < 3; i++) { try { Thread.sleep(100); }"
     + ' catch (Exception e) { } System.out.println("late " + i); } }).start();', False, None),
    ("System.setOut(null)", "System.setOut(null);", False, None),
    ("System.in.read() with stdin off", "System.in.read();", False, None),
    ("System.out.close()", "System.out.close();", False, None),
]


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


def agent_pid(kernel_pid):
    """The agent JVM: the kernel's descendant java process running netlab.agent.AgentMain."""
    deadline = time.time() + 30
    while time.time() < deadline:
        for p in descendants(kernel_pid):
            try:
                with open(f"/proc/{p}/cmdline", "rb") as f:
                    if b"netlab.agent.AgentMain" in f.read():
                        return p
            except OSError:
                continue
        time.sleep(0.1)
    return None


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

    def send(self, code, allow_stdin=False):
        return self.kc.execute(code, allow_stdin=allow_stdin, stop_on_error=False)

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

    def iopub_until(self, msg_id, pattern, timeout):
        """Reads iopub until stdout of msg_id matches pattern; returns the match or None."""
        text, deadline = "", time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.2)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                text += msg["content"]["text"]
                m = re.search(pattern, text)
                if m:
                    return m
        return None

    def stdout_size(self, msg_id):
        """Characters of stdout msg_id published until its idle status (bounded in time)."""
        size, deadline = 0, time.time() + 30
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except Exception:
                break
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                size += len(msg["content"]["text"])
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        return size

    def drain_iopub(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.05)
            except Exception:
                return

    def run_cell(self, code):
        """Runs code; returns (reply, stdout, result text)."""
        msg_id = self.send(code)
        reply = self.reply_to(msg_id)
        out, result, deadline = "", None, time.time() + 10
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except Exception:
                break
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out += msg["content"]["text"]
            elif msg["msg_type"] == "execute_result":
                result = msg["content"]["data"]["text/plain"]
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        return reply, out, result

    def test_hostile_cells(self):
        kernel_pid = self.km.provisioner.process.pid
        for name, code, interrupt, proto in CASES:
            with self.subTest(cell=name):
                self.run_case(kernel_pid, name, code, interrupt, proto)

    def test_rerunning_an_edited_cell_releases_its_port(self):
        """JupyterLab sends metadata.cellId: an edited server cell run again first frees its old port."""
        def run_with_id(code):
            msg = self.kc.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                          "user_expressions": {}, "allow_stdin": False,
                                                          "stop_on_error": False}, metadata={"cellId": "cell-7788"})
            self.kc.shell_channel.send(msg)
            msg_id = msg["header"]["msg_id"]
            self.assertIsNotNone(self.reply_to(msg_id))
            return msg_id

        self.drain_iopub()
        first = run_with_id('var us = new java.net.DatagramSocket(0);\nSystem.out.println("PORT " + us.getLocalPort());')
        m = self.iopub_until(first, r"PORT (\d+)", 10)
        self.assertIsNotNone(m)
        port = int(m.group(1))
        self.assertFalse(port_free("udp", port))
        self.drain_iopub()
        second = run_with_id('var us2 = new java.net.DatagramSocket(0);')
        notes, deadline = "", time.time() + 10
        while time.time() < deadline and "opened last time" not in notes:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") == second and msg["msg_type"] == "stream":
                notes += msg["content"]["text"]
        self.assertIn("netlab: closed the UDP socket on port %d that this cell opened last time" % port, notes)
        self.assertTrue(port_free("udp", port))
        reply, out, _ = self.run_cell("%close all")
        self.assertIn("UDP socket", out)

    def run_case(self, kernel_pid, name, code, interrupt, proto):
        reply, _, _ = self.run_cell("int survivor = 42;")
        self.assertEqual("ok", reply["content"]["status"])
        self.drain_iopub()
        msg_id = self.send(code)
        start = time.time()
        port = None
        if interrupt:
            m = self.iopub_until(msg_id, r"PORT (\d+)" if proto else r"GO", GO_TIMEOUT)
            self.assertIsNotNone(m, "the cell did not reach its hostile part")
            if proto:
                port = int(m.group(1))
            time.sleep(0.3)   # let it block or spin
            start = time.time()
            self.km.interrupt_kernel()
        reply = self.reply_to(msg_id)
        elapsed = time.time() - start
        self.assertIsNotNone(reply, "no reply within %d s" % REPLY_TIMEOUT)
        printed = self.stdout_size(msg_id)
        self.assertLessEqual(printed, 6 * 1024 * 1024, "the output cap did not hold")
        content = reply["content"]
        status = content["status"] + ("" if content["status"] == "ok" else " " + content.get("ename", ""))
        self.assertTrue(self.km.is_alive(), "the kernel died")

        time.sleep(0.2)
        reply, out, result = self.run_cell('System.out.println("alive"); 6 * 7')
        next_ok = reply is not None and reply["content"]["status"] == "ok" and "alive" in out and result == "42"
        self.assertTrue(next_ok, "the next cell did not work: %s %r %r" % (reply and reply["content"], out, result))

        reply, _, result = self.run_cell("survivor")
        survived = reply["content"]["status"] == "ok" and result == "42"
        restarted = status.endswith("EngineRestarted")
        if not restarted:
            self.assertTrue(survived, "variables were lost without a restart")

        pid = agent_pid(kernel_pid)
        self.assertIsNotNone(pid, "no agent process")
        cpu = agent_cpu(pid)
        self.assertIsNotNone(cpu)
        self.assertLessEqual(cpu, CPU_IDLE_MAX, "the agent still burns CPU after the cell")
        if port is not None:
            self.assertTrue(port_free(proto, port), "%s port %d still in use" % (proto, port))
        self.drain_iopub()
        self.rows.append([name, ("%.0f ms" % (elapsed * 1000)) if interrupt else "— (%.2f s to reply)" % elapsed,
                          status, "%d chars" % printed, "%.2f" % cpu + ("" if port is None else ", port %d free" % port),
                          "yes" if next_ok else "NO", "kept" if survived else "reset"])


if __name__ == "__main__":
    unittest.main()

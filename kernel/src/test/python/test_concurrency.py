"""What chapter 4's cells need from the kernel, through the Jupyter protocol (Debian's jupyter_client).

100,000 virtual threads sleeping 1 s complete (the time is printed, not asserted: bench/ch4-kernel.sh measures
it); a cell's worker processes — one deaf to SIGTERM, one with a child of its own — end, by PID and by port,
when the cell is interrupted, run again, or its agent exits, and when the kernel is killed by signal 9; a Continuation yields and resumes.

Run by netlab.kernel.it.PythonKernelTestsIT. By hand, after `./netlab install --user`:
    NETLAB_KERNEL_NAME=netlab /usr/bin/python3 -m unittest -v kernel/src/test/python/test_concurrency.py
"""
import os
import re
import signal
import tempfile
import time
import unittest

from jupyter_client.manager import start_new_kernel

from test_hostile import port_free, process_gone

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")
REPLY_TIMEOUT = 120   # generous: a reply must come; 100,000 threads on a loaded 2-core machine take a while
GONE_TIMEOUT = 15     # after an agent's exit the kernel ends what it left; asynchronous, so waited for

# A worker: binds a loopback port, prints "pid port" (plus its child's "pid port" in mode parent), sleeps.
WORKER = """
import os, signal, socket, subprocess, sys, time
mode = sys.argv[1]
if mode != "plain":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen()
line = "%d %d" % (os.getpid(), s.getsockname()[1])
if mode == "parent":
    child = subprocess.Popen([sys.executable, sys.argv[0], "deaf"], stdout=subprocess.PIPE, text=True)
    line += " " + child.stdout.readline().strip()
print(line, flush=True)
time.sleep(600)
"""


def four_workers(script, then):
    """A cell starting four workers (plain, deaf to SIGTERM, parent of a deaf child, plain), printing
    "WORKER pid port ..." for each and then GO, then running `then`."""
    return ("var workers = new java.util.ArrayList<Process>();\n"
            'for (String mode : new String[] {"plain", "deaf", "parent", "plain"}) {\n'
            '  var p = new ProcessBuilder("python3", "%s", mode).start();\n'
            "  workers.add(p);\n"
            '  System.out.println("WORKER " + new java.io.BufferedReader(new java.io.InputStreamReader('
            "p.getInputStream())).readLine());\n"
            "}\n"
            'System.out.println("GO");\n' % script) + then


def workers(text):
    """(pid, port) of every worker and grandchild in the WORKER lines."""
    found = []
    for line in text.splitlines():
        if line.startswith("WORKER "):
            f = line.split()[1:]
            found += [(int(f[i]), int(f[i + 1])) for i in range(0, len(f) - 1, 2)]
    return found


class KernelCells:
    """Runs cells through self.kc, a started kernel's client."""

    def send(self, code, cell_id=None):
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

    def streams(self, msg_id, timeout, until=None):
        """{"stdout": ..., "stderr": ...} of msg_id, read until its idle status, until `until` matches stdout,
        or until timeout."""
        text, deadline = {"stdout": "", "stderr": ""}, time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.2)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                text[msg["content"]["name"]] += msg["content"]["text"]
                if until and re.search(until, text["stdout"]):
                    break
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        return text

    def run_cell(self, code, cell_id=None):
        msg_id = self.send(code, cell_id)
        reply = self.reply_to(msg_id)
        self.assertIsNotNone(reply, "no reply within %d s" % REPLY_TIMEOUT)
        return reply["content"], self.streams(msg_id, 10)


class ConcurrencyCells(KernelCells, unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        fd, cls.script = tempfile.mkstemp(prefix="netlab-worker", suffix=".py")
        with os.fdopen(fd, "w") as f:
            f.write(WORKER)
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        os.unlink(cls.script)

    def assert_ended_and_ports_free(self, found):
        self.assertEqual(5, len(found), "four workers and one grandchild: %r" % found)
        for pid, port in found:
            self.assertTrue(process_gone(pid), "process %d still runs" % pid)
            self.assertTrue(port_free("tcp", port), "port %d still in use" % port)

    def test_a_hundred_thousand_virtual_threads_sleeping_a_second_complete(self):
        start = time.time()
        content, out = self.run_cell(
            "var done = new java.util.concurrent.atomic.AtomicInteger();\n"
            "try (var ex = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {\n"
            "  for (int i = 0; i < 100_000; i++) ex.submit(() -> { Thread.sleep(1000); return done.incrementAndGet(); });\n"
            "}\n"
            "System.out.println(done.get());")
        self.assertEqual("ok", content["status"], content)
        self.assertEqual("100000\n", out["stdout"])
        print("\n100,000 virtual threads sleeping 1 s: reply after %.2f s (measured, not asserted)" % (time.time() - start))

    def test_a_continuation_yields_and_resumes(self):
        content, out = self.run_cell(
            'import jdk.internal.vm.*;\nvar s = new ContinuationScope("s");\n'
            'var c = new Continuation(s, () -> { System.out.println("a"); Continuation.yield(s);'
            ' System.out.println("b"); });\nc.run();\nc.run();')
        self.assertEqual("ok", content["status"], content)
        self.assertEqual("a\nb\n", out["stdout"])

    def test_interrupting_a_cell_ends_its_workers_and_frees_their_ports_and_it_runs_again(self):
        cell = four_workers(self.script, "for (var p : workers) p.waitFor();")
        for attempt in range(2):
            with self.subTest(run=attempt + 1):
                msg_id = self.send(cell, "cell-workers")
                text = self.streams(msg_id, 60, until=r"\bGO\b")
                self.assertIn("GO", text["stdout"], "the cell did not start its workers: %r" % text)
                found = workers(text["stdout"])
                for pid, port in found:
                    self.assertFalse(port_free("tcp", port), "worker %d does not hold port %d" % (pid, port))
                self.km.interrupt_kernel()
                reply = self.reply_to(msg_id)
                self.assertIsNotNone(reply, "no reply to the interrupted cell")
                self.assertEqual("error", reply["content"]["status"], reply["content"])
                self.assertNotEqual("EngineRestarted", reply["content"].get("ename"), "the agent was restarted")
                self.assert_ended_and_ports_free(found)
        content, out = self.run_cell('System.out.println("alive");')
        self.assertEqual(("ok", "alive\n"), (content["status"], out["stdout"]))

    def test_running_a_cell_again_ends_the_workers_it_started_last_time(self):
        cell = four_workers(self.script, "")
        content, first = self.run_cell(cell, "cell-rerun")
        self.assertEqual("ok", content["status"], content)
        content, second = self.run_cell(cell, "cell-rerun")
        self.assertEqual("ok", content["status"], content)
        try:
            self.assert_ended_and_ports_free(workers(first["stdout"]))
            self.assertIn("ended the process", second["stderr"])
        finally:
            content, closed = self.run_cell("%close all")
        self.assertIn("ended the process", closed["stdout"].lower())
        self.assert_ended_and_ports_free(workers(second["stdout"]))

    def test_an_agent_that_exits_takes_its_workers_with_it(self):
        content, out = self.run_cell(four_workers(self.script, "System.exit(0);"))
        self.assertEqual("EngineRestarted", content.get("ename"), content)
        found = workers(out["stdout"])
        deadline = time.time() + GONE_TIMEOUT
        while time.time() < deadline and not all(process_gone(pid) for pid, _ in found):
            time.sleep(0.05)
        self.assert_ended_and_ports_free(found)
        content, out = self.run_cell('System.out.println("alive");')
        self.assertEqual(("ok", "alive\n"), (content["status"], out["stdout"]))


class KilledKernel(KernelCells, unittest.TestCase):
    """A kernel killed by signal 9 alone (the system's out-of-memory killer, `kill -9 PID`) cannot end what its
    cells started; its agent, losing the kernel, ends them before it ends itself."""

    def test_a_kernel_killed_by_signal_9_leaves_no_worker_running(self):
        fd, script = tempfile.mkstemp(prefix="netlab-worker", suffix=".py")
        with os.fdopen(fd, "w") as f:
            f.write(WORKER)
        km, self.kc = start_new_kernel(kernel_name=KERNEL_NAME)
        try:
            content, out = self.run_cell(four_workers(script, ""))
            self.assertEqual("ok", content["status"], content)
            found = workers(out["stdout"])
            self.assertEqual(5, len(found), "four workers and one grandchild: %r" % found)
            os.kill(km.provisioner.pid, signal.SIGKILL)  # the kernel alone, not its process group
            deadline = time.time() + GONE_TIMEOUT
            while time.time() < deadline and not all(process_gone(pid) for pid, _ in found):
                time.sleep(0.05)
            for pid, port in found:
                self.assertTrue(process_gone(pid), "process %d still runs" % pid)
                self.assertTrue(port_free("tcp", port), "port %d still in use" % port)
        finally:
            self.kc.stop_channels()
            km.shutdown_kernel(now=True)
            os.unlink(script)


if __name__ == "__main__":
    unittest.main()

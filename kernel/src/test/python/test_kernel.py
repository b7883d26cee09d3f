"""The netlab kernel driven by Debian's jupyter_client, as JupyterLab and nbclient drive it.

Run by netlab.kernel.it.PythonKernelTestsIT, which installs the built kernel into a temporary prefix and
sets JUPYTER_PATH and NETLAB_KERNEL_NAME. By hand, after `./netlab build` and `./netlab install --user`:
    NETLAB_KERNEL_NAME=netlab /usr/bin/python3 -m unittest -v kernel/src/test/python/test_kernel.py
"""
import os
import queue
import signal
import time
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

# A background job of a non-interactive shell (`nohup ... &`, some CI runners) starts with SIGINT ignored, and an
# ignored signal stays ignored across exec: the kernel's JVM would then leave SIGINT ignored and never install its
# handler. A handler, unlike SIG_IGN, is reset to the default by exec, so the kernels this process starts get
# SIGINT's default disposition, as under a terminal or a Jupyter server started by hand.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")
TIMEOUT = 30


class NetlabKernelTests(jupyter_kernel_test.KernelTests):
    """Every test jupyter_kernel_test has, with Java samples."""

    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "String s = \"x\"; s.toUpper", "matches": {"toUpperCase("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "for (int i = 0; i < 3; i++) { }", "void f() { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void f() {", "String s = \"a\" +"]
    invalid_code_samples = ["int x = ;", "}", "1 +* 2"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"net\" + \"lab\"", "result": "\"netlab\""},
        {"code": "java.util.List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]

    code_display_data = [
        {"code": 'netlab.display.Display.show(netlab.display.Html.of("<b>hi</b>", "hi"));', "mime": "text/html"},
        {"code": 'netlab.display.Display.show(netlab.display.Svg.of("<svg xmlns=\'http://www.w3.org/2000/svg\'/>", "pic"));',
         "mime": "image/svg+xml"},
    ]

    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = "netlab.display.Display.clear();"

    @unittest.skip("netlab has no pager payloads: documentation is shown by inspect (Shift-Tab), tested above "
                   "and in NetlabBehaviourTests with the course library's javadoc")
    def test_pager(self):
        pass


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply to msg_id, skipping replies to earlier requests (start_new_kernel's kernel_info)."""
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply


def execute(kc, code, timeout=TIMEOUT, **kwargs):
    """Runs code; returns (reply, iopub messages of this request until idle)."""
    msg_id = kc.execute(code, **kwargs)
    reply = shell_reply(kc, msg_id, timeout)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    return reply, outputs


def start_running(kc, code, timeout=TIMEOUT):
    """Starts code and returns its msg_id once the cell is running in the agent (it printed its first line):
    a signal sent earlier could reach an idle kernel on a loaded machine and stop nothing."""
    msg_id = kc.execute('System.out.println("cell running"); ' + code)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                and "cell running" in msg["content"]["text"]):
            return msg_id
    raise AssertionError("the cell did not start within %d s" % timeout)


def stdout_of(outputs):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


class NetlabBehaviourTests(unittest.TestCase):
    """What a course needs beyond the generic suite: errors at cell lines, interrupts, exits, input."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def test_kernel_info_has_status_and_java_facts(self):
        reply = shell_reply(self.kc, self.kc.kernel_info())
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        info = content["language_info"]
        self.assertEqual(info["mimetype"], "text/x-java-source")
        self.assertEqual(info["codemirror_mode"], "java")
        self.assertEqual(info["pygments_lexer"], "java")
        self.assertTrue(info["version"].startswith("25"), info["version"])
        self.assertTrue(content["help_links"])

    def test_jshell_commands_and_exit_payload(self):
        execute(self.kc, "int answer = 42;")
        reply, outputs = execute(self.kc, "/vars")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("int answer = 42", stdout_of(outputs))
        complete = shell_reply(self.kc, self.kc.is_complete("/vars"))
        self.assertEqual(complete["content"]["status"], "complete")
        # jupyter console leaves on this payload; the kernel itself keeps running until told to shut down
        reply, _ = execute(self.kc, "/exit")
        self.assertIn({"source": "ask_exit", "keepkernel": False}, reply["content"]["payload"])
        reply, _ = execute(self.kc, "1 + 1")
        self.assertEqual(reply["content"]["payload"], [])

    def test_compile_error_names_cell_line_and_column(self):
        reply, outputs = execute(self.kc, "int a = 1;\nint b = a +;\n")
        self.assertEqual(reply["content"]["status"], "error")
        tb = "\n".join(reply["content"]["traceback"])
        self.assertIn("line 2", tb)
        self.assertIn("^", tb)

    def test_runtime_error_shows_only_cell_frames(self):
        code = "void f(int n) {\n  if (n == 0) throw new RuntimeException(\"deep\");\n  f(n - 1);\n}\nf(2);"
        reply, outputs = execute(self.kc, code)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "java.lang.RuntimeException")
        tb = "\n".join(reply["content"]["traceback"])
        self.assertIn("deep", tb)
        self.assertIn("line 2", tb)
        self.assertNotIn("$JShell$", tb)
        self.assertNotIn("do_it$", tb)

    def test_trailing_semicolon_suppresses_value(self):
        _, outputs = execute(self.kc, "1 + 1;")
        self.assertFalse([m for m in outputs if m["msg_type"] == "execute_result"])
        _, outputs = execute(self.kc, "1 + 1")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "2")

    def test_output_from_a_thread_the_cell_started(self):
        reply, outputs = execute(self.kc, "var t = new Thread(() -> System.out.println(\"from thread\")); t.start(); t.join();")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("from thread", stdout_of(outputs))

    def test_stop_on_error_aborts_queued_cells(self):
        first = self.kc.execute('throw new RuntimeException("first fails");')
        second = self.kc.execute('System.out.println("must not run");')
        replies = {first: shell_reply(self.kc, first)}
        replies[second] = shell_reply(self.kc, second)
        self.assertEqual(replies[first]["content"]["status"], "error")
        self.assertEqual(replies[second]["content"]["status"], "aborted")

    def test_user_expressions(self):
        reply, _ = execute(self.kc, "int ux = 20;", user_expressions={"doubled": "ux * 2", "bad": "nope + 1"})
        expressions = reply["content"]["user_expressions"]
        self.assertEqual(expressions["doubled"]["status"], "ok")
        self.assertEqual(expressions["doubled"]["data"]["text/plain"], "40")
        self.assertEqual(expressions["bad"]["status"], "error")

    def test_input_request_round_trip(self):
        msg_id = self.kc.execute('var name = new java.util.Scanner(System.in).nextLine(); System.out.println("hi " + name);',
                                 allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("Ada")
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
                outputs.append(msg)
        self.assertIn("hi Ada", stdout_of(outputs))

    def test_stdin_disabled_gives_a_clear_error_not_a_hang(self):
        reply, outputs = execute(self.kc, "new java.util.Scanner(System.in).nextLine()", allow_stdin=False)
        self.assertEqual(reply["content"]["status"], "error")
        # Scanner hides the IOException's message behind "No line found", so the kernel also prints it
        stderr = "".join(m["content"]["text"] for m in outputs
                         if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        self.assertIn("allow_stdin", stderr)

    def test_interrupt_stops_a_busy_loop_and_keeps_variables(self):
        execute(self.kc, "int kept = 7;")
        msg_id = start_running(self.kc, "while (true) { }")
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        _, outputs = execute(self.kc, "kept")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "7")

    def test_interrupt_unblocks_accept(self):
        msg_id = start_running(self.kc, "new java.net.ServerSocket(0).accept();")
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        reply, _ = execute(self.kc, "1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_system_exit_restarts_the_agent_not_the_kernel(self):
        reply, _ = execute(self.kc, "System.exit(3);")
        self.assertEqual(reply["content"]["status"], "error")
        text = reply["content"]["evalue"]
        self.assertIn("3", text)
        self.assertIn("reset", text)
        self.assertTrue(self.km.is_alive())
        reply, outputs = execute(self.kc, "40 + 2")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_sigint_interrupts_too(self):
        msg_id = start_running(self.kc, "Thread.sleep(60_000);")
        self.km.signal_kernel(signal.SIGINT)
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "error")

    def test_inspect_shows_the_course_librarys_javadoc(self):
        code = "Udp.send"
        reply = shell_reply(self.kc, self.kc.inspect(code, len(code), detail_level=0))
        content = reply["content"]
        self.assertTrue(content["found"])
        plain = content["data"]["text/plain"]
        self.assertIn("Udp.send(String text, String host, int port)", plain)
        self.assertIn("Sends one datagram", plain)
        self.assertIn('Example: Udp.send("hi", "127.0.0.1", 7788)', plain)
        self.assertIn("```java", content["data"]["text/markdown"])

    def test_completion_metadata_has_types_and_signatures(self):
        reply = shell_reply(self.kc, self.kc.complete("Udp.sen", 7))
        typed = reply["content"]["metadata"]["_jupyter_types_experimental"]
        self.assertEqual([{"start": 4, "end": 7, "text": "send(", "type": "method",
                           "signature": "send(String text, String host, int port)"}], typed)
        reply = shell_reply(self.kc, self.kc.complete("Udp", 3))
        types = {m["text"]: m["type"] for m in reply["content"]["metadata"]["_jupyter_types_experimental"]}
        self.assertEqual("class", types["Udp"])

    def test_comm_info(self):
        reply = shell_reply(self.kc, self.kc.comm_info())
        self.assertEqual(reply["msg_type"], "comm_info_reply")
        self.assertEqual(reply["content"]["status"], "ok")


class ShutdownTests(unittest.TestCase):
    """A shutdown request ends the kernel process (and its agent) in under a second."""

    def shutdown_and_time(self, restart):
        km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
        try:
            execute(kc, "1")
            pid = km.provisioner.process.pid
            kc.shutdown(restart=restart)
            reply = kc.get_control_msg(timeout=TIMEOUT)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(reply["content"]["restart"], restart)
            start = time.monotonic()
            while km.provisioner.process.poll() is None and time.monotonic() - start < 5:
                time.sleep(0.01)
            elapsed = time.monotonic() - start
            self.assertIsNotNone(km.provisioner.process.poll(), "kernel process %d still running" % pid)
            self.assertLess(elapsed, 1.0, "kernel took %.2f s to exit" % elapsed)
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)

    def test_shutdown(self):
        self.shutdown_and_time(False)

    def test_shutdown_with_restart(self):
        self.shutdown_and_time(True)


if __name__ == "__main__":
    unittest.main()

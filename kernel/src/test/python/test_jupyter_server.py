"""The installed netlab kernel through Debian's jupyter_server, as JupyterLab reaches it: the REST API starts,
interrupts, restarts and deletes the kernel, and one websocket carries every channel's messages."""
import asyncio
import json
import os
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request
import uuid

from tornado.websocket import websocket_connect

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")
TIMEOUT = 60


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A jupyter_server on a loopback port of its own, with its own runtime, config and root directories."""

    def __init__(self):
        self.home = tempfile.TemporaryDirectory(prefix="netlab-server-")
        self.port, self.token = free_port(), uuid.uuid4().hex
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=os.path.join(self.home.name, "runtime"),
                   JUPYTER_CONFIG_DIR=os.path.join(self.home.name, "config"),
                   JUPYTER_DATA_DIR=os.path.join(self.home.name, "data"))
        self.log = open(os.path.join(self.home.name, "server.log"), "w")
        self.process = subprocess.Popen(
            ["/usr/bin/python3", "-m", "jupyter_server", "--no-browser", "--allow-root", "--ip=127.0.0.1",
             f"--port={self.port}", "--port-retries=0", f"--ServerApp.token={self.token}",
             f"--ServerApp.root_dir={self.home.name}"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                self.api("GET", "/api/status")
                return
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError("jupyter_server did not answer:\n" + self.output())
                time.sleep(0.1)

    def api(self, method, path, body=None):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read()
            return json.loads(data) if data else None

    def channels(self, kernel_id):
        return websocket_connect(f"ws://127.0.0.1:{self.port}/api/kernels/{kernel_id}/channels?token={self.token}")

    def output(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read()[-4000:]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self.log.close()
        self.home.cleanup()


class Channels:
    """One websocket to a kernel: requests on a channel, and what came back for them."""

    def __init__(self, ws):
        self.ws, self.session = ws, uuid.uuid4().hex

    async def request(self, channel, msg_type, content):
        msg_id = uuid.uuid4().hex
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "session": self.session, "username": "student", "msg_type": msg_type,
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel}))
        return msg_id

    async def execute(self, code, allow_stdin=False):
        return await self.request("shell", "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": allow_stdin, "stop_on_error": True})

    async def next(self, deadline):
        message = await asyncio.wait_for(self.ws.read_message(), max(0.1, deadline - time.monotonic()))
        if message is None:
            raise AssertionError("the server closed the websocket")
        return json.loads(message)

    async def reply_and_outputs(self, msg_id):
        """The request's shell reply and the outputs published for it, once the kernel is idle after it."""
        reply, outputs, idle = None, [], False
        deadline = time.monotonic() + TIMEOUT
        while reply is None or not idle:
            m = await self.next(deadline)
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["channel"] == "shell":
                reply = m["content"]
            elif m["msg_type"] == "status":
                idle = m["content"]["execution_state"] == "idle"
            elif m["msg_type"] in ("stream", "execute_result", "display_data", "error"):
                outputs.append(m)
        return reply, outputs

    async def first(self, msg_type, parent):
        """The first message of msg_type answering the request parent; what comes before it is passed over."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = await self.next(deadline)
            if m["msg_type"] == msg_type and m["parent_header"].get("msg_id") == parent:
                return m


def text_of(outputs):
    return "".join(m["content"].get("text", "") or m["content"].get("data", {}).get("text/plain", "")
                   for m in outputs)


class JupyterServerTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def kernel(self):
        kernel = self.server.api("POST", "/api/kernels", {"name": KERNEL_NAME})
        self.addCleanup(lambda: self.server.api("DELETE", f"/api/kernels/{kernel['id']}")
                        if any(k["id"] == kernel["id"] for k in self.server.api("GET", "/api/kernels")) else None)
        return kernel["id"]

    def run_async(self, coroutine):
        try:
            return asyncio.run(asyncio.wait_for(coroutine, 5 * TIMEOUT))
        except BaseException:
            print(self.server.output())
            raise

    def test_a_session_as_jupyterlab_runs_it(self):
        kernel_id = self.kernel()

        async def session():
            channels = Channels(await self.server.channels(kernel_id))
            info = await channels.request("shell", "kernel_info_request", {})
            reply = await channels.first("kernel_info_reply", info)
            self.assertEqual(reply["content"]["implementation"], "netlab")
            self.assertEqual(reply["content"]["language_info"]["name"], "java")

            reply, outputs = await channels.reply_and_outputs(
                await channels.execute('System.out.println("你好");\nint answer = 6 * 7;\nanswer'))
            self.assertEqual(reply["status"], "ok", reply)
            self.assertEqual(text_of(outputs), "你好\n42")

            asking = await channels.execute(
                'var name = new java.util.Scanner(System.in).nextLine(); System.out.println("hi " + name);',
                allow_stdin=True)
            request = await channels.first("input_request", asking)
            self.assertEqual(request["channel"], "stdin")
            await channels.ws.write_message(json.dumps({
                "header": {"msg_id": uuid.uuid4().hex, "session": channels.session, "username": "student",
                           "msg_type": "input_reply", "version": "5.3", "date": ""},
                "parent_header": request["header"], "metadata": {}, "content": {"value": "Ada"},
                "channel": "stdin"}))
            reply, outputs = await channels.reply_and_outputs(asking)
            self.assertEqual(reply["status"], "ok", reply)
            self.assertIn("hi Ada", text_of(outputs))

            complete = await channels.request("shell", "complete_request", {"code": "Check.", "cursor_pos": 6})
            reply = await channels.first("complete_reply", complete)
            self.assertTrue(reply["content"]["matches"], reply["content"])
            channels.ws.close()

        self.run_async(session())

    def test_a_notebook_in_zh_gets_a_chinese_kernel(self):
        """The server starts a notebook's kernel in the notebook's folder: the course's zh/ and en/ folders choose
        the language the student reads (Notebook 6 and jupyter_server 1.x name no notebook to the kernel)."""
        seen = {}
        for folder in ("zh", "en"):
            os.makedirs(os.path.join(self.server.home.name, folder), exist_ok=True)
            session = self.server.api("POST", "/api/sessions", {
                "path": f"{folder}/chapter.ipynb", "name": "chapter.ipynb", "type": "notebook",
                "kernel": {"name": KERNEL_NAME}})
            self.addCleanup(self.server.api, "DELETE", f"/api/sessions/{session['id']}")

            async def banner_and_error():
                channels = Channels(await self.server.channels(session["kernel"]["id"]))
                info = await channels.request("shell", "kernel_info_request", {})
                banner = (await channels.first("kernel_info_reply", info))["content"]["banner"]
                _, outputs = await channels.reply_and_outputs(await channels.execute('int n = "text";'))
                channels.ws.close()
                return banner, "".join(m["content"].get("evalue", "") for m in outputs)

            seen[folder] = self.run_async(banner_and_error())
        chinese = lambda text: any("\u4e00" <= c <= "\u9fff" for c in text)
        self.assertTrue(all(chinese(text) for text in seen["zh"]), seen["zh"])
        self.assertFalse(any(chinese(text) for text in seen["en"]), seen["en"])

    def test_the_server_interrupts_restarts_and_deletes_the_kernel(self):
        kernel_id = self.kernel()

        async def session():
            channels = Channels(await self.server.channels(kernel_id))
            reply, _ = await channels.reply_and_outputs(await channels.execute("int kept = 1;"))
            self.assertEqual(reply["status"], "ok", reply)

            looping = await channels.execute("while (true) { Thread.onSpinWait(); }")
            await channels.first("execute_input", looping)
            await asyncio.sleep(0.5)
            self.server.api("POST", f"/api/kernels/{kernel_id}/interrupt")
            reply, _ = await channels.reply_and_outputs(looping)
            self.assertEqual(reply["status"], "error", reply)
            reply, outputs = await channels.reply_and_outputs(await channels.execute("kept + 1"))
            self.assertEqual(text_of(outputs), "2", "an interrupt keeps the session's variables")

            self.server.api("POST", f"/api/kernels/{kernel_id}/restart")
            reply, _ = await channels.reply_and_outputs(await channels.execute("kept"))
            self.assertEqual(reply["status"], "error", "a restart forgets the session's variables")
            reply, outputs = await channels.reply_and_outputs(await channels.execute("int fresh = 5; fresh + 1"))
            self.assertEqual((reply["status"], text_of(outputs)), ("ok", "6"))
            channels.ws.close()

        self.run_async(session())
        self.server.api("DELETE", f"/api/kernels/{kernel_id}")
        self.assertNotIn(kernel_id, [k["id"] for k in self.server.api("GET", "/api/kernels")])


if __name__ == "__main__":
    unittest.main()

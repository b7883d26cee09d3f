"""A Chinese student's session through Debian's jupyter_client: the kernel learns the notebook's language from
JPY_SESSION_NAME (as jupyter_server 2.x starts it), and no English sentence of the catalogue reaches the student:
not in the explained compile errors, a failed check, an interrupted cell or the Java process exiting.

The catalogue's English texts become patterns here (placeholders match anything within a line, a plural either
of its forms), read from the same .properties files the kernel and the lessons ship. Run by PythonKernelTestsIT.
"""
import glob
import json
import os
import re
import tempfile
import time
import unittest

from jupyter_client.manager import start_new_kernel
from test_kernel import execute, shell_reply

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")
TIMEOUT = 60
HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUES = [os.path.join(HERE, "..", "..", "main", "resources", "netlab", "text"),
              os.path.join(HERE, "..", "..", "..", "..", "lessons", "src", "main", "resources", "netlab", "text")]
PLACEHOLDER = re.compile(r"\{\d+(?:\|([^|{}]*)\|([^|{}]*))?\}")
CJK = re.compile(r"[\u4e00-\u9fff]")

# a cell with one of the mistakes beginners make most (the kernel's CompileErrorsExplainedIT has the same list)
MISTAKES = [
    "int a = 1\nint b = 2;", "int c = 1 +", 'String t = "abc;', 'int y = "a";', "int z = 3.5;",
    "void f() { Thread.sleep(10); }", "int g() { }", "int h() { return 1; System.out.println(); }",
    "void k() { int q; System.out.println(q); }", "Math.max(1);", "1 + ;", "void m() { count + 1; }",
    "count.toString();", "void p() { return 1; }", "boolean b = greeting == 3;",
    "class A implements Runnable { }", "Runnable r = new Runnable();", "void u() { break; }",
    "long big = 3000000000;", "char ch = 'ab';", "new Object().clone();", "void d() { int n = 1; int n = 2; }",
    "Strin w = null;", "System.out.println(cuont);",
]


def english_patterns():
    """(key, pattern) for every English text of at least three words."""
    patterns = []
    for directory in CATALOGUES:
        for path in sorted(glob.glob(os.path.join(directory, "*_en.properties"))):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if not line or line.startswith("#") or "=" not in line:
                        continue
                    key, text = line.split("=", 1)
                    literal = PLACEHOLDER.sub(lambda m: " " if m.group(2) is None else m.group(2).replace("#", " "),
                                              text)
                    if len(re.findall(r"[A-Za-z]{2,}", literal)) < 3:
                        continue
                    regex, at = "", 0
                    for m in PLACEHOLDER.finditer(text):
                        regex += re.escape(text[at:m.start()])
                        if m.group(1) is None:
                            regex += r"[^\n]*?"
                        else:
                            forms = [r"[^\n]*?".join(re.escape(p) for p in f.split("#")) for f in m.groups()]
                            regex += "(?:%s|%s)" % tuple(forms)
                        at = m.end()
                    regex += re.escape(text[at:])
                    patterns.append((key.strip(), re.compile(regex)))
    return patterns


ENGLISH = english_patterns()


def english_in(text):
    for key, pattern in ENGLISH:
        m = pattern.search(text)
        if m:
            return "%s: %s" % (key, m.group(0))
    return None


def shown(reply, outputs):
    """Everything the student sees of one execution: the error reply and every output's text."""
    parts = []
    content = reply["content"]
    if content["status"] == "error":
        parts += [content.get("ename", ""), content.get("evalue", "")] + content.get("traceback", [])
    for m in outputs:
        c = m["content"]
        if m["msg_type"] == "stream":
            parts.append(c["text"])
        elif m["msg_type"] in ("display_data", "update_display_data", "execute_result"):
            parts += [str(v) for v in c["data"].values()]
        elif m["msg_type"] == "error":
            parts += [c["ename"], c["evalue"]] + c["traceback"]
    return "\n".join(parts)


class ChineseSession(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        notebook = os.path.join(cls.dir.name, "第一章.ipynb")
        with open(notebook, "w", encoding="utf-8") as f:
            json.dump({"cells": [], "metadata": {"netlab": {"language": "zh"}}, "nbformat": 4, "nbformat_minor": 5}, f)
        env = dict(os.environ, JPY_SESSION_NAME=notebook)
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, env=env, cwd=cls.dir.name)
        cls.execute('int count = 3; String greeting = "hi";')

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        cls.dir.cleanup()

    @classmethod
    def execute(cls, code):
        return execute(cls.kc, code, TIMEOUT)

    def assertChinese(self, what, text):
        self.assertIsNone(english_in(text), "%s shows English:\n%s" % (what, text))
        self.assertTrue(CJK.search(text), "%s shows no Chinese:\n%s" % (what, text))

    def test_the_catalogue_gives_patterns(self):
        self.assertGreater(len(ENGLISH), 50)
        self.assertTrue(english_in("public checks 3/3 passed · 2 hidden checks run when graded"))
        self.assertIsNone(english_in("公开检查通过 3/3 · 另有 2 个隐藏检查在评分时运行"))

    def test_every_explained_compile_error_is_in_chinese(self):
        for code in MISTAKES:
            reply, outputs = self.execute(code)
            self.assertEqual("error", reply["content"]["status"], code)
            text = shown(reply, outputs)
            self.assertTrue(reply["content"]["traceback"][0].startswith("单元格第 "), text)
            self.assertChinese(code, text)

    def test_kernel_info_is_in_chinese(self):
        # a front end shows the banner atop a console and the help links in its Help menu
        content = shell_reply(self.kc, self.kc.kernel_info())["content"]
        self.assertChinese("kernel_info's banner", content["banner"])
        for link in content["help_links"]:
            self.assertTrue(CJK.search(link["text"]), "a help link in English: %s" % link)

    def test_a_failed_check_is_in_chinese(self):
        reply, outputs = self.execute('Check.run("intro.greet", (netlab.course.IntroExercises.Greet) n -> "Hi " + n);')
        text = shown(reply, outputs)
        self.assertEqual("ok", reply["content"]["status"], text)
        self.assertIn("期望", text)
        self.assertChinese("the check table", text)

    def test_percent_lang_switches_to_english_and_back(self):
        reply, outputs = self.execute("%lang en")
        self.assertIn("English", shown(reply, outputs))
        reply, outputs = self.execute("int g() { }")
        self.assertTrue(english_in(shown(reply, outputs)))
        reply, outputs = self.execute("%lang zh")
        self.assertChinese("%lang zh", shown(reply, outputs))

    def worded_by_the_catalogue(self, what, text):
        """Chinese once the message comes from the catalogue; skipped while it does not (English, not in it)."""
        found = english_in(text)
        self.assertIsNone(found, "%s shows English from the catalogue: %s\n%s" % (what, found, text))
        if not CJK.search(text):
            self.skipTest("%s is not worded through the catalogue yet (the cell-run path's own wording): %s"
                          % (what, text))

    def test_an_interrupted_cell_is_told_in_chinese(self):
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1)
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, TIMEOUT)
        self.assertEqual("error", reply["content"]["status"])
        self.worded_by_the_catalogue("the interrupt", shown(reply, []))

    def test_an_exited_agent_is_told_in_chinese(self):
        reply, outputs = self.execute("System.exit(3);")
        text = shown(reply, outputs)
        self.execute("int count = 3; String greeting = \"hi\";")  # the restarted agent lost them
        self.worded_by_the_catalogue("the agent's exit", text)


if __name__ == "__main__":
    unittest.main()

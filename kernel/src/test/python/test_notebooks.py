"""Runs the course notebooks under notebooks/ through Debian's nbclient and the installed netlab kernel.

Teacher notebooks: every cell succeeds and every check cell reports all its public checks passed.
Student notebooks (made by `netlab release`): nothing crashes and every check says "not answered yet".
Both languages have the same code cells and exercise ids. Prints how long each chapter took.
"""
import glob
import os
import re
import time
import unittest

import nbformat
from nbclient import NotebookClient

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")
ROOT = os.environ.get("NETLAB_NOTEBOOKS", os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "notebooks"))
PASSED = re.compile(r"public checks (\d+)/(\d+) passed")


def notebooks(*parts):
    return sorted(glob.glob(os.path.join(ROOT, *parts, "*.ipynb")))


def execute(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    start = time.monotonic()
    NotebookClient(nb, timeout=120, kernel_name=KERNEL_NAME, allow_errors=True).execute()
    elapsed = time.monotonic() - start
    print("%-60s %5.1f s" % (os.path.relpath(path, ROOT), elapsed), flush=True)
    return nb


def text_of(cell):
    parts = []
    for o in cell.get("outputs", []):
        if o["output_type"] == "stream":
            parts.append(o["text"])
        elif o["output_type"] in ("display_data", "execute_result"):
            parts.append(o["data"].get("text/plain", ""))
        elif o["output_type"] == "error":
            parts.append("ERROR %s: %s" % (o["ename"], o["evalue"]))
    return "".join(parts)


def errors(cell):
    return [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


def role(cell):
    return cell.metadata.get("netlab", {}).get("role")


class TeacherNotebooks(unittest.TestCase):

    def test_every_cell_succeeds_and_every_check_passes(self):
        paths = notebooks("teacher", "en") + notebooks("teacher", "zh")
        self.assertTrue(paths, "no teacher notebooks under " + ROOT)
        for path in paths:
            nb = execute(path)
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                where = "%s cell %d (%s)" % (os.path.basename(path), i, cell.get("id"))
                self.assertEqual([], errors(cell), where + ":\n" + cell.source + "\n" + text_of(cell))
                if role(cell) == "check":
                    m = PASSED.search(text_of(cell))
                    self.assertTrue(m and m.group(1) == m.group(2), where + " did not pass:\n" + text_of(cell))


class StudentNotebooks(unittest.TestCase):

    def test_nothing_crashes_and_every_check_is_not_answered_yet(self):
        paths = notebooks("en") + notebooks("zh")
        self.assertTrue(paths, "no student notebooks under " + ROOT)
        for path in paths:
            nb = execute(path)
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                where = "%s cell %d (%s)" % (os.path.basename(path), i, cell.get("id"))
                if role(cell) == "check":
                    self.assertIn("not answered yet", text_of(cell), where)
                elif role(cell) != "answer":
                    self.assertEqual([], errors(cell), where + ":\n" + cell.source + "\n" + text_of(cell))
                for e in errors(cell):
                    self.assertIn("TODO", e["evalue"], where + " failed otherwise than 'not answered yet'")


class Parity(unittest.TestCase):

    def test_both_languages_have_the_same_code_and_exercises(self):
        for tree in (("teacher",), ()):
            en = notebooks(*tree, "en")
            zh = notebooks(*tree, "zh")
            self.assertEqual([os.path.basename(p) for p in en], [os.path.basename(p) for p in zh])
            for a, b in zip(en, zh):
                na, nb = nbformat.read(a, 4), nbformat.read(b, 4)
                nbformat.validate(na)
                nbformat.validate(nb)
                code = lambda n: [(c.source, c.metadata.get("netlab")) for c in n.cells if c.cell_type == "code"]
                self.assertEqual(code(na), code(nb), os.path.basename(a))
                self.assertEqual([c.cell_type for c in na.cells], [c.cell_type for c in nb.cells])


if __name__ == "__main__":
    unittest.main()

"""The course notebooks under notebooks/ through Debian's nbclient and the installed netlab kernel.

Every notebook also runs headless with `netlab run` (CourseNotebooksIT); here, what only Jupyter can show:
one chapter executed cell by cell over the kernel protocol, the chapter-0 interrupt lesson interrupted the
way a front end does it, and that every notebook is valid nbformat with the same code cells (but for the language
of their comments and of the text they print) and exercise ids in both languages. Prints how long each execution
took.
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
# the check summary in either language: the kernel words it in the notebook's language when it knows it
PASSED = re.compile(r"(?:public checks|公开检查通过) (\d+)/(\d+)")
# the chapter nbclient runs whole: Chinese output, tables, threads and every kind of exercise of chapter 1
NBCLIENT_CHAPTER = ("teacher", "zh", "01-network-and-udp.ipynb")
INTERRUPT_LESSON = ("en", "00-introduction.ipynb")
# how long the interrupt lesson's demo cell may run before nbclient interrupts it, as a student would
INTERRUPT_AFTER_S = 2


# a string literal of Java code; what a zh cell prints (its labels, a handed-out answer's stub
# "TODO：在这里写出你的答案") is Chinese where the en cell's is English, and nothing else may differ
STRING_LITERAL = re.compile(r'("(?:[^"\\\n]|\\.)*")')
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")  # ideographs and full-width punctuation


def without_comments(java):
    """Java source without its // comments (outside string and char literals): what must be the same in en and zh,
    whose code cells differ only in the language of their comments."""
    out, quote, i = [], None, 0
    while i < len(java):
        ch = java[i]
        if quote:
            out.append(ch)
            if ch == "\\":
                out.append(java[i + 1:i + 2])
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            out.append(ch)
        elif java.startswith("//", i):
            while i < len(java) and java[i] != "\n":
                i += 1
            continue
        else:
            out.append(ch)
        i += 1
    return "\n".join(line.rstrip() for line in "".join(out).split("\n"))


def as_in_english(en_java, zh_java):
    """The zh cell's code without its comments, each string literal that is a translation (Chinese where the en
    cell's is not) put back in English: equal to the en cell's code exactly when the two differ only there."""
    en, zh = STRING_LITERAL.split(without_comments(en_java)), STRING_LITERAL.split(without_comments(zh_java))
    if len(en) != len(zh):
        return "".join(zh)
    return "".join(e if i % 2 and CHINESE.search(z) and not CHINESE.search(e) else z
                   for i, (e, z) in enumerate(zip(en, zh)))


def notebooks(*parts):
    return sorted(glob.glob(os.path.join(ROOT, *parts, "*.ipynb")))


def execute(path, **options):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    start = time.monotonic()
    NotebookClient(nb, kernel_name=KERNEL_NAME, allow_errors=True, **options).execute()
    print("nbclient %-45s %5.1f s" % (os.path.relpath(path, ROOT), time.monotonic() - start), flush=True)
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


class OneChapterThroughNbclient(unittest.TestCase):

    def test_every_cell_succeeds_and_every_check_passes(self):
        path = os.path.join(ROOT, *NBCLIENT_CHAPTER)
        nb = execute(path, timeout=120)
        checks = 0
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            where = "%s cell %d (%s)" % (os.path.basename(path), i, cell.get("id"))
            self.assertEqual([], errors(cell), where + ":\n" + cell.source + "\n" + text_of(cell))
            if role(cell) == "check":
                checks += 1
                m = PASSED.search(text_of(cell))
                self.assertTrue(m and m.group(1) == m.group(2), where + " did not pass:\n" + text_of(cell))
        self.assertGreaterEqual(checks, 8, "chapter 1 has at least 8 exercises")


class InterruptLesson(unittest.TestCase):
    """Chapter 0 asks the student to interrupt a counting cell; nbclient interrupts it on a timeout, as the
    stop button would, and the next cell still sees the variables defined before."""

    def test_the_demo_cell_is_interrupted_and_the_notebook_goes_on(self):
        path = os.path.join(ROOT, *INTERRUPT_LESSON)
        demo = lambda cell: "finished without being interrupted" in cell.source
        nb = execute(path, timeout=120, interrupt_on_timeout=True,
                     timeout_func=lambda cell: INTERRUPT_AFTER_S if demo(cell) else 120)
        cells = [c for c in nb.cells if c.cell_type == "code"]
        at = [i for i, c in enumerate(cells) if demo(c)]
        self.assertEqual(1, len(at), "one demo cell in " + path)
        cell, after = cells[at[0]], cells[at[0] + 1]
        self.assertIn("waiting… 1", text_of(cell))
        self.assertNotIn("finished without being interrupted", text_of(cell))
        self.assertEqual(1, len(errors(cell)), "the interrupt shows as the cell's error:\n" + text_of(cell))
        self.assertEqual([], errors(after), text_of(after))
        self.assertIn("netlab", text_of(after))

    def test_the_lesson_tells_what_to_do_and_the_demo_ends_on_its_own(self):
        for lang in ("en", "zh"):
            nb = nbformat.read(os.path.join(ROOT, lang, INTERRUPT_LESSON[1]), as_version=4)
            source = "\n".join(c.source for c in nb.cells)
            self.assertIn("Kernel → Interrupt", source, lang + ": names the menu item")
            self.assertIn("■", source, lang + ": names the stop button")
            self.assertRegex(source, r"i <= 3;[\s\S]*Thread.sleep\(1_000\)", lang + ": the demo stops by itself after 3 s")


class Parity(unittest.TestCase):

    def test_both_languages_have_the_same_code_and_exercises(self):
        for tree in (("teacher",), ()):
            en = notebooks(*tree, "en")
            zh = notebooks(*tree, "zh")
            self.assertTrue(en, "no notebooks under " + os.path.join(ROOT, *tree, "en"))
            self.assertEqual([os.path.basename(p) for p in en], [os.path.basename(p) for p in zh])
            for a, b in zip(en, zh):
                na, nb = nbformat.read(a, 4), nbformat.read(b, 4)
                nbformat.validate(na)
                nbformat.validate(nb)
                code = lambda n: [(c.source, c.metadata.get("netlab")) for c in n.cells if c.cell_type == "code"]
                self.assertEqual(len(code(na)), len(code(nb)), os.path.basename(a))
                for (en_src, en_meta), (zh_src, zh_meta) in zip(code(na), code(nb)):
                    self.assertEqual(en_meta, zh_meta, os.path.basename(a))
                    self.assertEqual(as_in_english(en_src, zh_src), without_comments(en_src),
                                     "%s: the zh cell's code differs beyond its comments and printed text" % b)
                self.assertEqual([c.cell_type for c in na.cells], [c.cell_type for c in nb.cells])


if __name__ == "__main__":
    unittest.main()

"""Helpers that write one teacher notebook per language from a single list of cells, so code cells and
exercise ids are the same in en and zh by construction: prose differs, a code cell's comments, which are
written in English in the source and carry their Chinese beside them (`zh={"English comment": "中文注释"}`), and
the text a demo cell prints: its string literals are English in the source, and the chapter's `labels` give the
Chinese of each (`Chapter("c03", labels={'"frames sent: "': '"发出的帧数："'})`), so a zh student reads Chinese
output; the literals a cell sends over the network, compares or names files with are the same in both.
Used by the chapter scripts; the notebooks they write are checked against them (CourseNotebooksIT)."""
import re
import nbformat

KERNELSPEC = {"name": "netlab", "display_name": "Java (netlab)", "language": "java"}

# a Markdown line that starts a block of its own: it is never joined to the line above
BLOCK_START = re.compile(r"^\s*(?:[-*+] |\d+\. |#|\||>|```|$)")
IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uffef“”‘’…—]")


def joint(prev, nxt):
    """What joins two lines of one Chinese paragraph: nothing after or before Chinese punctuation and between
    Chinese characters, one space between a Chinese character and a Latin word or code span (the style of the prose)."""
    a, b = prev[-1:], nxt[:1]
    if CJK_PUNCTUATION.match(a) or CJK_PUNCTUATION.match(b):
        return ""
    if IDEOGRAPH.match(a):
        return " " if re.match(r"[A-Za-z0-9`]", b) else ""
    return " "


def zh_prose(text):
    """Chinese Markdown as a browser should see it: a paragraph or list item is one line (a line break inside a
    Chinese sentence renders as a stray space), and quotes outside code are “…”."""
    out = []
    fenced = False
    for line in text.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
            out.append(line)
            continue
        if fenced or not out or BLOCK_START.match(line) or out[-1] == "" or out[-1].startswith(("#", "|", "```")):
            out.append(line)
            continue
        prev, nxt = out[-1].rstrip(), line.strip()
        out[-1] = prev + joint(prev, nxt) + nxt
    return "\n".join(curly_quotes(line) if not line.startswith("```") else line for line in out)


def curly_quotes(line):
    """ASCII double quotes outside `code` spans become “…” (inside code they are Java's and stay)."""
    parts = line.split("`")
    for i in range(0, len(parts), 2):  # even parts are outside code spans
        opening = True
        chars = []
        for ch in parts[i]:
            if ch == '"':
                chars.append("“" if opening else "”")
                opening = not opening
            else:
                chars.append(ch)
        parts[i] = "".join(chars)
    return "`".join(parts)


def localize(src, comments, lang):
    """The code `src` in `lang`: each English comment in `comments` replaced by its Chinese in a zh notebook."""
    if lang != "zh":
        return src
    for en, zh in comments.items():
        if ("// " + en) not in src:
            raise ValueError("no comment '// %s' in the cell:\n%s" % (en, src))
        src = src.replace("// " + en, "// " + zh)
    return src


def with_labels(src, labels, lang):
    """The demo code `src` in `lang`: each English string literal (or code fragment holding literals) among
    `labels` that the cell holds replaced by its Chinese in a zh notebook; returns the code and the labels used."""
    used = {en for en in labels if en in src}
    if lang == "zh":
        for en in sorted(used, key=len, reverse=True):  # a longer fragment first: it may hold a shorter one
            src = src.replace(en, labels[en])
    return src, used


class Chapter:
    def __init__(self, prefix, labels=None):
        self.prefix = prefix
        self.cells = []  # (kind, payload)
        self.labels = labels or {}
        for en, zh in self.labels.items():
            if not (en.startswith('"') and en.endswith('"') and zh.startswith('"') and zh.endswith('"')):
                raise ValueError("a label starts and ends with a string literal's quote in both languages: %s → %s"
                                 % (en, zh))

    def md(self, en, zh):
        self.cells.append(("md", {"en": en.strip("\n"), "zh": zh_prose(zh.strip("\n"))}))

    def code(self, src, zh=None):
        self._code(src, zh, None)

    def answer(self, exercise, src, zh=None):
        self._code(src, zh, {"exercise": exercise, "role": "answer"})

    def check(self, exercise, points, src):
        self._code(src, None, {"exercise": exercise, "role": "check", "points": points})

    def _code(self, src, zh, netlab):
        src = src.strip("\n")
        localize(src, zh or {}, "zh")  # fails now, not at write time, when a comment is not in the cell
        p = {"src": src, "zh": zh or {}}
        if netlab:
            p["netlab"] = netlab
        self.cells.append(("code", p))

    def notebook(self, lang):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        nb.metadata["language_info"] = {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"}
        nb.metadata["netlab"] = {"language": lang}
        unused = set(self.labels)
        for i, (kind, p) in enumerate(self.cells):
            cid = "%s-%03d" % (self.prefix, i)
            if kind == "md":
                cell = nbformat.v4.new_markdown_cell(p[lang], id=cid)
            else:
                src = localize(p["src"], p["zh"], lang)
                if "netlab" not in p:  # a demo cell: an answer or check keeps what the student and grader see
                    src, used = with_labels(src, self.labels, lang)
                    unused -= used
                cell = nbformat.v4.new_code_cell(src, id=cid)
                if "netlab" in p:
                    cell.metadata["netlab"] = dict(p["netlab"])
            nb.cells.append(cell)
        if unused:
            raise ValueError("labels no demo cell of %s holds: %s" % (self.prefix, sorted(unused)))
        nbformat.validate(nb)
        return nb

    def write(self, root, name):
        for lang in ("en", "zh"):
            path = "%s/teacher/%s/%s" % (root, lang, name)
            nbformat.write(self.notebook(lang), path)
            print("wrote", path)

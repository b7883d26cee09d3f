"""Helpers that write one teacher notebook per language from a single list of cells, so code cells and
exercise ids are the same in en and zh by construction (prose differs). Used by the chapter scripts."""
import nbformat

KERNELSPEC = {"name": "netlab", "display_name": "Java (netlab)", "language": "java"}


class Chapter:
    def __init__(self, prefix):
        self.prefix = prefix
        self.cells = []  # (kind, payload)

    def md(self, en, zh):
        self.cells.append(("md", {"en": en.strip("\n"), "zh": zh.strip("\n")}))

    def code(self, src):
        self.cells.append(("code", {"src": src.strip("\n")}))

    def answer(self, exercise, src):
        self.cells.append(("code", {"src": src.strip("\n"), "netlab": {"exercise": exercise, "role": "answer"}}))

    def check(self, exercise, points, src):
        self.cells.append(("code", {"src": src.strip("\n"),
                                    "netlab": {"exercise": exercise, "role": "check", "points": points}}))

    def notebook(self, lang):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        nb.metadata["language_info"] = {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"}
        nb.metadata["netlab"] = {"language": lang}
        for i, (kind, p) in enumerate(self.cells):
            cid = "%s-%03d" % (self.prefix, i)
            if kind == "md":
                cell = nbformat.v4.new_markdown_cell(p[lang], id=cid)
            else:
                cell = nbformat.v4.new_code_cell(p["src"], id=cid)
                if "netlab" in p:
                    cell.metadata["netlab"] = dict(p["netlab"])
            nb.cells.append(cell)
        nbformat.validate(nb)
        return nb

    def write(self, root, name):
        for lang in ("en", "zh"):
            path = "%s/teacher/%s/%s" % (root, lang, name)
            nbformat.write(self.notebook(lang), path)
            print("wrote", path)

"""A small notebook executed by Debian's nbclient through the installed netlab kernel."""
import os
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL_NAME = os.environ.get("NETLAB_KERNEL_NAME", "netlab")


def notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Java (netlab)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


class NbclientTests(unittest.TestCase):

    def test_a_notebook_runs_top_to_bottom(self):
        nb = notebook(
            'String greeting = "你好, netlab";',
            "System.out.println(greeting);",
            "int square(int x) { return x * x; }",
            "square(12)",
            'netlab.display.Display.show(netlab.display.Html.of("<b>bold</b>", "bold"));',
        )
        NotebookClient(nb, timeout=60, kernel_name=KERNEL_NAME).execute()
        nbformat.validate(nb)
        outputs = [c.outputs for c in nb.cells]
        self.assertEqual(outputs[1][0]["text"], "你好, netlab\n")
        self.assertEqual(outputs[3][0]["data"]["text/plain"], "144")
        self.assertEqual(outputs[3][0]["execution_count"], 4)
        self.assertIn("text/html", outputs[4][0]["data"])

    def test_an_error_stops_the_run_and_is_recorded_in_the_cell(self):
        nb = notebook("int x = 1;", "x.foo();", "System.out.println(\"never\");")
        with self.assertRaises(CellExecutionError):
            NotebookClient(nb, timeout=60, kernel_name=KERNEL_NAME).execute()
        error = nb.cells[1].outputs[0]
        self.assertEqual(error["output_type"], "error")
        self.assertEqual(nb.cells[2].outputs, [])


if __name__ == "__main__":
    unittest.main()

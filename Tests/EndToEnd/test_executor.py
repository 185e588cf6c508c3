"""`beamtime execute` against papermill: the same notebooks, metadata and exit codes.

Runs papermill and our executor on the same Python template with ipykernel, papermill on
our template with our kernel (and scrapbook on its glued values), and the failure cases:
an error in a cell, a killed kernel, a cell timeout, broken input notebooks. Needs
JUPYTER_PATH to hold kernels/beamtime (Tests/EndToEnd/run does this) and
BEAMTIME_BINARY; ipykernel's python3 kernelspec comes from this venv.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("BEAMTIME_BINARY", os.path.join(REPOSITORY, ".build", "debug", "beamtime"))
PEAK_TEMPLATE = os.path.join(REPOSITORY, "templates", "peak-alignment.ipynb")
TIMEOUT = 180
ENVIRONMENT = dict(os.environ, VIRTUAL_ENV=sys.prefix)

CELL_KEYS = {"exception", "start_time", "end_time", "duration", "status"}
TIMING_KEYS = {"iopub.status.busy", "iopub.execute_input", "iopub.status.idle", "shell.execute_reply"}


def beamtime(*args, stdin=None):
    return subprocess.run([BINARY, "execute", *args], capture_output=True, text=True, timeout=TIMEOUT,
                          env=ENVIRONMENT, input=stdin)


def papermill(*args):
    return subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar", *args], capture_output=True,
                          text=True, timeout=TIMEOUT, env=ENVIRONMENT)


def python_template(path, cells):
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                            "language": "python"}})
    nbformat.write(nb, path)
    return path


def outputs_of(cell):
    """A cell's outputs without what differs between runs (times, object addresses)."""
    shown = []
    for output in cell.get("outputs", []):
        entry = {"output_type": output["output_type"]}
        if "name" in output:
            entry["name"] = output["name"]
            entry["text"] = output["text"]
        if "data" in output:
            entry["data"] = dict(output["data"])
        if "ename" in output:
            entry["ename"] = output["ename"]
            entry["evalue"] = output["evalue"]
        shown.append(entry)
    return shown


def keys(mapping, prefix=""):
    found = set()
    for key, value in mapping.items():
        found.add(prefix + key)
        if isinstance(value, dict) and key not in ("parameters", "default_parameters", "language_info"):
            found |= keys(value, prefix + key + ".")
    return found


class ExecutorTestCase(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="beamtime-executor-")

    def path(self, name):
        return os.path.join(self.directory, name)

    def assertSameNotebook(self, ours, theirs, ignore_versions=True):
        """Same cells (types, sources, tags, statuses, outputs, counts) and metadata keys."""
        self.assertEqual(len(ours.cells), len(theirs.cells))
        self.assertEqual(keys(ours.metadata), keys(theirs.metadata))
        for a, b in zip(ours.cells, theirs.cells):
            self.assertEqual(a.cell_type, b.cell_type)
            self.assertEqual(a.source, b.source)
            self.assertEqual(a.metadata.get("tags"), b.metadata.get("tags"))
            self.assertEqual(keys(a), keys(b), a.source)
            self.assertEqual(a.metadata.get("papermill", {}).get("status"), b.metadata.get("papermill", {}).get("status"))
            self.assertEqual(a.metadata.get("papermill", {}).get("exception"),
                             b.metadata.get("papermill", {}).get("exception"))
            if a.cell_type == "code":
                self.assertEqual(a.execution_count, b.execution_count, a.source)
                self.assertEqual(outputs_of(a), outputs_of(b), a.source)


class PapermillParityTests(ExecutorTestCase):
    def template(self):
        return python_template(self.path("template.ipynb"), [
            new_markdown_cell("# A template"),
            new_code_cell("alpha = 0.5  # the scale\nn = 3\nlabel = 'x'", metadata={"tags": ["parameters"]}),
            new_code_cell("print('alpha', alpha, 'n', n, 'label', label)\nfor i in range(n):\n    print(i)"),
            new_code_cell(""),
            new_code_cell("from IPython.display import display, HTML, Markdown\n"
                          "h = display(HTML('<b>first</b>'), display_id=True)\n"
                          "display(Markdown('*md*'))\nh.update(HTML('<b>updated</b>'))"),
            new_code_cell("import sys\nprint('to stderr', file=sys.stderr)\nalpha * n"),
        ])

    def test_same_notebook_as_papermill_with_ipykernel(self):
        template = self.template()
        args = ["-p", "alpha", "2.5", "-p", "n", "2", "-r", "label", "7"]
        theirs_path, ours_path = self.path("papermill.ipynb"), self.path("ours.ipynb")
        result = papermill(template, theirs_path, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        result = beamtime(template, ours_path, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        ours, theirs = nbformat.read(ours_path, as_version=4), nbformat.read(theirs_path, as_version=4)
        nbformat.validate(ours)
        self.assertSameNotebook(ours, theirs)
        self.assertEqual(ours.metadata.papermill.parameters, {"alpha": 2.5, "n": 2, "label": "7"})
        self.assertEqual(ours.metadata.papermill.input_path, template)
        self.assertEqual(ours.metadata.language_info.name, "python")
        for cell in ours.cells:
            self.assertEqual(set(cell.metadata.papermill), CELL_KEYS)
            if cell.cell_type == "code" and cell.source.strip():
                self.assertEqual(set(cell.metadata.execution), TIMING_KEYS)
        # The display updated in place, as nbclient does.
        self.assertIn("updated", json.dumps(outputs_of(ours.cells[5])))

    def test_error_in_a_cell_is_marked_as_papermill_marks_it(self):
        template = python_template(self.path("failing.ipynb"), [
            new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
            new_code_cell("print('before')"),
            new_code_cell("raise ValueError('bad value ' + str(x))"),
            new_code_cell("print('never')"),
        ])
        theirs_path, ours_path = self.path("papermill.ipynb"), self.path("ours.ipynb")
        theirs_result = papermill(template, theirs_path, "-p", "x", "3")
        ours_result = beamtime(template, ours_path, "-p", "x", "3")
        self.assertEqual(theirs_result.returncode, 1)
        self.assertEqual(ours_result.returncode, 1, ours_result.stderr)
        self.assertIn('Exception encountered at "In [4]"', ours_result.stderr)
        ours, theirs = nbformat.read(ours_path, as_version=4), nbformat.read(theirs_path, as_version=4)
        nbformat.validate(ours)
        self.assertSameNotebook(ours, theirs)
        self.assertIn("papermill-error-cell-tag", ours.cells[0].metadata.tags)
        failed = [c for c in ours.cells if c.metadata.get("papermill", {}).get("status") == "failed"]
        self.assertEqual([c.source for c in failed], ["raise ValueError('bad value ' + str(x))"])
        last = ours.cells[-1]
        self.assertEqual((last.outputs, last.execution_count, last.metadata.papermill.status), ([], None, "pending"))
        self.assertTrue(ours.metadata.papermill.exception)

    def test_parameter_forms_are_injected_as_papermill_injects_them(self):
        template = self.template()
        parameter_file = self.path("params.yaml")
        with open(parameter_file, "w") as f:
            f.write("n: 10\nnested:\n  a: [1, 2.5, yes]\n  b: ~\nname: 'it''s'\n")
        args = ["-f", parameter_file, "-y", "{alpha: 1e3, flag: off, e: 1.0e+3}", "-p", "s", "nan", "-p", "t", "True",
                "-p", "u", "None", "-p", "v", "-1", "-p", "w", "1_000", "-p", "q", "say \"hi\"\n\u00e9\\",
                "-r", "raw", "3.5", "--prepare-only"]
        theirs_path, ours_path = self.path("papermill.ipynb"), self.path("ours.ipynb")
        self.assertEqual(papermill(self.template(), theirs_path, *args).returncode, 0)
        result = beamtime(template, ours_path, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        ours, theirs = nbformat.read(ours_path, as_version=4), nbformat.read(theirs_path, as_version=4)
        self.assertEqual([c.source for c in ours.cells], [c.source for c in theirs.cells])
        self.assertEqual(ours.metadata.papermill.parameters, theirs.metadata.papermill.parameters)
        self.assertIsNone(ours.cells[2].execution_count)

    def test_help_notebook_lists_parameters_as_papermill_does(self):
        template = self.template()
        theirs = papermill(template, "--help-notebook").stdout
        ours = beamtime(template, "--help-notebook").stdout
        self.assertEqual(ours.split("\n", 1)[1], theirs.split("\n", 1)[1])

    def test_standard_input_and_output(self):
        template = self.template()
        with open(template) as f:
            text = f.read()
        result = beamtime("-", "-", "-p", "n", "1", "-k", "python3", stdin=text)
        self.assertEqual(result.returncode, 0, result.stderr)
        nb = nbformat.reads(result.stdout, as_version=4)
        self.assertEqual(nb.cells[3].outputs[0].text, "alpha 0.5 n 1 label x\n0\n")


class OptionTests(ExecutorTestCase):
    def template(self):
        return python_template(self.path("options.ipynb"), [
            new_code_cell("n = 1", metadata={"tags": ["parameters"]}),
            new_code_cell("import os\nprint('cwd', os.getcwd())\nprint('n', n)"),
            new_code_cell("n * 2"),
        ])

    def test_log_output_shows_cells_and_outputs_as_they_run(self):
        result = beamtime(self.template(), self.path("out.ipynb"), "--log-output", "-p", "n", "4")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Executing Cell 2-----", result.stderr)
        self.assertIn("Ending Cell 2------", result.stderr)
        self.assertIn("n 4\n", result.stderr)
        self.assertIn("8", result.stderr)

    def test_progress_bar_counts_cells(self):
        result = beamtime(self.template(), self.path("out.ipynb"), "--progress-bar")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Executing: 100%|██████████| 3/3", result.stderr)
        self.assertNotIn("NOTE: When using the `ipython kernel`", result.stderr, "kernels know their parent (JPY_PARENT_PID)")

    def test_cwd_is_where_the_kernel_runs_and_paths_stay_relative_to_the_caller(self):
        work = self.path("work")
        os.mkdir(work)
        template = self.template()
        result = subprocess.run([BINARY, "execute", os.path.basename(template), "out.ipynb", "--cwd", work],
                                capture_output=True, text=True, timeout=TIMEOUT, env=ENVIRONMENT, cwd=self.directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        nb = nbformat.read(self.path("out.ipynb"), as_version=4)
        self.assertEqual(nb.cells[1].outputs[0].text, f"cwd {work}\nn 1\n")

    def test_stdout_file_gets_the_notebooks_stdout(self):
        copy = self.path("stdout.txt")
        result = beamtime(self.template(), self.path("out.ipynb"), "--stdout-file", copy)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(copy) as f:
            self.assertIn("n 1\n", f.read())


class FailureTests(ExecutorTestCase):
    def test_killed_kernel_exits_138_with_true_statuses(self):
        template = python_template(self.path("dies.ipynb"), [
            new_code_cell("print('alive')"),
            new_code_cell("import os, signal\nprint('going', flush=True)\nos.kill(os.getpid(), signal.SIGKILL)"),
            new_code_cell("print('never')"),
        ])
        out = self.path("out.ipynb")
        result = beamtime(template, out)
        self.assertEqual(result.returncode, 138, result.stderr)
        self.assertIn("kernel died", result.stderr)
        nb = nbformat.read(out, as_version=4)
        nbformat.validate(nb)
        cells = [c for c in nb.cells if "papermill-error-cell-tag" not in c.metadata.tags]
        self.assertEqual([c.metadata.papermill.status for c in cells], ["completed", "failed", "pending"])
        self.assertEqual(cells[0].outputs[0].text, "alive\n")
        self.assertEqual(cells[1].outputs[-1].ename, "DeadKernelError")
        self.assertIn("SIGKILL", cells[1].outputs[-1].evalue)

    def test_cell_timeout_fails_the_cell_and_says_why(self):
        template = python_template(self.path("slow.ipynb"), [
            new_code_cell("print('quick')"),
            new_code_cell("import time\ntime.sleep(60)"),
            new_code_cell("print('never')"),
        ])
        out = self.path("out.ipynb")
        result = beamtime(template, out, "--execution-timeout", "2")
        self.assertEqual(result.returncode, 1, result.stderr)
        nb = nbformat.read(out, as_version=4)
        cells = [c for c in nb.cells if "papermill-error-cell-tag" not in c.metadata.tags]
        self.assertEqual([c.metadata.papermill.status for c in cells], ["completed", "failed", "pending"])
        self.assertEqual(cells[1].outputs[-1].ename, "CellTimeoutError")

    def test_timeout_in_process_interrupts_our_kernel(self):
        nb = new_notebook(cells=[new_code_cell("n = 0\nwhile True:\n    n += 1"), new_code_cell("print('never')")],
                          metadata={"kernelspec": {"name": "beamtime", "display_name": "Beamtime", "language": "python"}})
        template = self.path("loop.ipynb")
        nbformat.write(nb, template)
        out = self.path("out.ipynb")
        result = beamtime(template, out, "--execution-timeout", "1")
        self.assertEqual(result.returncode, 1, result.stderr)
        executed = nbformat.read(out, as_version=4)
        cells = [c for c in executed.cells if "papermill-error-cell-tag" not in c.metadata.tags]
        self.assertEqual(cells[0].metadata.papermill.status, "failed")
        self.assertEqual(cells[0].outputs[-1].ename, "CellTimeoutError")

    def test_kernel_that_never_answers_hits_the_start_timeout(self):
        kernels = self.path("share/jupyter/kernels/silent")
        os.makedirs(kernels)
        with open(os.path.join(kernels, "kernel.json"), "w") as f:
            json.dump({"argv": ["sleep", "30"], "display_name": "Silent", "language": "python"}, f)
        template = python_template(self.path("t.ipynb"), [new_code_cell("print('never')")])
        out = self.path("out.ipynb")
        env = dict(ENVIRONMENT, JUPYTER_PATH=self.path("share/jupyter") + os.pathsep + os.environ.get("JUPYTER_PATH", ""))
        started = time.monotonic()
        result = subprocess.run([BINARY, "execute", template, out, "-k", "silent", "--start-timeout", "2"],
                                capture_output=True, text=True, timeout=TIMEOUT, env=env)
        self.assertLess(time.monotonic() - started, 15)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("did not start", result.stderr)
        self.assertIn("start timeout of 2 s", result.stderr)
        nb = nbformat.read(out, as_version=4)
        self.assertEqual(nb.cells[0].metadata.papermill.status, "pending", "nothing ran, and nothing says it did")
        self.assertTrue(nb.metadata.papermill.exception)

    def test_broken_input_gives_a_clear_error_and_keeps_the_old_output(self):
        good = self.path("good.ipynb")
        with open(good, "w") as f:
            f.write("previous good output\n")
        with open(PEAK_TEMPLATE) as f:
            text = f.read()
        cases = {
            "truncated.ipynb": (text[: len(text) // 2], "truncated"),
            "v3.ipynb": ('{"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}', "nbformat 3"),
            "nosource.ipynb": (json.dumps({"nbformat": 4, "nbformat_minor": 4, "metadata": {},
                                           "cells": [{"cell_type": "code", "metadata": {}, "outputs": []}]}),
                               "has no 'source'"),
        }
        for name, (content, message) in cases.items():
            broken = self.path(name)
            with open(broken, "w") as f:
                f.write(content)
            result = beamtime(broken, good)
            self.assertEqual(result.returncode, 1, name)
            self.assertIn(message, result.stderr, name)
            with open(good) as f:
                self.assertEqual(f.read(), "previous good output\n", name)
        result = beamtime(self.path("missing.ipynb"), good)
        self.assertEqual(result.returncode, 1)
        self.assertIn("missing.ipynb", result.stderr)


class OurKernelTests(ExecutorTestCase):
    @classmethod
    def setUpClass(cls):
        prepare = subprocess.run([BINARY, "exec", "-"], input="RE(scan([det], motor, -2, 2, 21))\n", text=True,
                                 capture_output=True, timeout=TIMEOUT, env=ENVIRONMENT)
        assert prepare.returncode == 0, prepare.stderr

    def test_in_process_and_over_zeromq_give_the_same_notebook(self):
        in_process, over_zmq = self.path("in.ipynb"), self.path("zmq.ipynb")
        self.assertEqual(beamtime(PEAK_TEMPLATE, in_process).returncode, 0)
        result = beamtime(PEAK_TEMPLATE, over_zmq, "--no-in-process")
        self.assertEqual(result.returncode, 0, result.stderr)
        a, b = nbformat.read(in_process, as_version=4), nbformat.read(over_zmq, as_version=4)
        nbformat.validate(a)
        self.assertEqual(len(a.cells), len(b.cells))
        for x, y in zip(a.cells, b.cells):
            self.assertEqual(x.source, y.source)
            if x.cell_type == "code":
                # Each path ran its own scan-less analysis of the same latest run.
                self.assertEqual([o["output_type"] for o in x.outputs], [o["output_type"] for o in y.outputs])
                self.assertEqual(keys(x), keys(y))

    def test_papermill_runs_our_template_on_our_kernel_and_scrapbook_reads_the_glue(self):
        import scrapbook
        theirs_path, ours_path = self.path("papermill.ipynb"), self.path("ours.ipynb")
        result = papermill(PEAK_TEMPLATE, theirs_path, "-k", "beamtime")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(beamtime(PEAK_TEMPLATE, ours_path).returncode, 0)
        theirs, ours = scrapbook.read_notebook(theirs_path), scrapbook.read_notebook(ours_path)
        self.assertEqual(set(ours.scraps), {"scan_id", "center", "center_stderr", "fwhm", "redchi"})
        self.assertEqual(ours.scraps["scan_id"].data, theirs.scraps["scan_id"].data)
        self.assertAlmostEqual(ours.scraps["center"].data, 0.0, places=3)
        self.assertAlmostEqual(ours.scraps["fwhm"].data, theirs.scraps["fwhm"].data, places=9)
        self.assertSameNotebook(nbformat.read(ours_path, as_version=4), nbformat.read(theirs_path, as_version=4))


if __name__ == "__main__":
    unittest.main()

"""Runs the tutorial notebooks on the Beamtime kernel with nbconvert and papermill.

Needs JUPYTER_PATH to point at a directory holding kernels/beamtime (Tests/EndToEnd/run
does this). Output notebooks go to a temporary directory, or to $BEAMTIME_E2E_OUTPUT
when set (the run script keeps them there for inspection).
"""

import os
import subprocess
import sys
import tempfile
import unittest

import nbformat

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NOTEBOOKS = os.path.join(REPOSITORY, "notebooks")
GETTING_STARTED = os.path.join(NOTEBOOKS, "01-getting-started.ipynb")
SCAN_FIT_PLOT = os.path.join(NOTEBOOKS, "02-scan-fit-plot.ipynb")
KERNEL_NAME = os.environ.get("BEAMTIME_KERNEL_NAME", "beamtime")
TIMEOUT = 120


def run(args, **kwargs):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          timeout=TIMEOUT, **kwargs)


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def text_of(cell):
    """All the text a cell showed: streams, results and displays (text/plain)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.data.get("text/plain", "") + "\n")
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}\n")
    return "".join(parts)


def all_text(nb):
    return "".join(text_of(cell) for cell in code_cells(nb))


def errors_in(nb):
    return [(cell.source, output.ename, output.evalue) for cell in code_cells(nb)
            for output in cell.get("outputs", []) if output.output_type == "error"]


class NotebookTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="beamtime-notebooks-")
        cls.output = os.environ.get("BEAMTIME_E2E_OUTPUT") or cls.tmp.name
        os.makedirs(cls.output, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_source_notebook_is_clean(self):
        """The tutorial is stored as a Beamtime notebook without outputs, with a
        parameters cell."""
        nb = nbformat.read(GETTING_STARTED, as_version=4)
        nbformat.validate(nb)
        self.assertEqual(nb.metadata.kernelspec.name, "beamtime")
        self.assertEqual(nb.metadata.kernelspec.display_name, "Beamtime")
        self.assertEqual(nb.metadata.language_info.name, "python")
        self.assertEqual(nb.cells[0].cell_type, "markdown")
        for cell in code_cells(nb):
            self.assertEqual(cell.outputs, [], f"stored outputs in {cell.source!r}")
            self.assertIsNone(cell.execution_count)
        tagged = [cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])]
        self.assertEqual(len(tagged), 1)
        self.assertIn("n = 5", tagged[0].source)
        self.assertIn('label = "demo"', tagged[0].source)

    def test_nbconvert_execute(self):
        try:
            import nbconvert  # noqa: F401
        except ImportError:
            self.fail("nbconvert is not installed in this Python: add it to .ci/requirements.txt")
        out = os.path.join(self.output, "01-getting-started.nbconvert.ipynb")
        result = run(["nbconvert", "--to", "notebook", "--execute",
                      f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}",
                      "--ExecutePreprocessor.timeout=60",
                      "--output-dir", self.output, "--output", os.path.basename(out), GETTING_STARTED])
        self.assertEqual(result.returncode, 0, f"nbconvert failed:\n{result.stdout}\n{result.stderr}")
        nb = nbformat.read(out, as_version=4)
        nbformat.validate(nb)
        self.assertEqual(errors_in(nb), [])
        cells = code_cells(nb)
        self.assertEqual([cell.execution_count for cell in cells], list(range(1, len(cells) + 1)))
        text = all_text(nb)
        self.assertIn("n = 5, label = 'demo'\n", text)
        self.assertIn("[0, 1, 4, 9, 16]\n", text)
        self.assertIn("sum of squares: 30\n", text)
        self.assertIn("mean: 6.000, sqrt of sum: 5.4772\n", text)
        self.assertIn("[0.249, 0.607, 0.946, 0.946, 0.607, 0.249]\n", text)
        self.assertIn("peak at x = 2\n", text)
        self.assertIn("   label: demo\n", text)
        self.assertIn("{'label': 'demo', 'points': 5, 'peak': 2}\n", text)
        self.assertIn("no such key: 'missing'\n", text)
        self.assertIn("done: demo with n=5\n", text)
        # display() and the display handle: the update replaced the output in place.
        displays = [output for cell in cells for output in cell.outputs if output.output_type == "display_data"]
        self.assertEqual([d.data["text/plain"] for d in displays], ["'demo: 5 points'", "'100 %'"])
        self.assertEqual(nb.metadata.language_info.name, "python")

    def test_papermill_parameters(self):
        out = os.path.join(self.output, "01-getting-started.papermill.ipynb")
        result = run(["papermill", "-k", KERNEL_NAME, GETTING_STARTED, out,
                      "-p", "n", "7", "-p", "label", "x\u00e9y"])
        self.assertEqual(result.returncode, 0, f"papermill failed:\n{result.stdout}\n{result.stderr}")
        nb = nbformat.read(out, as_version=4)
        nbformat.validate(nb)
        self.assertEqual(errors_in(nb), [])
        injected = [i for i, cell in enumerate(nb.cells)
                    if "injected-parameters" in cell.metadata.get("tags", [])]
        self.assertEqual(len(injected), 1, "papermill did not inject a parameters cell")
        parameters = [i for i, cell in enumerate(nb.cells) if "parameters" in cell.metadata.get("tags", [])]
        self.assertEqual(injected[0], parameters[0] + 1, "the injected cell is not right after the parameters cell")
        source = nb.cells[injected[0]].source
        self.assertIn("n = 7", source)
        self.assertIn("label = ", source)
        text = all_text(nb)
        self.assertIn("n = 7, label = 'x\u00e9y'\n", text)
        self.assertIn("[0, 1, 4, 9, 16, 25, 36]\n", text)
        self.assertIn("sum of squares: 91\n", text)
        self.assertIn("peak at x = 3\n", text)
        self.assertIn("done: x\u00e9y with n=7\n", text)
        self.assertNotIn("n = 5", text)
        self.assertEqual(nb.metadata.papermill.parameters, {"n": 7, "label": "x\u00e9y"})

    def test_papermill_reports_a_failing_cell(self):
        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell("print('before')"),
            nbformat.v4.new_code_cell("1 / (x - x)"),
            nbformat.v4.new_code_cell("print('after')"),
        ], metadata={"kernelspec": {"name": "beamtime", "display_name": "Beamtime", "language": "python"}})
        source = os.path.join(self.output, "failing.ipynb")
        out = os.path.join(self.output, "failing.papermill.ipynb")
        nbformat.write(nb, source)
        result = run(["papermill", "-k", KERNEL_NAME, source, out])
        self.assertNotEqual(result.returncode, 0, "papermill succeeded although a cell raised")
        self.assertIn("ZeroDivisionError", result.stderr + result.stdout)
        executed = nbformat.read(out, as_version=4)
        self.assertEqual([(e[1], e[2]) for e in errors_in(executed)], [("ZeroDivisionError", "division by zero")])
        self.assertIn("before\n", all_text(executed))
        self.assertNotIn("after\n", all_text(executed))


class ScanFitPlotTutorialTests(unittest.TestCase):
    """notebooks/02-scan-fit-plot.ipynb: a scan, its peak fitted and plotted, results glued."""

    def test_papermill_runs_the_tutorial_with_other_parameters(self):
        home = tempfile.mkdtemp(prefix="beamtime-tutorial-")
        out = os.path.join(os.environ.get("BEAMTIME_E2E_OUTPUT") or home, "02-scan-fit-plot.papermill.ipynb")
        result = run(["papermill", "-k", KERNEL_NAME, SCAN_FIT_PLOT, out, "-p", "points", "31", "-p", "start", "-2.5"],
                     env={**os.environ, "BEAMTIME_HOME": home})
        self.assertEqual(result.returncode, 0, f"papermill failed:\n{result.stdout}\n{result.stderr}")
        nb = nbformat.read(out, as_version=4)
        nbformat.validate(nb)
        self.assertEqual(errors_in(nb), [])
        text = all_text(nb)
        self.assertIn(": 31 points, exit status success", text)
        outputs = [o for cell in code_cells(nb) for o in cell.outputs if o.output_type in ("display_data", "execute_result")]
        report = [o for o in outputs if "[[Fit Statistics]]" in o.data.get("text/plain", "")]
        self.assertEqual(len(report), 1, "the fit result displays lmfit's report")
        self.assertIn("<table>", report[0].data["text/html"])
        svgs = [o.data["image/svg+xml"] for o in outputs if "image/svg+xml" in o.data]
        self.assertEqual(len(svgs), 1)
        self.assertIn("<polyline", svgs[0])
        self.assertIn("gaussian fit of scan", svgs[0])
        scraps = {o.data["application/scrapbook.scrap.json+json"]["name"]: o.data["application/scrapbook.scrap.json+json"]
                  for o in outputs if "application/scrapbook.scrap.json+json" in o.data}
        self.assertEqual(sorted(scraps), ["center", "fwhm", "scan_id"])
        self.assertEqual(scraps["center"]["encoder"], "json")
        self.assertLess(abs(scraps["center"]["data"]), 1e-6, "det peaks at motor = 0")
        self.assertAlmostEqual(scraps["fwhm"]["data"], 2.3548200, places=5)
        markdown = [o.data["text/markdown"] for o in outputs if "text/markdown" in o.data]
        self.assertEqual(len(markdown), 1)
        self.assertIn("**Peak of scan", markdown[0])


    def test_figures_are_embedded_images_in_an_nbconvert_html_report(self):
        """A line plot and an imshow figure, executed on the kernel and rendered by nbconvert
        to HTML, are inside the page: the SVG inline, the image as an embedded PNG."""
        home = tempfile.mkdtemp(prefix="beamtime-report-")
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Beamtime", "language": "python"}
        nb.cells = [
            nbformat.v4.new_code_cell("x = np.linspace(0, 1, 20)\nplot(x, x ** 2, title='parabola')"),
            nbformat.v4.new_code_cell("xx, yy = np.meshgrid(np.arange(40), np.arange(30))\n"
                                      "fig = figure(title='spot')\nfig.imshow(np.exp(-((xx - 20) ** 2 + (yy - 15) ** 2) / 50.0))\nfig"),
        ]
        source = os.path.join(home, "figures.ipynb")
        nbformat.write(nb, source)
        result = run(["nbconvert", "--to", "html", "--execute", f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}",
                      "--output-dir", home, source], env={**os.environ, "BEAMTIME_HOME": home})
        self.assertEqual(result.returncode, 0, f"nbconvert failed:\n{result.stdout}\n{result.stderr}")
        import base64
        import re
        page = open(os.path.join(home, "figures.html"), encoding="utf-8").read()
        # nbconvert embeds each figure as an <img> with a base64 SVG data URL.
        svgs = [base64.b64decode(b).decode("utf-8") for b in re.findall(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', page)]
        self.assertEqual(len(svgs), 2, "both figures are embedded in the page")
        self.assertTrue("parabola" in svgs[0] and "<polyline" in svgs[0], "the line plot's SVG")
        self.assertTrue("spot" in svgs[1] and "data:image/png;base64,iVBORw0KGgo" in svgs[1],
                        "the imshow figure carries its image as an embedded PNG")


if __name__ == "__main__":
    unittest.main()

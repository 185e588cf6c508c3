"""Every shipped template and tutorial runs through `beamtime execute` and renders.

For each template in templates/: record the run it is written for (the scan code is in
templates/make_templates.py's PREPARE), execute it with our executor and with real
papermill on our kernel, check scrapbook reads the same glued names from both, render
the HTML and Markdown reports and screenshot the HTML in headless chromium (saved under
test-output/screenshots for a person to look at). Each tutorial in notebooks/ runs top to
bottom through `beamtime execute` and renders.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import nbformat

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("BEAMTIME_BINARY", os.path.join(REPOSITORY, ".build", "debug", "beamtime"))
TEMPLATES = os.path.join(REPOSITORY, "templates")
NOTEBOOKS = os.path.join(REPOSITORY, "notebooks")
SCREENSHOTS = os.environ.get("BEAMTIME_SCREENSHOTS", os.path.join(REPOSITORY, "test-output", "screenshots"))
TIMEOUT = 180
PEAK_SCAN = "RE(scan([det], motor, -2, 2, 31))\n"


def prepare_code(template):
    if template == "peak-alignment.ipynb":
        return PEAK_SCAN
    return subprocess.run([sys.executable, os.path.join(TEMPLATES, "make_templates.py"), "--prepare", template],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(html, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    target = os.path.join(SCREENSHOTS, name + ".png")
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1100,2400", f"--screenshot={target}", "file://" + html],
                   capture_output=True, timeout=120)
    return target


class TemplateTests(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="beamtime-templates-")
        self.env = dict(os.environ, BEAMTIME_HOME=self.home, VIRTUAL_ENV=sys.prefix)

    def run_binary(self, *args, stdin=None):
        return subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True, timeout=TIMEOUT, env=self.env)

    def check_report(self, executed, name, figures=True):
        result = self.run_binary("report", executed)
        self.assertEqual(result.returncode, 0, result.stderr)
        html = result.stdout.strip()
        with open(html) as f:
            page = f.read()
        if figures:
            self.assertIn("data:image/", page, f"{name}: the report has its figures embedded")
        self.assertNotIn("<script", page.lower())
        result = self.run_binary("report", executed, "--to", "markdown")
        self.assertEqual(result.returncode, 0, result.stderr)
        markdown = result.stdout.strip()
        with open(markdown) as f:
            text = f.read()
        images = re.findall(r"!\[[a-z]+\]\(([^)]+)\)", text)
        if figures:
            self.assertTrue(images, f"{name}: the Markdown report links its figures")
        for link in images:
            self.assertTrue(os.path.isfile(os.path.join(os.path.dirname(markdown), link)), link)
        if chromium():
            shot = screenshot(html, name)
            self.assertGreater(os.path.getsize(shot), 20_000, f"{shot} looks empty")

    def test_every_template_runs_on_its_run_in_our_executor_and_in_papermill(self):
        import scrapbook
        templates = sorted(os.path.basename(p) for p in glob.glob(os.path.join(TEMPLATES, "*.ipynb")))
        self.assertGreaterEqual(len(templates), 4)
        for template in templates:
            with self.subTest(template=template):
                path = os.path.join(TEMPLATES, template)
                nb = nbformat.read(path, as_version=4)
                nbformat.validate(nb)
                parameters = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
                self.assertEqual(len(parameters), 1, template)
                self.assertIn("run_uid", parameters[0].source)
                prepared = self.run_binary("exec", "-", stdin=prepare_code(template))
                self.assertEqual(prepared.returncode, 0, prepared.stderr)
                ours = os.path.join(self.home, "ours-" + template)
                result = self.run_binary("execute", path, ours)
                self.assertEqual(result.returncode, 0, f"{template}: {result.stderr}")
                nbformat.validate(nbformat.read(ours, as_version=4))
                theirs = os.path.join(self.home, "papermill-" + template)
                result = subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar", "-k", "beamtime", path, theirs],
                                        capture_output=True, text=True, timeout=TIMEOUT, env=self.env)
                self.assertEqual(result.returncode, 0, f"{template} in papermill: {result.stderr}")
                glued_ours = set(scrapbook.read_notebook(ours).scraps)
                glued_theirs = set(scrapbook.read_notebook(theirs).scraps)
                self.assertTrue(glued_ours, f"{template} glues its results")
                self.assertEqual(glued_ours, glued_theirs)
                self.check_report(ours, "template-" + template[:-6])

    def test_every_tutorial_runs_top_to_bottom(self):
        tutorials = sorted(glob.glob(os.path.join(NOTEBOOKS, "*.ipynb")))
        self.assertGreaterEqual(len(tutorials), 4)
        for path in tutorials:
            name = os.path.basename(path)
            with self.subTest(tutorial=name):
                out = os.path.join(self.home, "executed-" + name)
                result = self.run_binary("execute", path, out)
                self.assertEqual(result.returncode, 0, f"{name}: {result.stderr}")
                executed = nbformat.read(out, as_version=4)
                nbformat.validate(executed)
                errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
                self.assertEqual(errors, [], name)
                self.check_report(out, "tutorial-" + name[:-6], figures=False)


if __name__ == "__main__":
    unittest.main()

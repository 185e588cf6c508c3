#!/usr/bin/env python3
"""Writes peak_alignment_python.ipynb, the Python original of templates/peak-alignment.ipynb that
bench/pipeline/run executes with papermill (numpy + lmfit + matplotlib + scrapbook on ipykernel).
Run with the repository's .venv Python after changing a cell: .venv/bin/python bench/pipeline/make_python_template.py
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell
cells = [
    new_markdown_cell("# Peak alignment report (Python original)\n\n"
        "The Python/papermill counterpart of `templates/peak-alignment.ipynb`, for `bench/pipeline/run`: "
        "finds the peak of a scan, fits it with lmfit, plots data and fit with matplotlib and glues "
        "the results with scrapbook. The scan is read from a JSON file (`data_path`) that the "
        "benchmark writes."),
    new_code_cell('run_uid = ""  # uid of the run (recorded only)\n'
                  'data_path = "scan.json"  # the scan: {"uid", "scan_id", "plan_name", "motors", "exit_status", "data": {column: [...]}}\n'
                  'detector = "det"  # the detector column to analyse\n'
                  'model = "gaussian"  # line shape: gaussian, lorentzian, pseudo_voigt …',
                  metadata={"tags": ["parameters"]}),
    new_code_cell('import json\n'
                  'import numpy as np\n'
                  'import lmfit\n'
                  'import matplotlib\n'
                  '%matplotlib inline\n'
                  'import matplotlib.pyplot as plt\n'
                  'import warnings\n'
                  'with warnings.catch_warnings():\n'
                  '    warnings.simplefilter("ignore", FutureWarning)  # nteract-scrapbook\'s rename notice\n'
                  '    import scrapbook as sb\n'
                  'from IPython.display import Markdown, display\n'
                  '%config InlineBackend.figure_formats = ["png"]\n'
                  '\n'
                  'with open(data_path) as f:\n'
                  '    run = json.load(f)\n'
                  'motor_name = run["motors"][0]\n'
                  'x = np.asarray(run["data"][motor_name], dtype=float)\n'
                  'y = np.asarray(run["data"][detector], dtype=float)\n'
                  'Markdown(f"**Scan {run[\'scan_id\']}** (`{(run_uid or run[\'uid\'])[:8]}`): {run[\'plan_name\']} of `{detector}` over `{motor_name}`, "\n'
                  '         f"{len(x)} points, exit status **{run[\'exit_status\']}**.")'),
    new_markdown_cell("## Peak statistics\nAs bluesky's `PeakStats` computes them."),
    new_code_cell('def peak_stats(x, y):\n'
                  '    """max, min, com, cen and fwhm as bluesky.callbacks.fitting.PeakStats computes them."""\n'
                  '    order = np.argsort(x)\n'
                  '    x, y = x[order], y[order]\n'
                  '    i_max, i_min = int(np.argmax(y)), int(np.argmin(y))\n'
                  '    com = float(np.sum(x * y) / np.sum(y))\n'
                  '    half = (y[i_max] + y[i_min]) / 2.0\n'
                  '    above = np.where(y >= half)[0]\n'
                  '    lo, hi = above[0], above[-1]\n'
                  '    def cross(i, j):\n'
                  '        return x[i] + (half - y[i]) * (x[j] - x[i]) / (y[j] - y[i])\n'
                  '    left = cross(lo - 1, lo) if lo > 0 else x[0]\n'
                  '    right = cross(hi, hi + 1) if hi < len(x) - 1 else x[-1]\n'
                  '    return dict(max=(float(x[i_max]), float(y[i_max])), min=(float(x[i_min]), float(y[i_min])),\n'
                  '                com=com, cen=float((left + right) / 2), fwhm=float(right - left))\n'
                  '\n'
                  'stats = peak_stats(x, y)\n'
                  'print(f"max at {motor_name} = {stats[\'max\'][0]:.4f} ({stats[\'max\'][1]:.4g})")\n'
                  'print(f"cen = {stats[\'cen\']:.4f}, com = {stats[\'com\']:.4f}, fwhm = {stats[\'fwhm\']:.4f}")'),
    new_markdown_cell("## Fit"),
    new_code_cell('models = {"gaussian": lmfit.models.GaussianModel, "lorentzian": lmfit.models.LorentzianModel,\n'
                  '          "pseudo_voigt": lmfit.models.PseudoVoigtModel}\n'
                  'lm_model = models[model]()\n'
                  'result = lm_model.fit(y, lm_model.guess(y, x=x), x=x)\n'
                  'result'),
    new_code_cell('center = result.params["center"]\n'
                  'fwhm = result.params["fwhm"]\n'
                  'fine = np.linspace(float(np.min(x)), float(np.max(x)), 400)\n'
                  'fig, ax = plt.subplots(figsize=(6.4, 4.0))\n'
                  'ax.set_title(f"{model} fit of scan {run[\'scan_id\']}")\n'
                  'ax.set_xlabel(motor_name)\n'
                  'ax.set_ylabel(detector)\n'
                  'ax.scatter(x, y, label="data")\n'
                  'ax.plot(fine, result.eval(x=fine), label=f"fit: centre {center.value:.3f}")\n'
                  'ax.legend()\n'
                  'plt.close(fig)\n'
                  'fig'),
    new_markdown_cell("## Results\nGlued values are recorded in the notebook (scrapbook)."),
    new_code_cell('sb.glue("scan_id", run["scan_id"])\n'
                  'sb.glue("center", center.value)\n'
                  '# lmfit leaves stderr None when it cannot estimate the covariance (noise-free data); Beamtime gives 0\n'
                  'stderr = 0.0 if center.stderr is None else float(center.stderr)\n'
                  'sb.glue("center_stderr", stderr)\n'
                  'sb.glue("fwhm", fwhm.value)\n'
                  'sb.glue("redchi", result.redchi)\n'
                  'Markdown(f"**Align {motor_name} to {center.value:.4f}** (± {stderr:.2g}); FWHM {fwhm.value:.4f}.")'),
]
for i, c in enumerate(cells):
    c["id"] = f"peak-{i:02d}"
nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"file_extension": ".py", "mimetype": "text/x-python", "name": "python"}})
nbformat.validate(nb)
nbformat.write(nb, str(Path(__file__).resolve().parent / "peak_alignment_python.ipynb"))

"""Plots rendered by the real binary, rasterised with rsvg-convert (Debian's librsvg2-bin)
and compared with golden images under Tests/EndToEnd/golden/ with a tolerance, so a
regression in axes, ticks, legends, colour maps or layout shows up.

BEAMTIME_UPDATE_GOLDEN=1 rewrites the golden images (look at them before committing).
"""
import os
import shutil
import subprocess
import tempfile
import unittest

BINARY = os.environ["BEAMTIME_BINARY"]
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
OUTPUT = os.environ.get("BEAMTIME_E2E_OUTPUT") or tempfile.mkdtemp(prefix="beamtime-plots-")

PLOTS = {
    "line": (
        "x = np.linspace(0, 10, 200)\n"
        "fig = figure(title='Lines, legend and log y', xlabel='time (s)', ylabel='counts')\n"
        "fig.plot(x, np.exp(x / 2), label='exp(x/2)')\n"
        "fig.plot(x[::10], (1 + x ** 2)[::10], label='1 + x^2', marker=True)\n"
        "fig.yscale('log')\n"),
    "scatter": (
        "np.random.seed(1)\n"
        "x = np.random.normal(size=300)\n"
        "fig = figure(title='Scatter', xlabel='x', ylabel='y')\n"
        "fig.scatter(x, 0.5 * x + np.random.normal(0, 0.3, size=300), label='samples')\n"),
    "errorbar": (
        "x = np.linspace(-2, 2, 21)\n"
        "y = np.exp(-x ** 2)\n"
        "r = fit('gaussian', x, y + 0.02 * np.sin(7 * x))\n"
        "fig = figure(title='Error bars and a fit', xlabel='motor', ylabel='det')\n"
        "fig.errorbar(x, y + 0.02 * np.sin(7 * x), yerr=0.05, label='data')\n"
        "fig.plot(np.linspace(-2, 2, 200), r.eval(np.linspace(-2, 2, 200)), label='gaussian fit')\n"),
    "hist": (
        "np.random.seed(3)\n"
        "fig = figure(title='Histogram', xlabel='value', ylabel='n')\n"
        "fig.hist(np.random.normal(size=5000), bins=40, label='normal')\n"),
    "imshow": (
        "xx, yy = np.meshgrid(np.arange(160), np.arange(120))\n"
        "img = 10 + 1000 * np.exp(-((xx - 90) ** 2 + (yy - 50) ** 2) / 300.0)\n"
        "fig = figure(title='imshow, magma, log colours')\n"
        "fig.imshow(img, cmap='magma', log=True)\n"),
}


def read_png(path):
    """The image as an (height, width, channels) uint8 array."""
    from PIL import Image
    import numpy as np
    with Image.open(path) as image:
        return np.asarray(image.convert("RGBA"))


class PlotGoldenImageTests(unittest.TestCase):
    def render(self, name, program):
        result = subprocess.run([BINARY, "exec", "-"], input=program + "print(fig.svg)\n", capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        svg = os.path.join(OUTPUT, f"plot-{name}.svg")
        png = os.path.join(OUTPUT, f"plot-{name}.png")
        with open(svg, "w") as f:
            f.write(result.stdout)
        converted = subprocess.run(["rsvg-convert", svg, "-o", png], capture_output=True, text=True)
        self.assertEqual(converted.returncode, 0, f"rsvg-convert failed: {converted.stderr}")
        return png

    def test_every_kind_matches_its_golden_image(self):
        self.assertIsNotNone(shutil.which("rsvg-convert"), "rsvg-convert (librsvg2-bin) is needed")
        for name, program in PLOTS.items():
            with self.subTest(plot=name):
                png = self.render(name, program)
                golden = os.path.join(GOLDEN, f"plot-{name}.png")
                if os.environ.get("BEAMTIME_UPDATE_GOLDEN") == "1":
                    shutil.copyfile(png, golden)
                self.assertTrue(os.path.exists(golden), f"no golden image {golden}; render with BEAMTIME_UPDATE_GOLDEN=1 and look at it")
                a, b = read_png(png).astype(int), read_png(golden).astype(int)
                self.assertEqual(a.shape, b.shape, f"{name}: size changed")
                fraction = float((abs(a - b).max(axis=2) > 48).mean())
                self.assertLess(fraction, 0.001, f"{name}: {fraction:.2%} of pixels differ from the golden image ({png})")


if __name__ == "__main__":
    unittest.main()

"""Writes the shipped report templates (count-summary, area-detector, xpcs-g2).

Run from anywhere with the repository's venv:  .venv/bin/python templates/make_templates.py
The output is deterministic (stable cell ids, no outputs, sorted keys), so re-running it
on unchanged text leaves the .ipynb files byte-identical. peak-alignment.ipynb is not
written here. PREPARE holds, per template, cell-language code that records a suitable run
(`python templates/make_templates.py --prepare xpcs-g2.ipynb | beamtime exec -`).
"""

import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

METADATA = {
    "kernelspec": {"name": "beamtime", "display_name": "Beamtime", "language": "python"},
    "language_info": {"name": "python", "file_extension": ".py", "mimetype": "text/x-python"},
}

RUN_UID = 'run_uid = ""  # uid (or unique prefix) of the run; "" takes the latest run'

# Cell-language code (for `beamtime exec -`) that records a run each template can report on;
# run it in the same $BEAMTIME_HOME just before executing the template (which reads the latest run).
PREPARE = {
    "count-summary.ipynb": "RE(count([noisy_det, det, I0], num=50, delay=0.02))",
    "area-detector.ipynb": "RE(scan([img, I0], motor1, 1.5, 2.5, 11))",
    "xpcs-g2.ipynb": """\
# A spot jittering about the beam centre (an Ornstein-Uhlenbeck walk of motor1/motor2,
# correlation time about 10 frames): 150 frames whose ring intensities decorrelate.
np.random.seed(7)
x, y, xs, ys = 0.0, 0.0, [], []
for i in range(150):
    x = 0.9 * x + np.random.normal(0, 0.2)
    y = 0.9 * y + np.random.normal(0, 0.2)
    xs.append(x)
    ys.append(y)
RE(list_scan([img, I0], motor1, xs, motor2, ys), sample="jittering spot (simulated)")
""",
}


def notebook(prefix, cells):
    """cells: ("md" | "code" | "params", source) pairs; ids are prefix-00, prefix-01, ..."""
    made = []
    for index, (kind, source) in enumerate(cells):
        source = source.strip("\n")
        cell_id = f"{prefix}-{index:02d}"
        if kind == "md":
            made.append(new_markdown_cell(source, id=cell_id))
        elif kind == "params":
            made.append(new_code_cell(source, id=cell_id, metadata={"tags": ["parameters"]}))
        else:
            made.append(new_code_cell(source, id=cell_id))
    nb = new_notebook(cells=made, metadata=METADATA)
    nbformat.validate(nb)
    return nb


def write(name, nb):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
    print("wrote", path)


# --------------------------------------------------------------------------- count-summary

COUNT_SUMMARY = notebook("count", [
    ("md", """
# Count / time-series summary

Summarises a `count` (time-series) run: mean, standard deviation, minimum and maximum of every
scalar column, the chosen detector normalised by the monitor, its trace against time and its
histogram. Run it per run by `beamtime watch --template templates/count-summary.ipynb --where plan_name=count`,
or by hand with `beamtime execute templates/count-summary.ipynb out.ipynb -p run_uid UID -p detector noisy_det`.
"""),
    ("params", RUN_UID + """
detector = ""  # the detector column to summarise; "" takes the run's first detector that is not the monitor
monitor = "I0"  # the monitor column to normalise by; "" for no normalisation
x_axis = "time"  # x axis of the trace: "time" (seconds since the first event) or "seq_num"
"""),
    ("code", """
run = catalog[run_uid] if run_uid else catalog[-1]
data = run.primary.read()
data_keys = [d for d in run.descriptors if d.get("name", "primary") == "primary"][0]["data_keys"]
scalars = [key for key in data_keys if data_keys[key]["dtype"] in ("number", "integer") and len(data_keys[key]["shape"]) == 0]
if monitor and monitor not in scalars:
    print(f"monitor {monitor!r} is not a scalar column of this run: no normalisation")
    monitor = ""
if not detector:
    candidates = [key for key in run.start.get("detectors", []) if key in scalars and key != monitor]
    detector = candidates[0] if candidates else [key for key in scalars if key != monitor][0]
num_points = len(data["seq_num"])
t = data["time"] - data["time"][0]
duration = float(t[-1]) if num_points > 1 else 0.0
Markdown(f"**Scan {run.scan_id}** (`{run.uid[:8]}`): {run.start['plan_name']} of {', '.join(f'`{k}`' for k in scalars)}, "
         f"{num_points} events over {duration:.3g} s, exit status **{run.stop['exit_status']}**.")
"""),
    ("md", """
## Statistics per column
Population standard deviation (numpy's default); *rel. std* is std / |mean|.
"""),
    ("code", """
def describe(values):
    mean = float(np.mean(values))
    std = float(np.std(values))
    return {"mean": mean, "std": std, "min": float(np.min(values)), "max": float(np.max(values)),
            "rel_std": std / abs(mean) if mean != 0 else None}

stats = {key: describe(data[key]) for key in scalars}
lines = ["| column | mean | std | min | max | rel. std |", "|:--|--:|--:|--:|--:|--:|"]
for key, s in stats.items():
    rel = f"{s['rel_std'] * 100:.3g} %" if s["rel_std"] is not None else "–"
    mark = " (analysed)" if key == detector else (" (monitor)" if key == monitor else "")
    lines.append(f"| `{key}`{mark} | {s['mean']:.6g} | {s['std']:.3g} | {s['min']:.6g} | {s['max']:.6g} | {rel} |")
Markdown("\\n".join(lines))
"""),
    ("md", """
## Normalised signal
The detector divided by the monitor and scaled by the monitor's mean, so it keeps the detector's units.
"""),
    ("code", """
y = data[detector]
if monitor:
    norm = y / data[monitor] * np.mean(data[monitor])
    norm_label = f"{detector} / {monitor} × ⟨{monitor}⟩"
else:
    norm = y
    norm_label = f"{detector} (not normalised)"
norm_stats = describe(norm)
x = t if x_axis == "time" else data["seq_num"]
xlabel = "time since first event (s)" if x_axis == "time" else "seq_num"
fig = figure(title=f"{detector} in scan {run.scan_id}", xlabel=xlabel, ylabel=detector)
fig.plot(x, y, label=detector, marker=True)
if monitor:
    fig.plot(x, norm, label=norm_label)
fig.plot([x[0], x[-1]], [stats[detector]["mean"]] * 2, label=f"mean {stats[detector]['mean']:.4g}")
fig
"""),
    ("code", """
hist = figure(title=f"distribution of {detector}", xlabel=detector, ylabel="events")
hist.hist(y, bins=max(5, min(30, num_points // 4)), label=detector)
hist
"""),
    ("md", """
## Results
Glued with the run: `scan_id`, `detector` (the column analysed), `num_points`, `duration` (s),
`mean`, `std`, `rel_std` (std / |mean|, or None when the mean is 0) of the detector, and
`norm_mean`, `norm_std` of the normalised signal (equal to the raw ones without a monitor).
"""),
    ("code", """
s = stats[detector]
glue("scan_id", run.scan_id)
glue("detector", detector)
glue("num_points", num_points)
glue("duration", duration)
glue("mean", s["mean"])
glue("std", s["std"])
glue("rel_std", s["rel_std"])
glue("norm_mean", norm_stats["mean"])
glue("norm_std", norm_stats["std"])
rel = f" ({s['rel_std'] * 100:.2g} %)" if s["rel_std"] is not None else ""
Markdown(f"**{detector}** over {num_points} events: mean **{s['mean']:.5g}** ± {s['std']:.3g}{rel}"
         + (f"; normalised by `{monitor}`: {norm_stats['mean']:.5g} ± {norm_stats['std']:.3g}." if monitor else "."))
"""),
])

# --------------------------------------------------------------------------- area-detector

AS_NUMBERS = """
def as_numbers(value):
    \"\"\"A list of floats from a list or tuple, or from a string such as "96, 160, 96, 160" (as -p passes one).\"\"\"
    if isinstance(value, str):
        value = value.strip("[]() ").replace(",", " ").split()
    return [float(v) for v in value]
"""

AREA_DETECTOR = notebook("area", [
    ("md", """
# Area-detector report

Reports a run that recorded area-detector frames (such as the simulated `img`): the mean frame,
statistics of a region of interest (ROI) in the mean frame and frame by frame, and the azimuthally
integrated profile I(q) of the mean frame with the position of its maximum. Run it per run by
`beamtime watch --template templates/area-detector.ipynb`, or by hand with
`beamtime execute templates/area-detector.ipynb out.ipynb -p run_uid UID -y "roi: [96, 160, 120, 184]"`.
"""),
    ("params", RUN_UID + """
detector = "img"  # the area-detector column whose frames are analysed
roi = None  # [top, bottom, left, right] in pixels, as frame[top:bottom, left:right]; None: 64 × 64 around the brightest pixel
center = None  # beam centre [row, column] in pixels; None: the middle of the frame
pixel_size = 75e-6  # detector pixel size (m)
distance = 2.0  # sample–detector distance (m)
wavelength = 1.0e-10  # X-ray wavelength (m); 1 Å is 12.398 keV
unit = "q_A^-1"  # radial unit of the profile: "q_A^-1", "q_nm^-1", "2th_deg" or "r_mm"
npt = 200  # number of points of the integrated profile
monitor = "I0"  # monitor column to normalise the ROI sums by; "" for none
"""),
    ("code", AS_NUMBERS + """

run = catalog[run_uid] if run_uid else catalog[-1]
# The frames come back from the run's HDF5 file as one (frames, rows, columns) array.
frames = np.asarray(run.primary[detector])
num_frames, rows, columns = frames.shape
data = run.primary.read()
if monitor and monitor not in data:
    print(f"monitor {monitor!r} was not recorded in this run: no normalisation")
    monitor = ""
Markdown(f"**Scan {run.scan_id}** (`{run.uid[:8]}`): {run.start['plan_name']}, {num_frames} frames of "
         f"`{detector}` ({rows} × {columns} pixels), exit status **{run.stop['exit_status']}**.")
"""),
    ("md", """
## Mean frame
Logarithmic colours; the ROI is outlined in white and the beam centre marked with a cross.
"""),
    ("code", """
mean = mean_frame(frames)
peak_row, peak_column = divmod(int(np.argmax(mean)), columns)
if roi is None:
    top, left = min(max(0, peak_row - 32), max(0, rows - 64)), min(max(0, peak_column - 32), max(0, columns - 64))
    roi = [top, min(rows, top + 64), left, min(columns, left + 64)]
roi = [int(v) for v in as_numbers(roi)]
center = as_numbers(center) if center is not None else [rows / 2, columns / 2]
top, bottom, left, right = roi
image = figure(title=f"mean of {num_frames} frames, scan {run.scan_id}", xlabel="column", ylabel="row", width=520, height=460)
image.imshow(mean, log=True)
image.plot([left - 0.5, right - 0.5, right - 0.5, left - 0.5, left - 0.5],
           [top - 0.5, top - 0.5, bottom - 0.5, bottom - 0.5, top - 0.5], color="white", label="ROI")
image.plot([center[1] - 6, center[1] + 6], [center[0], center[0]], color="red", label="beam centre")
image.plot([center[1], center[1]], [center[0] - 6, center[0] + 6], color="red")
image
"""),
    ("md", """
## ROI statistics
`roi_stats` of the mean frame inside the ROI, then `roi_sum` of every frame (normalised by the monitor when there is one).
"""),
    ("code", """
stats = roi_stats(mean, roi)
sums = roi_sum(frames, roi)
if monitor:
    sums_norm = sums / data[monitor] * np.mean(data[monitor])
else:
    sums_norm = sums
lines = ["| quantity | value |", "|:--|--:|",
         f"| ROI (top, bottom, left, right) | {top}, {bottom}, {left}, {right} |",
         f"| pixels | {stats['count']} |",
         f"| sum (mean frame) | {stats['sum']:.6g} |",
         f"| mean / std | {stats['mean']:.4g} / {stats['std']:.3g} |",
         f"| min / max | {stats['min']:.4g} / {stats['max']:.4g} |",
         f"| centre of mass (row, column) | {stats['com_row']:.2f}, {stats['com_column']:.2f} |",
         f"| sum per frame: mean ± std | {np.mean(sums):.6g} ± {np.std(sums):.3g} |",
         f"| sum over all frames | {np.sum(sums):.6g} |"]
Markdown("\\n".join(lines))
"""),
    ("code", """
frame_number = np.arange(num_frames)
trace = figure(title=f"ROI sum per frame, scan {run.scan_id}", xlabel="frame", ylabel="ROI sum (counts)")
trace.plot(frame_number, sums, label="ROI sum", marker=True)
if monitor:
    trace.plot(frame_number, sums_norm, label=f"ROI sum / {monitor} × ⟨{monitor}⟩")
trace
"""),
    ("md", """
## Azimuthal integration
`azimuthal_integrate` integrates the mean frame around the beam centre as pyFAI's `integrate1d` does
(flat detector perpendicular to the beam, solid-angle correction).
"""),
    ("code", """
radial, intensity = azimuthal_integrate(mean, center, pixel_size, distance, wavelength, npt=npt, unit=unit)
finite = np.isfinite(intensity)
radial, intensity = radial[finite], intensity[finite]
k = int(np.argmax(intensity))
q_peak, intensity_peak = float(radial[k]), float(intensity[k])
axis = {"q_A^-1": "q (Å⁻¹)", "q_nm^-1": "q (nm⁻¹)", "2th_deg": "2θ (°)", "r_mm": "r (mm)"}.get(unit, unit)
profile = figure(title=f"azimuthal integration, scan {run.scan_id}", xlabel=axis, ylabel="I (counts per pixel)")
profile.plot(radial, intensity, label="I")
profile.scatter([q_peak], [intensity_peak], label=f"maximum at {q_peak:.4g}")
if np.min(intensity) > 0 and np.max(intensity) / np.min(intensity) > 20:
    profile.yscale("log")
print(f"maximum of I at {axis} = {q_peak:.5g} (I = {intensity_peak:.4g}); "
      f"beam centre (row, column) = ({center[0]:.1f}, {center[1]:.1f})")
profile
"""),
    ("md", """
## Results
Glued with the run: `scan_id`, `num_frames`, `roi` ([top, bottom, left, right]), `roi_sum_total`
(the ROI sum over all frames), `roi_sum_mean` and `roi_sum_std` (per frame), `roi_max` (brightest
ROI pixel of the mean frame), `q_peak` and `intensity_peak` (the maximum of the integrated profile)
and `unit` (the unit of `q_peak`).
"""),
    ("code", """
glue("scan_id", run.scan_id)
glue("num_frames", num_frames)
glue("roi", roi)
glue("roi_sum_total", float(np.sum(sums)))
glue("roi_sum_mean", float(np.mean(sums)))
glue("roi_sum_std", float(np.std(sums)))
glue("roi_max", stats["max"])
glue("q_peak", q_peak)
glue("intensity_peak", intensity_peak)
glue("unit", unit)
Markdown(f"**ROI {roi}**: {np.mean(sums):.4g} ± {np.std(sums):.2g} counts per frame, {np.sum(sums):.4g} in all "
         f"{num_frames} frames. **I(q) peaks at {axis} = {q_peak:.4g}**.")
"""),
])

# --------------------------------------------------------------------------- xpcs-g2

XPCS_G2 = notebook("xpcs", [
    ("md", """
# XPCS g2 report

Computes the multi-tau intensity autocorrelation g2(τ) (scikit-beam's algorithm) of the area-detector
frames of a run in concentric rings around the beam centre, fits g2 − 1 = β·exp(−τ/τ₀) per ring, reports
the contrast β and the decay time τ₀, and shows the two-time correlation of one ring. Run it per run by
`beamtime watch --template templates/xpcs-g2.ipynb`, or by hand with
`beamtime execute templates/xpcs-g2.ipynb out.ipynb -p run_uid UID -p ring 2`.
"""),
    ("params", RUN_UID + """
detector = "img"  # the area-detector column whose frames are correlated
center = None  # beam centre [row, column] in pixels; None: the middle of the frame
ring_edges = [5, 15, 25, 35, 45, 55]  # ring radii in pixels: n + 1 edges make n rings, numbered from 1 inside out
num_levels = 5  # multi-tau levels
num_bufs = 8  # buffers per level (even)
frame_time = None  # seconds between frames; None: the median spacing of the event times
ring = 1  # the ring whose contrast and decay time are glued
two_time_ring = 1  # the ring whose two-time correlation is shown; 0 skips it
pixel_size = 75e-6  # detector pixel size (m), for the q of each ring
distance = 2.0  # sample–detector distance (m)
wavelength = 1.0e-10  # X-ray wavelength (m)
"""),
    ("code", "import math\n" + AS_NUMBERS + """

run = catalog[run_uid] if run_uid else catalog[-1]
# The frames come back from the run's HDF5 file as one (frames, rows, columns) array.
frames = np.asarray(run.primary[detector])
num_frames, rows, columns = frames.shape
times = run.primary["time"]
if frame_time is None:
    frame_time = float(np.median(np.diff(times))) if num_frames > 1 else 1.0
Markdown(f"**Scan {run.scan_id}** (`{run.uid[:8]}`): {run.start['plan_name']}, {num_frames} frames of `{detector}` "
         f"({rows} × {columns} pixels), {frame_time * 1e3:.3g} ms apart, exit status **{run.stop['exit_status']}**.")
"""),
    ("md", """
## Ring ROIs
A label array built with `np`: pixel value *k* for the *k*-th ring, 0 outside all rings. Rings with no
pixel inside the frame are dropped.
"""),
    ("code", """
center = as_numbers(center) if center is not None else [rows / 2, columns / 2]
edges = as_numbers(ring_edges)
row_index, column_index = np.meshgrid(np.arange(rows), np.arange(columns), indexing="ij")
radius = np.sqrt((row_index - center[0]) ** 2 + (column_index - center[1]) ** 2)
labels = np.zeros((rows, columns))
rings = []  # (label, inner radius, outer radius, pixels)
for inner, outer in zip(edges[:-1], edges[1:]):
    inside = (radius >= inner) & (radius < outer)
    pixels = int(np.sum(inside))
    if pixels > 0:
        rings.append((len(rings) + 1, inner, outer, pixels))
        labels = np.where(inside, len(rings), labels)
num_rings = len(rings)
q_of = lambda r: 4 * math.pi / (wavelength * 1e10) * math.sin(math.atan(r * pixel_size / distance) / 2)
mean = mean_frame(frames)
picture = figure(title=f"mean frame, scan {run.scan_id}, with ring ROIs", xlabel="column", ylabel="row", width=520, height=460)
picture.imshow(mean, log=True)
angles = np.linspace(0, 2 * math.pi, 121)
for label, inner, outer, pixels in rings:
    for r in (inner, outer):
        picture.plot(center[1] + r * np.cos(angles), center[0] + r * np.sin(angles), color="white")
picture
"""),
    ("md", """
## One-time correlation g2(τ)
`g2(frames, labels, num_levels, num_bufs)` returns g2 for every lag (in frames, the first being 0) and ring.
Each ring's g2 − 1 at lags ≥ 1 is fitted with lmfit's exponential model, amplitude·exp(−τ/decay): the
amplitude is the contrast β, *decay* the correlation time τ₀.
"""),
    ("code", """
g2_values, lag_steps = g2(frames, labels, num_levels, num_bufs)
lags = np.asarray(lag_steps) * 1.0
use = lags >= 1
tau = lags[use] * frame_time
results = []  # per ring: (g2 at the first lag, contrast, decay in frames, its stderr, method)
for k in range(num_rings):
    y = g2_values[:, k][use] - 1
    first = float(y[0]) + 1
    try:
        fitted = fit("exponential", lags[use], y)
        amplitude, decay = fitted.params["amplitude"].value, fitted.params["decay"].value
        if not (amplitude > 0 and 0 < decay < 10 * lags[-1]):
            raise ValueError(f"amplitude {amplitude:.3g}, decay {decay:.3g} frames")
        results.append((first, amplitude, decay, fitted.params["decay"].stderr, "exponential fit"))
    except Exception as error:
        # No exponential decay: take the lag where g2 − 1 first falls below 1/e of its first value.
        below = [i for i in range(len(y)) if y[i] <= y[0] / math.e]
        decay = float(lags[use][below[0]]) if below and y[0] > 0 else None
        print(f"ring {k + 1}: no exponential decay ({error}); 1/e crossing: {decay} frames")
        results.append((first, float(y[0]), decay, None, "1/e crossing" if decay is not None else "none"))
lines = ["| ring | radii (px) | q (Å⁻¹) | pixels | g2 at τ = 1 frame | contrast β | τ₀ (frames) | τ₀ (ms) |",
         "|--:|--:|--:|--:|--:|--:|--:|--:|"]
for (label, inner, outer, pixels), (first, beta, decay, stderr, method) in zip(rings, results):
    decay_text = "–" if decay is None else (f"{decay:.3g}" + (f" ± {stderr:.2g}" if stderr is not None else ""))
    ms = "–" if decay is None else f"{decay * frame_time * 1e3:.3g}"
    lines.append(f"| {label} | {inner:g}–{outer:g} | {q_of((inner + outer) / 2):.3g} | {pixels} | {first:.4f} | {beta:.4f} | {decay_text} | {ms} |")
Markdown("\\n".join(lines))
"""),
    ("code", """
curves = figure(title=f"g2 of scan {run.scan_id}", xlabel="lag τ (s)", ylabel="g2(τ)")
for (label, inner, outer, pixels), (first, beta, decay, stderr, method) in zip(rings, results):
    curves.plot(tau, g2_values[:, label - 1][use], label=f"ring {label}, q = {q_of((inner + outer) / 2):.2g} Å⁻¹", marker=True)
chosen = results[ring - 1]
if chosen[2] is not None and chosen[4] == "exponential fit":
    fine = np.logspace(math.log10(lags[use][0]), math.log10(lags[use][-1]), 200)
    curves.plot(fine * frame_time, 1 + chosen[1] * np.exp(-fine / chosen[2]), label=f"fit, ring {ring}", color="black")
curves.xscale("log")
curves
"""),
    ("md", """
## Two-time correlation
C(t₁, t₂) = ⟨I(t₁) I(t₂)⟩ / (⟨I(t₁)⟩⟨I(t₂)⟩) over the pixels of one ring; the width of the diagonal ridge is
the correlation time, and its changes along the diagonal show non-stationary dynamics.
"""),
    ("code", """
if two_time_ring:
    correlation = two_time(frames, labels)[two_time_ring - 1]
    two = figure(title=f"two-time correlation, ring {two_time_ring}", xlabel="t₂ (frame)", ylabel="t₁ (frame)", width=520, height=460)
    two.imshow(correlation, cmap="magma")
    display(two)
else:
    print("two-time correlation skipped (two_time_ring = 0)")
"""),
    ("md", """
## Results
Glued with the run: `scan_id`, `num_frames`, `frame_time` (s), `ring` (the ring reported), `q` (its
mid-radius q, Å⁻¹), `g2_first` (its g2 at the first non-zero lag, one frame), `contrast` (β), `decay_lag`
(τ₀ in frames), `decay_time` (τ₀ in s; both None when no decay was found), `decay_method`, and
`g2_first_all` / `contrast_all` (one value per ring, inside out).
"""),
    ("code", """
label, inner, outer, pixels = rings[ring - 1]
first, beta, decay, stderr, method = results[ring - 1]
glue("scan_id", run.scan_id)
glue("num_frames", num_frames)
glue("frame_time", frame_time)
glue("ring", ring)
glue("q", q_of((inner + outer) / 2))
glue("g2_first", first)
glue("contrast", beta)
glue("decay_lag", decay)
glue("decay_time", decay * frame_time if decay is not None else None)
glue("decay_method", method)
glue("g2_first_all", [r[0] for r in results])
glue("contrast_all", [r[1] for r in results])
decay_text = "no decay found" if decay is None else f"τ₀ = **{decay:.3g} frames** ({decay * frame_time * 1e3:.3g} ms, {method})"
Markdown(f"**Ring {ring}** (q = {q_of((inner + outer) / 2):.3g} Å⁻¹): g2(1 frame) = **{first:.4f}**, contrast β = {beta:.4f}, {decay_text}.")
"""),
])


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "--prepare":
        print(PREPARE[sys.argv[2]])
        sys.exit(0)
    write("count-summary.ipynb", COUNT_SUMMARY)
    write("area-detector.ipynb", AREA_DETECTOR)
    write("xpcs-g2.ipynb", XPCS_G2)

"""Writes the tutorial notebooks 03-plans-and-run-engine and 04-catalogue.

Run with the repository's venv:  .venv/bin/python notebooks/make_notebooks.py
The output is deterministic (stable cell ids, no outputs, sorted keys). 01 and 02 are not
written here.
"""

import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

METADATA = {
    "kernelspec": {"name": "beamtime", "display_name": "Beamtime", "language": "python"},
    "language_info": {"name": "python", "file_extension": ".py", "mimetype": "text/x-python"},
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


# --------------------------------------------------------------------------- 03

PLANS = notebook("plans", [
    ("md", """
# Plans and the run engine

Beamtime runs experiments the way [bluesky](https://blueskyproject.io/bluesky/) does: a **plan** describes
what to do as a sequence of messages, and the **run engine** `RE` carries them out, talks to the devices and
emits the documents that end up in the catalogue. This notebook shows plans as generator functions, running
them, watching the documents with a subscription, metadata, writing your own plans, and pausing, resuming
and stopping a run. Everything uses the simulated devices (`motor`, `det`, `I0`, `img`, …), so it runs
anywhere, also headless: `beamtime execute notebooks/03-plans-and-run-engine.ipynb out.ipynb -p points 21`.
"""),
    ("params", """
points = 11  # points of the demonstration scan
sample = "tutorial"  # recorded in the start document of every run of this notebook
"""),
    ("md", """
## 1. A plan is a generator of messages
Calling a plan such as `scan` does nothing yet: it returns a generator. Each item is a `Msg(command, obj, …)`;
the run engine executes them one by one. Iterating a plan yourself is a dry run: no motor moves.
"""),
    ("code", """
plan = scan([det], motor, -1, 1, 3)
print(plan)
first = next(plan)
print("first message:", first.command, first.obj)
commands = [msg.command for msg in scan([det], motor, -1, 1, 3)]
print(len(commands), "messages:", ", ".join(commands))
print("motor is still at", motor.position)
"""),
    ("md", """
## 2. Running a plan
`RE(plan, **metadata)` runs it and returns the uids of the runs it made. While it runs, the cell shows a live
table, a progress bar and a plot of the first detector against the first motor, and at the end bluesky's peak
statistics. Keyword arguments to `RE` go into the run's start document.
"""),
    ("code", """
uids = RE(scan([det, I0], motor, -3, 3, points), sample=sample)
uids
"""),
    ("code", """
run = catalog[uids[0]]
print(f"scan {run.scan_id}: {run.start['plan_name']} of {run.start['detectors']} over {run.start['motors']}, "
      f"sample {run.start['sample']!r}, {run.stop['num_events']['primary']} events, {run.stop['exit_status']}")
"""),
    ("md", """
## 3. Subscriptions: watching the documents
`RE.subscribe(fn)` calls `fn(name, doc)` for every document of every run: `start`, `descriptor`, `event`,
`stop`, and `resource` / `datum` for area-detector frames, which go to HDF5 rather than into the events.
It returns a token for `RE.unsubscribe`. This is how live plots, file writers and `auto_report` work.
"""),
    ("code", """
seen = {}

def tally(name, doc):
    seen[name] = seen.get(name, 0) + 1
    if name == "stop":
        print(f"run {doc['run_start'][:8]} stopped: {doc['exit_status']}, events {doc['num_events']}")

token = RE.subscribe(tally)
RE(count([det, img], num=3), sample=sample)
RE.unsubscribe(token)
seen
"""),
    ("md", """
## 4. Metadata
Three places add to a run's start document:
- `RE.md`, a dict added to every run of this session (bluesky keeps it in a file; here it lasts for the session);
- keyword arguments of `RE(...)`, for this call only;
- the `md=` argument of a plan.

`scan_id` is kept by the catalogue and keeps increasing across sessions.
"""),
    ("code", """
RE.md["operator"] = "tutorial"
RE(count([det], num=2, md={"purpose": "metadata demo"}), sample=sample)
start = catalog[-1].start
del RE.md["operator"]
{key: start[key] for key in ("scan_id", "plan_name", "operator", "sample", "purpose")}
"""),
    ("md", """
## 5. Writing your own plans
A plan is any generator function. Build it from the stubs (`mv`, `mvr`, `trigger_and_read`, `sleep`,
`checkpoint`, `open_run`, `close_run`, …) with `yield from`. As in bluesky, readings must happen inside a run:
open one with `open_run(md=...)` and close it with `close_run()`. Naming the `detectors` and `motors` in that
metadata, as the built-in plans do, gives the live table its columns and the catalogue something to search.
`yield from` hands back what a stub returns, so a plan can decide what to do next from what it has just measured.
"""),
    ("code", """
def my_plan(positions):
    \"\"\"Visit the positions, reading det and I0 at each.\"\"\"
    yield from open_run(md={"plan_name": "my_plan", "detectors": ["det", "I0"], "motors": ["motor"],
                            "positions": list(positions)})
    for x in positions:
        yield from mv(motor, x)
        yield from trigger_and_read([det, I0, motor])
    yield from close_run()

RE(my_plan([0, 0.5, 1.0, 1.5]), sample=sample)
run = catalog[-1]
print(run.start["plan_name"], run.primary["motor"], run.primary["det"])
"""),
    ("md", """
An **adaptive** plan: step the motor until the detector falls below a threshold. The reading that
`trigger_and_read` returns has bluesky's form, `{key: {"value": …, "timestamp": …}}`.
"""),
    ("code", """
def until_below(threshold, step=0.25):
    \"\"\"Step motor up from 0 until det drops below threshold.\"\"\"
    yield from mv(motor, 0)
    yield from open_run(md={"plan_name": "until_below", "detectors": ["det"], "motors": ["motor"], "threshold": threshold})
    while True:
        yield from checkpoint()
        reading = yield from trigger_and_read([det, motor])
        if reading["det"]["value"] < threshold:
            break
        yield from mvr(motor, step)
    yield from close_run()

RE(until_below(0.2), sample=sample)
run = catalog[-1]
print(f"det fell below 0.2 at motor = {run.primary['motor'][-1]} after {len(run.primary['det'])} points")
"""),
    ("md", """
Plans compose: a plan that `yield from`s two built-in plans makes two runs, and `RE` returns both uids.
`rel_scan` scans relative to the current position and moves back afterwards.
"""),
    ("code", """
def coarse_then_fine():
    yield from scan([det], motor, -4, 4, 9)
    yield from mv(motor, 0.5)
    yield from rel_scan([det], motor, -0.5, 0.5, 11)

uids = RE(coarse_then_fine(), sample=sample)
print(len(uids), "runs:", [catalog[uid].start["plan_name"] for uid in uids], "motor back at", motor.position)
"""),
    ("md", """
## 6. Pausing, resuming, stopping
A pause (the `pause()` stub in a plan, `RE.request_pause()`, or the kernel's interrupt / stop button, which
pauses at the next `checkpoint`) ends `RE(...)` with `RunEngineInterrupted`, as in bluesky, and leaves
`RE.state == "paused"`. Then choose: `RE.resume()` continues from the last checkpoint, `RE.stop()` ends the run
cleanly (exit status *success*), `RE.abort(reason)` ends it as *abort*, `RE.halt()` stops without cleanup.
Here a plan pauses itself, so this works without anyone pressing a button.
"""),
    ("code", """
def with_a_break(n):
    yield from open_run(md={"plan_name": "with_a_break", "detectors": ["det"]})
    for i in range(n):
        yield from checkpoint()
        yield from trigger_and_read([det])
        if i == 1:
            yield from pause()
    yield from close_run()

try:
    RE(with_a_break(4), sample=sample)
except RunEngineInterrupted:
    print("paused; RE.state =", RE.state)
uids = RE.resume()
print("resumed; RE.state =", RE.state, "| events:", catalog[uids[0]].stop["num_events"], catalog[uids[0]].stop["exit_status"])
"""),
    ("code", """
try:
    RE(with_a_break(4), sample=sample)
except RunEngineInterrupted:
    RE.abort("sample moved")
stop = catalog[-1].stop
print(f"exit_status {stop['exit_status']!r}, reason {stop['reason']!r}, events {stop['num_events']}")
"""),
    ("md", """
## 7. Teaching the engine a command
`RE.register_command(name, func)` adds a message type: `func(msg)` runs for each `Msg(name, …)` a plan yields,
and its result is sent back into the plan, as bluesky's `register_command` does.
"""),
    ("code", """
log = []
RE.register_command("note", lambda msg: log.append(msg.args[0]))

def annotated():
    yield Msg("note", None, "before the count")
    yield from count([det], num=2)
    yield Msg("note", None, "after the count")

RE(annotated(), sample=sample)
log
"""),
    ("md", """
## Next
Every run above is in the catalogue; `04-catalogue.ipynb` shows how to find and read them.
"""),
])


# --------------------------------------------------------------------------- 04

CATALOGUE = notebook("catalog", [
    ("md", """
# The catalogue

Every run the run engine makes is stored as it happens: its documents in the catalogue (SQLite under
`$BEAMTIME_HOME`) and its data in an HDF5 file with a NeXus layout. `catalog` reads them back the way
databroker does: latest runs, search by metadata with query objects, streams as arrays and tables,
area-detector frames, the documents themselves and a NeXus export. Run it headless with
`beamtime execute notebooks/04-catalogue.ipynb out.ipynb -p sample my-sample`.
"""),
    ("params", """
sample = "catalogue-demo"  # the sample name the runs of this notebook are recorded with
export_path = "/tmp/beamtime-catalogue-demo.h5"  # where the NeXus export of a run is written
"""),
    ("md", """
## 1. A few runs to look at
Four runs with different plans and metadata.
"""),
    ("code", """
RE(scan([det, I0], motor, -2, 2, 21), sample=sample, element="Cu")
RE(scan([noisy_det, I0], motor, -1, 1, 11), sample=sample, element="Fe")
RE(count([det, I0], num=5), sample=sample, purpose="dark current check")
RE(grid_scan([det4], motor1, -1, 1, 5, motor2, -1, 1, 5), sample=sample, element="Cu")
print(len(catalog), "runs in the catalogue")
"""),
    ("md", """
## 2. Getting runs
`catalog[-1]` is the latest run, `catalog[-3]` the third latest; a positive integer is a `scan_id`, a string
a uid or a unique uid prefix. Iterating goes newest first. A run displays as a summary.
"""),
    ("code", """
latest = catalog[-1]
third = catalog[-3]
print(f"latest: scan {latest.scan_id} ({latest.start['plan_name']}); third latest: scan {third.scan_id} ({third.start['plan_name']})")
print("by scan_id and by uid prefix:", catalog[third.scan_id].uid == third.uid, catalog[third.uid[:8]].uid == third.uid)
latest
"""),
    ("md", """
## 3. Searching
`catalog.search(...)` keeps the runs whose start document matches: keywords for equality, and query objects
`Key`, `Eq`, `Contains`, `NotIn`, `Regex`, `FullText` and `TimeRange`. A result is a catalogue itself, so
searches chain, and `[-1]` on a result is the latest run *of that result*. As in MongoDB and databroker,
`NotIn` also keeps runs that lack the key.
"""),
    ("code", """
mine = catalog.search(sample=sample)
since = mine[-4].start["time"]  # the first of the four runs above
queries = {
    "sample=sample": mine,
    "plan_name='scan'": mine.search(plan_name="scan"),
    "Key('num_points') > 10": mine.search(Key("num_points") > 10),
    "Eq('element', 'Cu')": mine.search(Eq("element", "Cu")),
    "Contains('detectors', 'I0')": mine.search(Contains("detectors", "I0")),
    "NotIn('element', ['Cu'])": mine.search(NotIn("element", ["Cu"])),
    "Regex('plan_name', '^(grid_)?scan$')": mine.search(Regex("plan_name", "^(grid_)?scan$")),
    "FullText('dark current')": mine.search(FullText("dark current")),
    "TimeRange(since=first run)": mine.search(TimeRange(since=since)),
    "TimeRange(until='2000-01-01')": mine.search(TimeRange(until="2000-01-01")),
}
lines = ["| query | runs | scan ids |", "|:--|--:|:--|"]
for text, result in queries.items():
    lines.append(f"| `{text}` | {len(result)} | {', '.join(str(run.scan_id) for run in result)} |")
Markdown("\\n".join(lines))
"""),
    ("code", """
copper_scans = catalog.search(sample=sample).search(element="Cu").search(plan_name="scan")
run = copper_scans[-1]
print(f"latest copper scan: {run.scan_id}, {run.start['num_points']} points")
copper_scans
"""),
    ("md", """
## 4. Inside a run
`run.start` and `run.stop` are the documents; `run.descriptors` describe each data key (dtype, shape,
source, units) and the devices' configuration. The `primary` stream gives columns: `run.primary["det"]` is
an array, `run.primary.read()` a dict of columns, `run.primary.table()` a table.
"""),
    ("code", """
descriptor = run.descriptors[0]
for key, info in descriptor["data_keys"].items():
    print(f"{key:>15}: {info['dtype']:<7} shape {info['shape']}  source {info['source']}")
print("configuration of det:", descriptor["configuration"]["det"]["data"])
"""),
    ("code", """
run.primary.table()
"""),
    ("code", """
data = run.primary.read()
normalised = data["det"] / data["I0"]
stats = peak_stats(data["motor"], normalised)
print(f"cen {stats.cen:.3f}, fwhm {stats.fwhm:.3f}")
plot(data["motor"], normalised, title=f"scan {run.scan_id}: det / I0", xlabel="motor", ylabel="det / I0", marker=True)
"""),
    ("md", """
## 5. Area-detector frames
Frames are not in the events: an event holds a datum id, and the frame is in the run's HDF5 file
(`run.data_path`). `run.primary["img"]` reads them all back as one (frames, rows, columns) array;
`run.primary.table()["img"]` lists the datum ids and `run.frame(datum_id)` reads one frame.
"""),
    ("code", """
RE(count([img, I0], num=3), sample=sample)
frames_run = catalog[-1]
frames = frames_run.primary["img"]
datum_ids = frames_run.primary.table()["img"]
frame = frames_run.frame(datum_ids[0])
print(frames.shape[0], "frames, each", frame.shape, "| first datum id:", datum_ids[0], "| same frame:", np.array_equal(frame, frames[0]))
fig = figure(title=f"first frame of scan {frames_run.scan_id}", xlabel="column", ylabel="row", width=460, height=400)
fig.imshow(frame, log=True)
fig
"""),
    ("md", """
## 6. The documents
`run.documents()` gives the run's event-model documents, `(name, doc)` in order, as bluesky emitted them;
`beamtime catalog export SCAN out.jsonl` writes them as JSON Lines for bluesky tools, and
`beamtime catalog import` reads such files back.
"""),
    ("code", """
names = [name for name, doc in run.documents()]
{name: names.count(name) for name in dict.fromkeys(names)}
"""),
    ("md", """
## 7. Export to NeXus
`run.export(path)` writes the run as an HDF5 file in the NeXus layout (NXentry / NXinstrument / NXsample /
NXdata), which h5py, silx and NeXpy open and plot by default. The folder must exist.
"""),
    ("code", """
written = run.export(export_path)
print("exported scan", run.scan_id, "to", written)
"""),
])


if __name__ == "__main__":
    write("03-plans-and-run-engine.ipynb", PLANS)
    write("04-catalogue.ipynb", CATALOGUE)

"""The same catalogue measurements with bluesky's TiledWriter into an in-process Tiled
server over SQLite (what databroker 2 reads), in the same run as Beamtime's.

Writing runs through Tiled is slow, so the lookups use N_RUNS runs (default 300) instead
of Beamtime's 100,000; the per-run figures are what matter."""
import os
import sys
import tempfile
import time
import warnings

warnings.filterwarnings("ignore")
from tiled.catalog import from_uri as catalog_from_uri
from tiled.client import Context, from_context
from tiled.queries import FullText, Key, Regex
from tiled.server.app import build_app
from bluesky import RunEngine
from bluesky.callbacks.tiled_writer import TiledWriter
from bluesky.plans import count, scan
from ophyd.sim import det, motor

n_runs = int(sys.argv[1]) if len(sys.argv) > 1 else 300
points = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
d = tempfile.mkdtemp()
catalog = catalog_from_uri(f"sqlite:///{d}/catalog.db", writable_storage=[f"{d}/data", f"sqlite:///{d}/tables.sqlite"],
                           init_if_not_exists=True)
client = from_context(Context.from_app(build_app(catalog)))
RE = RunEngine({})
RE.subscribe(TiledWriter(client))

for name, plan in (("count", lambda: count([det], num=points)), ("scan", lambda: scan([det], motor, -1, 1, points))):
    t0 = time.perf_counter()
    RE(plan())
    elapsed = time.perf_counter() - t0
    print(f"tiled  (a) {name:6} {points} events stored in {elapsed:.2f} s: {points / elapsed:,.0f} events/s", flush=True)

t0 = time.perf_counter()
for i in range(n_runs):
    RE(count([det], num=3), sample="needle" if i % max(1, n_runs // 20) == 7 else f"sample-{i % 1000}")
print(f"tiled  writing {n_runs} runs of 3 events: {time.perf_counter() - t0:.1f} s", flush=True)


def timed(label, fn, repeat=5):
    fn()
    best = min(_time(fn) for _ in range(repeat))
    print(f"tiled  (b) {label:34} {best * 1e3:8.3f} ms", flush=True)


def _time(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


timed("catalog[-1]", lambda: client.values().last())
timed("catalog[scan_id]", lambda: client.search(Key("start.scan_id") == n_runs // 2).values().first())
timed("search(sample=...) -> 20 runs", lambda: [r for r in client.search(Key("start.sample") == "needle").values()])
try:
    timed("Regex search", lambda: len(client.search(Regex("start.sample", "^needle$"))))
except Exception as e:  # tiled's SQLite catalogue rejects Regex
    print(f"tiled  (b) Regex search: not supported ({type(e).__name__})")
try:
    timed("FullText search", lambda: len(client.search(FullText("needle"))))
except Exception as e:
    print(f"tiled  (b) FullText search: not supported ({type(e).__name__})")
timed("last run's primary table", lambda: client.values().last()["primary"].read())
size = sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(d) for f in files)
events = 2 * points + 3 * n_runs
print(f"tiled  (c) storage: {size // events} bytes per event ({events} events)")

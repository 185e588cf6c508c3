"""Run-engine throughput of bluesky 1.15 with ophyd.sim, printed as JSON lines."""
import json
import sys
import time

from bluesky import RunEngine
from bluesky.plans import count, scan
from ophyd.sim import det, motor


def measure(plan_name, n, keep):
    RE = RunEngine({})
    docs = []
    if keep:
        RE.subscribe(lambda name, doc: docs.append((name, doc)))
    plan = count([det], num=n) if plan_name == "count" else scan([det], motor, -1, 1, n)
    t0 = time.perf_counter()
    RE(plan)
    return time.perf_counter() - t0


if __name__ == "__main__":
    n = int(sys.argv[1])
    for plan_name in ("count", "scan"):
        for keep in (False, True):
            elapsed = measure(plan_name, n, keep)
            print(json.dumps({"peer": "bluesky", "plan": plan_name, "n": n, "keep": keep, "seconds": elapsed}), flush=True)

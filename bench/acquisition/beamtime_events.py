# Run-engine throughput in the Beamtime cell language. Run as:
#   beamtime exec beamtime_events.py   (after setting PLAN, N and KEEP below by the bench)
import time
results = []

def measure(plan_name, n, keep):
    docs = []
    marks = []
    token = None
    if keep:
        def keep_all(name, doc):
            docs.append((name, doc))
        token = RE.subscribe(keep_all)
    if plan_name == "count":
        plan = count([det], num=n)
    else:
        plan = scan([det], motor, -1, 1, n)
    t0 = time.perf_counter()
    RE(plan)
    elapsed = time.perf_counter() - t0
    if token is not None:
        RE.unsubscribe(token)
    return elapsed, len(docs)

def blocks(plan_name, n):
    # Time of the first and the last 10,000 events (flatness of the per-event cost).
    marks = []
    def mark(name, doc):
        if name == 'event' and doc['seq_num'] % 10000 == 0:
            marks.append(time.perf_counter())
    token = RE.subscribe(mark)
    t0 = time.perf_counter()
    if plan_name == "count":
        RE(count([det], num=n))
    else:
        RE(scan([det], motor, -1, 1, n))
    RE.unsubscribe(token)
    first = marks[0] - t0
    last = marks[-1] - marks[-2]
    return first, last

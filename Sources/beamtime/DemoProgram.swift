/// The scan `beamtime demo` runs before reporting it: a simulated scan through the run
/// engine, stored in the catalogue with its NeXus data product, its documents collected by
/// a subscriber, then a table, the peak's centre of mass and half-height span, and where
/// the run was stored.
enum DemoProgram {
    static let source = #"""
docs = []
RE.subscribe(lambda name, doc: docs.append((name, doc)))
motor.velocity = None
uids = RE(scan([det, I0], motor, -3, 3, 25), sample="demo", purpose="beamtime demo")

start = docs[0][1]
stop = docs[-1][1]
events = [doc for name, doc in docs if name == "event"]
print(f"run {start['uid'][:8]} (scan_id {start['scan_id']}): {start['plan_name']} of {start['detectors']} over {start['motors']}")
print(f"{'seq':>4} {'motor':>8} {'det':>8} {'det/I0':>8}")
xs = []
ys = []
for e in events:
    d = e["data"]
    xs.append(d["motor"])
    ys.append(d["det"] / d["I0"])
    print(f"{e['seq_num']:>4} {d['motor']:8.3f} {d['det']:8.4f} {ys[-1]:8.4f}")
total = sum(ys)
com = sum(x * y for x, y in zip(xs, ys)) / total
half = max(ys) / 2
above = [x for x, y in zip(xs, ys) if y > half]
print(f"exit status: {stop['exit_status']}, {stop['num_events']['primary']} events")
print(f"centre of mass {com:.4f}; points above half height span {min(above):.2f} .. {max(above):.2f}")
stored = catalog[-1]
print(f"stored in the catalogue as scan {stored.scan_id}; NeXus data product: {stored.data_path}")
"""#
}

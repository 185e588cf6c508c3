"""The run engine's documents against event-model's schemas and against bluesky.

Every plan runs twice: in `beamtime exec` (documents printed by a subscriber as Python
literals) and in bluesky 1.15 with ophyd.sim. The test compares what a beamline scientist
relies on: event counts, data keys with dtype and shape, motor positions, noiseless
detector values (to 1e-12), plan_name, num_points, hints and the stop document.

Intentional differences (not compared):
- plan_args and plan_pattern_args hold device reprs: ophyd writes
  "SynAxis(prefix='', name='motor', read_attrs=[...], ...)", Beamtime "SynAxis(name='motor')".
- versions: Beamtime records {"beamtime": ...} instead of bluesky/ophyd/event_model.
- configuration readings: ophyd stores `noise` as an enum index, Beamtime as its string;
  numeric configuration values are floats in Beamtime.
- data key dtype of a motor that never moved: ophyd says "integer" (its value is the int
  0 until first set), Beamtime always "number".
"""
import ast
import os
import subprocess
import sys
import time
import unittest

import event_model

BINARY = os.environ["BEAMTIME_BINARY"]

PLANS = {
    "count": "count([det], num=3)",
    "count_two_detectors": "count([det, det1], num=2)",
    "scan": "scan([det], motor, -1, 1, 5)",
    "scan_two_motors": "scan([det4], motor1, -1, 1, motor2, 0, 2, 4)",
    "rel_scan": "rel_scan([det], motor, -1, 1, 3)",
    "list_scan": "list_scan([det], motor, [0.5, -0.25, 2.0])",
    "list_scan_two_motors": "list_scan([det4], motor1, [0.5, -0.25], motor2, [1.0, 0.0])",
    "rel_grid_scan": "rel_grid_scan([det4], motor1, -1, 1, 2, motor2, -1, 1, 3, snake_axes=[motor2])",
    "grid_scan": "grid_scan([det4], motor1, -1, 1, 3, motor2, -1, 1, 2)",
    "grid_scan_snake": "grid_scan([det4], motor1, -1, 1, 3, motor2, -1, 1, 2, snake_axes=True)",
    "user_plan": "user_plan([0.0, 0.5, 1.0])",
}

# Plans only checked against the schemas (ophyd.sim's img is a different simulation).
SCHEMA_ONLY_PLANS = {
    "area_detector": "scan([img, det], motor1, -1, 1, 3)",
    "area_detector_count": "count([img], num=2)",
}

USER_PLAN = '''
def user_plan(points):
    yield from open_run(md={'plan_name': 'user_plan'})
    for x in points:
        yield from mv(motor, x)
        yield from trigger_and_read([det, motor])
    yield from close_run()
'''


def beamtime_documents(plan):
    """Runs `plan` in beamtime exec and returns its (name, doc) pairs."""
    program = USER_PLAN + f'''
def show(name, doc):
    print(repr((name, doc)))
RE.subscribe(show)
RE(mv(motor, 0.5))
RE({plan})
'''
    env = dict(os.environ)
    result = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True, env=env, timeout=60)
    if result.returncode != 0:
        raise AssertionError(f"beamtime exec failed:\n{result.stderr}")
    return [ast.literal_eval(line) for line in result.stdout.splitlines() if line.startswith("(")]


def bluesky_documents(plan):
    """Runs the same plan in bluesky with ophyd.sim."""
    from bluesky import RunEngine
    from bluesky.plans import count, scan, rel_scan, list_scan, grid_scan, rel_grid_scan  # noqa: F401
    from bluesky.plan_stubs import mv, trigger_and_read, open_run, close_run  # noqa: F401
    from ophyd.sim import det, det1, det4, motor, motor1, motor2  # noqa: F401
    for m in (motor, motor1, motor2):
        m.set(0).wait()
    namespace = dict(locals())
    exec(USER_PLAN, namespace)
    RE = RunEngine({})
    docs = []
    RE.subscribe(lambda name, doc: docs.append((name, doc)))
    RE(namespace["mv"](motor, 0.5))
    docs.clear()
    RE(eval(plan, namespace))
    return docs


def plain(value):
    """A document as JSON would carry it: tuples as lists, numpy scalars as Python numbers."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def by_name(docs, name):
    return [d for n, d in docs if n == name]


class SchemaTests(unittest.TestCase):
    def test_every_document_validates(self):
        for label, plan in {**PLANS, **SCHEMA_ONLY_PLANS}.items():
            with self.subTest(plan=label):
                docs = beamtime_documents(plan)
                self.assertGreater(len(docs), 0)
                for name, doc in docs:
                    validator = event_model.schema_validators[event_model.DocumentNames[name]]
                    validator.validate(doc)
                if label.startswith("area_detector"):
                    names = [n for n, _ in docs]
                    self.assertEqual(names.count("resource"), 1)
                    self.assertEqual(names.count("datum"), names.count("event"))
                    self.assertLess(names.index("resource"), names.index("event"))
                    for event in by_name(docs, "event"):
                        self.assertEqual(event["filled"], {"img": False})
                        self.assertIn(event["data"]["img"], [d["datum_id"] for d in by_name(docs, "datum")])

    def test_failed_plan_stop_validates_and_says_why(self):
        program = '''
docs = []
RE.subscribe(lambda name, doc: docs.append((name, doc)))
def bad():
    yield from open_run()
    raise ValueError("no beam")
try:
    RE(bad())
except ValueError:
    pass
for pair in docs:
    print(repr(pair))
'''
        result = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        docs = [ast.literal_eval(line) for line in result.stdout.splitlines()]
        stops = by_name(docs, "stop")
        self.assertEqual(len(stops), 1)
        self.assertEqual(stops[0]["exit_status"], "fail")
        self.assertIn("no beam", stops[0]["reason"])
        for name, doc in docs:
            event_model.schema_validators[event_model.DocumentNames[name]].validate(doc)


class DemoTests(unittest.TestCase):
    def test_demo_runs_a_scan_through_the_run_engine(self):
        result = subprocess.run([BINARY, "demo"], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertRegex(lines[0], r"^run [0-9a-f]{8} \(scan_id \d+\): scan of \['det', 'I0'\] over \['motor'\]$")
        self.assertIn("exit status: success, 25 events", result.stdout)
        self.assertIn("centre of mass 0.0000", result.stdout)
        stored = [line for line in lines if line.startswith("stored in the catalogue")]
        self.assertEqual(len(stored), 1, result.stdout)
        self.assertRegex(stored[0], r"^stored in the catalogue as scan \d+; NeXus data product: /.*\.h5$")
        self.assertTrue(os.path.exists(stored[0].split(": ", 1)[1]))
        # Then the peak-alignment report of that scan; its path is the last line.
        self.assertTrue(lines[-1].endswith(".html") and os.path.isfile(lines[-1]), lines[-1])


class BlueskyDifferentialTests(unittest.TestCase):
    def compare(self, label, plan):
        ours, theirs = beamtime_documents(plan), [(n, plain(d)) for n, d in bluesky_documents(plan)]
        self.assertEqual([n for n, _ in ours], [n for n, _ in theirs], "document sequence")
        start, their_start = by_name(ours, "start")[0], by_name(theirs, "start")[0]
        for key in ("plan_name", "num_points", "num_intervals", "hints", "detectors", "motors", "shape",
                    "extents", "snaking", "plan_pattern"):
            self.assertEqual(start.get(key), their_start.get(key), f"start[{key!r}]")
        desc, their_desc = by_name(ours, "descriptor")[0], by_name(theirs, "descriptor")[0]
        self.assertEqual(list(desc["data_keys"]), list(their_desc["data_keys"]), "data keys and their order")
        for key, dk in desc["data_keys"].items():
            theirs_dk = their_desc["data_keys"][key]
            self.assertEqual(dk["shape"], theirs_dk["shape"], key)
            if theirs_dk["dtype"] != "integer":
                self.assertEqual(dk["dtype"], theirs_dk["dtype"], key)
            self.assertEqual(dk.get("object_name"), theirs_dk.get("object_name"), key)
        self.assertEqual(desc["object_keys"], their_desc["object_keys"])
        self.assertEqual(desc["hints"], their_desc["hints"])
        events, their_events = by_name(ours, "event"), by_name(theirs, "event")
        self.assertEqual(len(events), len(their_events))
        for mine, other in zip(events, their_events):
            self.assertEqual(mine["seq_num"], other["seq_num"])
            self.assertEqual(set(mine["data"]), set(other["data"]))
            for key, value in mine["data"].items():
                self.assertAlmostEqual(value, float(other["data"][key]), delta=1e-12, msg=f"{label}: {key}")
        stop, their_stop = by_name(ours, "stop")[0], by_name(theirs, "stop")[0]
        for key in ("exit_status", "reason", "num_events"):
            self.assertEqual(stop[key], their_stop[key], f"stop[{key!r}]")

    def test_plans_match_bluesky(self):
        for label, plan in PLANS.items():
            with self.subTest(plan=label):
                self.compare(label, plan)


if __name__ == "__main__":
    unittest.main()


class KernelRunTests(unittest.TestCase):
    """The run engine inside the kernel, driven by jupyter_client."""

    @classmethod
    def setUpClass(cls):
        from jupyter_client.manager import start_new_kernel
        cls.km, cls.kc = start_new_kernel(kernel_name="beamtime")

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=60):
        outputs = []
        reply = self.kc.execute_interactive(code, output_hook=outputs.append, timeout=timeout)
        return reply["content"], outputs

    def test_live_display_is_throttled_and_ends_with_peak_stats(self):
        import numpy as np
        from bluesky.callbacks.fitting import PeakStats
        setup, _ = self.run_cell("motor.velocity = 1000\nmotor.settle_time = 0.004")
        self.assertEqual(setup["status"], "ok")
        started = time.monotonic()
        reply, outputs = self.run_cell("RE(scan([det], motor, -1, 1, 200))")
        elapsed = time.monotonic() - started
        self.run_cell("motor.velocity = None\nmotor.settle_time = 0")
        self.assertEqual(reply["status"], "ok", reply)
        displays = [m for m in outputs if m["msg_type"] == "display_data"]
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(displays), 1, "one live output per run")
        display_id = displays[0]["content"]["transient"]["display_id"]
        self.assertTrue(all(u["content"]["transient"]["display_id"] == display_id for u in updates))
        self.assertGreaterEqual(elapsed, 0.8, "the settle time makes the scan take a while")
        self.assertGreaterEqual(len(updates), 3, "the view updates while the scan runs")
        self.assertLessEqual(len(updates), elapsed * 10 + 2, f"{len(updates)} updates in {elapsed:.2f} s: not throttled")
        final = updates[-1]["content"]["data"]
        self.assertIn("<svg", final["text/html"])
        self.assertIn("200/200 points", final["text/plain"])
        # Peak statistics as bluesky's PeakStats computes them on the same curve.
        x = np.linspace(-1, 1, 200)
        y = np.exp(-(x ** 2) / 2)
        fields = {"min": None, "max": None, "com": None, "cen": None, "crossings": None, "fwhm": None}
        expected = PeakStats._calc_stats(x, y, fields)
        stats_line = final["text/plain"].splitlines()[-1]
        words = stats_line.split()
        values = {words[i]: words[i + 1] for i in range(0, len(words) - 1) if words[i] in ("cen", "com", "fwhm")}
        self.assertAlmostEqual(float(values["cen"]), expected.cen, delta=1e-5)
        self.assertAlmostEqual(float(values["fwhm"]), expected.fwhm, delta=1e-5)
        self.assertAlmostEqual(float(values["com"]), expected.com, delta=1e-5)

    def test_interrupt_pauses_a_scan_and_resume_finishes_it(self):
        self.run_cell("events = []\nstops = []\n"
                      "def keep(name, doc):\n"
                      "    if name == 'event':\n        events.append(doc['seq_num'])\n"
                      "    if name == 'stop':\n        stops.append(doc['exit_status'])\n"
                      "token = RE.subscribe(keep)\nmotor.settle_time = 0.01")
        msg_id = self.kc.execute("RE(scan([det], motor, -1, 1, 100))")
        time.sleep(0.4)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=10)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "RunEngineInterrupted")
        self.assertIn("RE.resume()", reply["content"]["evalue"])
        # The live view's header says the run is paused (no ETA) when the cell ends.
        headers = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=10)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] in ("display_data", "update_display_data"):
                headers.append(msg["content"]["data"]["text/plain"].splitlines()[0])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertRegex(headers[-1], r"^scan \d+ · scan: \d+/100 points · paused$", headers)
        state, outputs = self.run_cell("print(RE.state, len(events))")
        text = "".join(m["content"].get("text", "") for m in outputs if m["msg_type"] == "stream")
        self.assertTrue(text.startswith("paused "), text)
        paused_at = int(text.split()[1])
        self.assertGreater(paused_at, 0)
        self.assertLess(paused_at, 100)
        resumed, outputs = self.run_cell("RE.resume()")
        self.assertEqual(resumed["status"], "ok", resumed)
        headers = [m["content"]["data"]["text/plain"].splitlines()[0] for m in outputs
                   if m["msg_type"] == "update_display_data"]
        self.assertRegex(headers[-1], r"^scan \d+ · scan: 100/100 points · success in ", headers)
        _, outputs = self.run_cell("print(events == list(range(1, 101)), stops, RE.state)\nRE.unsubscribe(token)\nmotor.settle_time = 0")
        text = "".join(m["content"].get("text", "") for m in outputs if m["msg_type"] == "stream")
        self.assertEqual(text.strip(), "True ['success'] idle")

"""The catalogue end to end: runs stored by the kernel survive `kill -9`."""
import os
import signal
import subprocess
import tempfile
import time
import unittest

BINARY = os.environ["BEAMTIME_BINARY"]


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None) if provisioner else None
    return process.pid if process else km.kernel.pid


class KillTests(unittest.TestCase):
    def test_kill_minus_nine_mid_scan_keeps_every_event_but_the_last_100_ms(self):
        from jupyter_client.manager import KernelManager
        home = tempfile.mkdtemp(prefix="beamtime-kill-")
        km = KernelManager(kernel_name="beamtime")
        km.start_kernel(env={**os.environ, "BEAMTIME_HOME": home})
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=30)
        kc.execute("RE(count([det], num=1000000, delay=0.002))")
        time.sleep(1.5)
        kill_time = time.time()
        os.kill(kernel_pid(km), signal.SIGKILL)
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=True)
        except Exception:
            pass
        program = (
            "r = catalog[-1]\n"
            "seq = r.primary['seq_num']\n"
            "times = r.primary['time']\n"
            "print(r.stop['exit_status'])\n"
            "print(r.stop['reason'])\n"
            "print(len(seq), seq.tolist() == list(range(1, len(seq) + 1)), repr(times[-1]), r.stop['num_events']['primary'])\n"
        )
        result = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True,
                                env={**os.environ, "BEAMTIME_HOME": home}, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        status, reason, counts = result.stdout.splitlines()
        self.assertEqual(status, "fail")
        self.assertIn("died", reason)
        n, contiguous, last_time, num_events = counts.split()
        self.assertGreater(int(n), 100, "the scan ran for a while before the kill")
        self.assertEqual(contiguous, "True", "no event is missing in the middle")
        self.assertEqual(int(num_events), int(n))
        self.assertGreaterEqual(float(last_time), kill_time - 0.1,
                                f"events emitted more than 100 ms before the kill were lost (last stored at {float(last_time) - kill_time:+.3f} s)")


if __name__ == "__main__":
    unittest.main()


class DataProductTests(unittest.TestCase):
    def exec(self, program, home):
        result = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True,
                                env={**os.environ, "BEAMTIME_HOME": home}, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_nexus_default_plot_path_reads_what_the_catalogue_returns(self):
        import h5py
        home = tempfile.mkdtemp(prefix="beamtime-nexus-")
        out = self.exec("RE(scan([det, I0], motor, -2, 2, 21), sample='LaB6')\n"
                        "r = catalog[-1]\nprint(r.data_path)\nprint(repr(r.primary['det'].tolist()))\nprint(repr(r.primary['motor'].tolist()))\n"
                        f"print(r.export({home + '/export.h5'!r}))\n", home)
        path, det, motor, exported = out.splitlines()
        det, motor = eval(det), eval(motor)
        for file in (path, exported):
            with h5py.File(file, "r") as f:
                entry = f[f.attrs["default"]]
                self.assertEqual(entry.attrs["NX_class"], "NXentry")
                data = entry[entry.attrs["default"]]
                self.assertEqual(data.attrs["NX_class"], "NXdata")
                signal = data[data.attrs["signal"]]
                axis = data[data.attrs["axes"][0]]
                self.assertEqual(data.attrs["signal"], "det")
                self.assertEqual(list(signal[()]), det)
                self.assertEqual(list(axis[()]), motor)
                self.assertEqual(entry["sample"].attrs["name"], "LaB6")
                self.assertEqual(entry["instrument/motor"].attrs["NX_class"], "NXpositioner")
                self.assertEqual(list(entry["measurement/I0"][()])[0] > 0.9, True)

    def test_a_swmr_reader_sees_a_count_grow(self):
        import h5py
        home = tempfile.mkdtemp(prefix="beamtime-swmr-")
        process = subprocess.Popen([BINARY, "exec", "-"], stdin=subprocess.PIPE, text=True,
                                   env={**os.environ, "BEAMTIME_HOME": home})
        process.stdin.write("RE(count([det], num=2000, delay=0.002))\n")
        process.stdin.close()
        try:
            deadline = time.time() + 30
            files = []
            while time.time() < deadline and not files:
                files = [n for n in os.listdir(os.path.join(home, "data"))] if os.path.isdir(os.path.join(home, "data")) else []
                time.sleep(0.05)
            self.assertTrue(files, "no data product appeared")
            path = os.path.join(home, "data", files[0])
            sizes = []
            while time.time() < deadline and len(sizes) < 2:
                try:
                    with h5py.File(path, "r", swmr=True) as f:
                        d = f["entry/measurement/det"]
                        d.refresh()
                        if d.shape[0] > 0:
                            sizes.append(d.shape[0])
                            time.sleep(0.5)
                except (OSError, KeyError):
                    time.sleep(0.05)
            self.assertEqual(len(sizes), 2, "could not read the growing file")
            self.assertGreater(sizes[1], sizes[0], f"the dataset did not grow while the run went: {sizes}")
            self.assertLess(sizes[1], 2000, "the run was still going")
        finally:
            process.wait(timeout=60)
        self.assertEqual(process.returncode, 0)


class BlueskyInteropTests(unittest.TestCase):
    """Documents made by real bluesky + ophyd.sim import, query and read back equal; our
    runs export to JSON Lines that event-model validates."""

    def catalog(self, home, *args):
        return subprocess.run([BINARY, "catalog", *args], capture_output=True, text=True,
                              env={**os.environ, "BEAMTIME_HOME": home}, timeout=60)

    def bluesky_jsonl(self, path):
        import json
        from bluesky import RunEngine
        from bluesky.plans import count, scan, grid_scan
        from ophyd.sim import det, det4, motor, motor1, motor2, img
        RE = RunEngine({})
        lines = []
        RE.subscribe(lambda name, doc: lines.append(json.dumps([name, doc], default=lambda o: o.item() if hasattr(o, "item") else list(o))))
        RE(count([det], num=3), sample="Si")
        RE(scan([det], motor, -1, 1, 5), sample="LaB6")
        RE(grid_scan([det4], motor1, -1, 1, 3, motor2, -1, 1, 2))
        RE(count([img], num=2))
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return [json.loads(line) for line in lines]

    def test_bluesky_runs_import_and_read_back_equal(self):
        home = tempfile.mkdtemp(prefix="beamtime-import-")
        path = os.path.join(home, "bluesky.jsonl")
        docs = self.bluesky_jsonl(path)
        result = self.catalog(home, "import", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("imported 4 runs", result.stdout)
        scan_start = [d for n, d in docs if n == "start" and d["plan_name"] == "scan"][0]
        scan_events = [d for n, d in docs if n == "event" and d["descriptor"] in
                       [x["uid"] for m, x in docs if m == "descriptor" and x["run_start"] == scan_start["uid"]]]
        program = (f"r = catalog['{scan_start['uid'][:10]}']\n"
                   "print(repr(r.primary['det'].tolist()))\nprint(repr(r.primary['motor'].tolist()))\nprint(r.stop['exit_status'])\n"
                   "print(len(catalog), len(catalog.search(sample='LaB6')), catalog.search(sample='LaB6')[-1].uid == r.uid)\n"
                   "print(len(catalog[-1].primary['img']), catalog[-1].start['plan_name'])\n")
        out = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True,
                             env={**os.environ, "BEAMTIME_HOME": home}, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        det, motor, status, counts, img = out.stdout.splitlines()
        self.assertEqual(eval(det), [e["data"]["det"] for e in scan_events])
        self.assertEqual(eval(motor), [e["data"]["motor"] for e in scan_events])
        self.assertEqual(status, "success")
        self.assertEqual(counts, "4 1 True")
        self.assertEqual(img, "2 count")

    def test_invalid_lines_are_rejected_with_their_number_and_nothing_is_stored(self):
        import json
        home = tempfile.mkdtemp(prefix="beamtime-reject-")
        path = os.path.join(home, "bad.jsonl")
        good = self.bluesky_jsonl(path)
        lines = [json.dumps(pair) for pair in good]
        stop_line = next(i for i, (n, _) in enumerate(good) if n == "stop")
        broken = dict(good[stop_line][1])
        broken["exit_status"] = "exploded"
        lines[stop_line] = json.dumps(["stop", broken])
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        result = self.catalog(home, "import", path)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"line {stop_line + 1}", result.stderr)
        self.assertIn("exit_status", result.stderr)
        listing = self.catalog(home, "ls")
        self.assertEqual(listing.stdout.strip().count("\n"), 0, "nothing half-imported: " + listing.stdout)
        with open(path, "w") as f:
            f.write('["start", {"uid": "x", "time": 1}]\nnot json\n')
        result = self.catalog(home, "import", path)
        self.assertIn("line 2", result.stderr)

    def test_our_runs_export_to_jsonl_that_event_model_validates(self):
        import json
        import event_model
        home = tempfile.mkdtemp(prefix="beamtime-export-")
        subprocess.run([BINARY, "exec", "-"], input="RE(scan([det], motor, -1, 1, 4))\nRE(count([img], num=2))\n",
                       capture_output=True, text=True, env={**os.environ, "BEAMTIME_HOME": home}, timeout=60, check=True)
        for run in ("1", "2"):
            out = os.path.join(home, f"run{run}.jsonl")
            result = self.catalog(home, "export", run, out)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(out) as f:
                pairs = [json.loads(line) for line in f]
            self.assertEqual(pairs[0][0], "start")
            self.assertEqual(pairs[-1][0], "stop")
            for name, doc in pairs:
                event_model.schema_validators[event_model.DocumentNames[name]].validate(doc)


class QueryTests(unittest.TestCase):
    def test_positions_slices_and_scan_ids_inside_searches(self):
        home = tempfile.mkdtemp(prefix="beamtime-slices-")
        program = (
            "for i in range(6):\n    RE(count([det]), sample='a' if i % 2 else 'b')\n"
            "print([r.scan_id for r in catalog[-3:]], [r.scan_id for r in catalog[:2]], catalog[-2].scan_id)\n"
            "found = catalog.search(sample='a')\n"
            "print(len(found), found[4].scan_id, [r.scan_id for r in found])\n"
            "try:\n    found[3]\nexcept KeyError:\n    print('scan 3 is not in the search')\n"
            "print(len(catalog.search(Key('scan_id') >= 5)), len(catalog.search(TimeRange(since='2000-01-01'), sample='b')))\n"
        )
        result = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True,
                                env={**os.environ, "BEAMTIME_HOME": home}, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            "[4, 5, 6] [1, 2] 5",
            "3 4 [6, 4, 2]",
            "scan 3 is not in the search",
            "2 3",
        ])


class AreaDetectorProductTests(unittest.TestCase):
    def test_frames_of_a_paused_run_read_back_in_the_same_process(self):
        home = tempfile.mkdtemp(prefix="beamtime-frames-live-")
        program = ("img.shape = (8, 10)\n"
                   "def plan():\n"
                   "    yield from open_run()\n"
                   "    for i in range(3):\n"
                   "        yield from trigger_and_read([img, det])\n"
                   "    yield from checkpoint()\n"
                   "    yield from pause()\n"
                   "    yield from trigger_and_read([img, det])\n"
                   "    yield from close_run()\n"
                   "try:\n    RE(plan())\nexcept Exception as e:\n    print(type(e).__name__, RE.state)\n"
                   "r = catalog[-1]\nids = r.primary.table()['img']\n"
                   "print(len(ids), r.stop is None, r.frame(ids[2]).shape, float(r.frame(ids[2]).max()) > 0)\n"
                   "RE.resume()\n"
                   "r = catalog[-1]\nprint(r.primary['img'].shape, r.stop['exit_status'], r.frame(r.primary.table()['img'][3]).shape)\n")
        result = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True,
                                env={**os.environ, "BEAMTIME_HOME": home}, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), ["RunEngineInterrupted paused", "3 True (8, 10) True", "(4, 8, 10) success (8, 10)"])

    def test_img_frames_go_into_the_hdf5_product_as_a_compressed_3d_dataset(self):
        import h5py
        home = tempfile.mkdtemp(prefix="beamtime-frames-")
        program = ("img.shape = (20, 30)\nRE(scan([img, det], motor1, -1, 1, 4))\nr = catalog[-1]\n"
                   "print(r.data_path)\nfor d in r.primary.table()['img']:\n    print(repr(r.frame(d).tolist()))\n"
                   "print(repr(r.primary['img'].tolist()))\n")
        result = subprocess.run([BINARY, "exec", "-"], input=program, capture_output=True, text=True,
                                env={**os.environ, "BEAMTIME_HOME": home}, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        frames = [eval(line) for line in lines[1:-1]]
        self.assertEqual(eval(lines[-1]), frames, "the column is the frames, stacked")
        with h5py.File(lines[0], "r") as f:
            d = f["entry/measurement/img"]
            self.assertEqual(d.shape, (4, 20, 30))
            self.assertEqual(d.chunks, (1, 20, 30))
            self.assertEqual(d.compression, "gzip")
            for i, frame in enumerate(frames):
                self.assertEqual(d[i].tolist(), frame)
            # The spot moves with motor1: its column of maximum shifts right along the scan.
            peaks = [int(d[i].max(axis=0).argmax()) for i in range(4)]
            self.assertEqual(peaks, sorted(peaks))
            self.assertLess(peaks[0], peaks[-1])

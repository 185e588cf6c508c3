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
            "print(len(seq), seq == list(range(1, len(seq) + 1)), repr(times[-1]), r.stop['num_events']['primary'])\n"
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
                        "r = catalog[-1]\nprint(r.data_path)\nprint(repr(r.primary['det']))\nprint(repr(r.primary['motor']))\n"
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

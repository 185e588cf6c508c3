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

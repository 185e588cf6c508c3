"""Kernel benchmark: Beamtime's kernel against ipykernel, side by side in one run.

(a) start to ready: spawn the kernel from its kernelspec (jupyter_client's KernelManager)
    until a kernel_info_reply and the iopub `idle` for it have arrived; median of N.
(b) execute round trip of `1+1` from jupyter_client: send execute_request, wait for the
    execute_reply and the iopub `idle`; p50 and p99 over M requests.
(c) resident memory (VmRSS) of the idle kernel after the round trips.
"""
import json
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

STARTS = int(os.environ.get("BENCH_STARTS", "20"))
ROUND_TRIPS = int(os.environ.get("BENCH_ROUND_TRIPS", "1000"))


def wait_ready(kc, deadline):
    """Send kernel_info until its reply and its iopub idle have both arrived."""
    while time.perf_counter() < deadline:
        msg_id = kc.kernel_info()
        got_reply = got_idle = False
        attempt_end = min(deadline, time.perf_counter() + 0.5)
        while time.perf_counter() < attempt_end and not (got_reply and got_idle):
            if not got_reply and kc.shell_channel.msg_ready():
                m = kc.get_shell_msg(timeout=0)
                got_reply = m["parent_header"].get("msg_id") == msg_id
            if kc.iopub_channel.msg_ready():
                m = kc.get_iopub_msg(timeout=0)
                if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                        and m["content"]["execution_state"] == "idle"):
                    got_idle = True
            else:
                time.sleep(0.0002)
        if got_reply and got_idle:
            return
    raise RuntimeError("kernel not ready")


def start_once(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    wait_ready(kc, t0 + 60)
    elapsed = time.perf_counter() - t0
    return km, kc, elapsed


def round_trips(kc, n):
    """Execute `1+1` n times; each time wait (blocking, as nbclient does) for the reply on
    shell, then for the iopub `idle` of the request."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        msg_id = kc.execute("1+1")
        while kc.get_shell_msg(timeout=5)["parent_header"].get("msg_id") != msg_id:
            pass
        while True:
            m = kc.get_iopub_msg(timeout=5)
            if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle"):
                break
        times.append(time.perf_counter() - t0)
    return times


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None) if provisioner else None
    return process.pid if process else km.kernel.pid


def measure(name):
    starts = []
    for _ in range(STARTS):
        km, kc, elapsed = start_once(name)
        starts.append(elapsed)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    km, kc, _ = start_once(name)
    round_trips(kc, 20)  # warm up
    trips = sorted(round_trips(kc, ROUND_TRIPS))
    time.sleep(0.5)
    rss = rss_mb(kernel_pid(km))
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    p = lambda q: trips[min(len(trips) - 1, int(q * len(trips)))]
    return {"start_median_s": statistics.median(starts), "start_min_s": min(starts),
            "rtt_p50_ms": p(0.50) * 1e3, "rtt_p99_ms": p(0.99) * 1e3, "idle_rss_mb": rss}


def main():
    kernels = sys.argv[1:] or ["beamtime", "python3"]
    results = {name: measure(name) for name in kernels}
    print(f"kernel benchmark: {STARTS} starts, {ROUND_TRIPS} round trips of 1+1 (jupyter_client)")
    print(f"{'':22}" + "".join(f"{k:>14}" for k in kernels) + ("       ratio" if len(kernels) == 2 else ""))
    rows = [("start to ready (med)", "start_median_s", "s", 3), ("start to ready (min)", "start_min_s", "s", 3),
            ("1+1 round trip p50", "rtt_p50_ms", "ms", 3), ("1+1 round trip p99", "rtt_p99_ms", "ms", 3),
            ("idle kernel RSS", "idle_rss_mb", "MB", 1)]
    for label, key, unit, digits in rows:
        values = [results[k][key] for k in kernels]
        line = f"{label:22}" + "".join(f"{v:>11.{digits}f} {unit:2}" for v in values)
        if len(kernels) == 2 and values[0] > 0:
            line += f"   {values[1] / values[0]:7.1f}x"
        print(line)
    if len(kernels) == 2:
        print(f"(ratio = {kernels[1]} / {kernels[0]}: how many times faster or smaller {kernels[0]} is)")
    out = os.environ.get("BENCH_JSON")
    if out:
        with open(out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()

"""Writes N small runs as bluesky JSON Lines (start, descriptor, 3 events, stop each), with
samples drawn so that one sample name matches exactly 20 runs."""
import json
import random
import sys
import uuid

n = int(sys.argv[1])
random.seed(1)
t0 = 1_700_000_000.0
with open(sys.argv[2], "w") as f:
    for i in range(n):
        uid = str(uuid.uuid4())
        sample = "needle" if i % (n // 20) == 7 else f"sample-{random.randrange(1000)}"
        start = {"uid": uid, "time": t0 + i, "scan_id": i + 1, "plan_name": random.choice(["count", "scan"]),
                 "sample": sample, "operator": random.choice(["ada", "grace", "rosalind"]),
                 "purpose": f"calibration run {i} of the {random.choice(['morning', 'evening'])} shift"}
        desc = str(uuid.uuid4())
        f.write(json.dumps(["start", start]) + "\n")
        f.write(json.dumps(["descriptor", {"uid": desc, "time": t0 + i, "run_start": uid, "name": "primary",
                                           "data_keys": {"det": {"dtype": "number", "shape": [], "source": "SIM:det"}}}]) + "\n")
        for s in range(3):
            f.write(json.dumps(["event", {"uid": str(uuid.uuid4()), "time": t0 + i + s * 0.1, "descriptor": desc,
                                          "seq_num": s + 1, "data": {"det": random.random()}, "timestamps": {"det": t0 + i}}]) + "\n")
        f.write(json.dumps(["stop", {"uid": str(uuid.uuid4()), "time": t0 + i + 1, "run_start": uid,
                                     "exit_status": "success", "num_events": {"primary": 3}}]) + "\n")

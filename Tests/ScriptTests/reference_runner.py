"""Runs every corpus program under CPython and prints, as JSON, each one's stdout and the
name of its uncaught exception (or null). Used by CorpusTests as the reference."""
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def run(path):
    p = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60)
    exception = None
    if p.returncode != 0:
        lines = p.stderr.strip().splitlines()
        exception = lines[-1].split(":", 1)[0] if lines else "unknown"
    return path, {"stdout": p.stdout, "exception": exception}


with ThreadPoolExecutor(max_workers=4) as pool:
    results = dict(pool.map(run, sys.argv[1:]))
json.dump(results, sys.stdout)

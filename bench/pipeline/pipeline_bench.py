#!/usr/bin/env python3
"""The pipeline benchmark behind bench/pipeline/run (run with the repository's .venv Python).

Times, in the same run, Beamtime's template → notebook → report pipeline against papermill +
ipykernel + nbconvert on a Python original of the same template (peak_alignment_python.ipynb):

  (a) one template execution: `beamtime execute` (in-process kernel, and over ZeroMQ with
      --no-in-process; also `beamtime execute` of the Python template on ipykernel) against
      `papermill -k python3` of the Python template; median of BENCH_REPEAT runs after one
      warm-up run each;
  (b) N_RUNS reports: `beamtime watch --backfill --once` over N_RUNS stopped scans with
      --jobs 1 and --jobs 2 against papermill run N_RUNS times sequentially and 2 at a time;
  (c) `beamtime report --to html|markdown` against `jupyter-nbconvert --to html|markdown` on the
      same executed notebooks (our executed one and papermill's); median of BENCH_REPEAT;
  (d) stop document → HTML report under a running `beamtime watch`, median over D_SCANS scans;
      the peer figure is papermill (a) + nbconvert --to html (c) of one run.

Environment: BEAMTIME_BIN (required), BENCH_TMP (a scratch directory, required), BENCH_REPEAT (5),
N_RUNS (20), D_SCANS (5), BENCH_OUT (where the table is also written). Ratios are peer / Beamtime:
above 1, Beamtime is faster.
"""

import json
import os
import platform
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV = ROOT / ".venv"
BT = os.environ["BEAMTIME_BIN"]
TMP = Path(os.environ["BENCH_TMP"])
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
N_RUNS = int(os.environ.get("N_RUNS", "20"))
D_SCANS = int(os.environ.get("D_SCANS", "5"))
TEMPLATE = ROOT / "templates" / "peak-alignment.ipynb"
PY_TEMPLATE = HERE / "peak_alignment_python.ipynb"
PAPERMILL = str(VENV / "bin" / "papermill")
NBCONVERT = str(VENV / "bin" / "jupyter-nbconvert")
SCAN = "RE(scan([det], motor, -2, 2, 31))"
TIMEOUT = 300

problems = []  # (where, message) for the PROBLEMS section
rows = []  # (section, label, peer label, peer seconds, our seconds, note)


def env_for(home=None):
    """Children see the venv (its python3 kernelspec, its `python`), the temporary Jupyter path
    with the beamtime kernelspec, and their own BEAMTIME_HOME."""
    env = dict(os.environ)
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = f"{VENV / 'bin'}:{env.get('PATH', '')}"
    env["JUPYTER_PATH"] = str(TMP / "prefix" / "share" / "jupyter")
    env["PYTHONWARNINGS"] = "ignore::DeprecationWarning"
    env.pop("PYTHONHOME", None)
    if home is not None:
        env["BEAMTIME_HOME"] = str(home)
    return env


def head(text, n=6):
    lines = (text or "").strip("\n").splitlines()
    return "\n".join("      " + line for line in lines[-n:])


def run(cmd, where, home=None, cwd=None, stdin=None):
    """Runs cmd, returns (seconds, CompletedProcess); records a problem when it fails."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, env=env_for(home), cwd=cwd, input=stdin, capture_output=True,
                           text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        problems.append((where, f"timed out after {TIMEOUT} s: {' '.join(map(str, cmd))}"))
        return None, None
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        problems.append((where, f"exit status {p.returncode}: {' '.join(map(str, cmd))}\n{head(p.stderr or p.stdout)}"))
        return None, p
    return dt, p


def median_of(cmd_for, where, home=None, warmup=True):
    """Median wall time of REPEAT runs of cmd_for(i) (plus one untimed warm-up run)."""
    times = []
    if warmup:
        dt, _ = run(cmd_for(-1), where + " (warm-up)", home)
        if dt is None:
            return None, []
    for i in range(REPEAT):
        dt, _ = run(cmd_for(i), where, home)
        if dt is None:
            return None, times
        times.append(dt)
    return statistics.median(times), times


def record_scans(home, n):
    program = SCAN if n == 1 else f"for i in range({n}):\n    {SCAN}\n"
    dt, _ = run([BT, "exec", "-"], f"recording {n} scan(s)", home, stdin=program)
    if dt is None:
        sys.exit("pipeline benchmark: could not record scans with `beamtime exec -`; see above\n"
                 + "\n".join(f"{w}: {m}" for w, m in problems))
    with sqlite3.connect(home / "catalog.sqlite") as db:
        return [row[0] for row in db.execute("SELECT uid FROM runs WHERE stop_time IS NOT NULL ORDER BY time")]


def write_scan_json(path, uid, scan_id):
    """The scan as the Python template reads it: the same data the simulated det gives."""
    import numpy as np
    x = np.linspace(-2.0, 2.0, 31)
    doc = {"uid": uid, "scan_id": scan_id, "plan_name": "scan", "motors": ["motor"], "exit_status": "success",
           "data": {"motor": x.tolist(), "det": np.exp(-x ** 2 / 2).tolist()}}
    path.write_text(json.dumps(doc))


def glued(nb_path):
    """center and fwhm as glued by either template (scrapbook display data)."""
    nb = json.loads(Path(nb_path).read_text())
    values = {}
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            scrap = out.get("data", {}).get("application/scrapbook.scrap.json+json")
            if scrap:
                values[scrap["name"]] = scrap["data"]
    return values


def versions():
    def v(mod):
        try:
            return __import__(mod).__version__
        except Exception as e:  # pragma: no cover - informational only
            return f"? ({e})"
    bt = subprocess.run([BT, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True).stdout.strip()
    return (f"Beamtime {bt} ({BT}), commit {commit}{' + uncommitted changes' if dirty else ''}\n"
            f"peers: papermill {v('papermill')}, nbclient {v('nbclient')}, ipykernel {v('ipykernel')}, "
            f"nbconvert {v('nbconvert')}, lmfit {v('lmfit')}, matplotlib {v('matplotlib')}, numpy {v('numpy')}, "
            f"Python {platform.python_version()}\n"
            f"host: {platform.node()}, {platform.machine()}, {os.cpu_count()} CPUs, load average at start "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")


# --- setup ----------------------------------------------------------------------------------

def setup():
    TMP.mkdir(parents=True, exist_ok=True)
    p = subprocess.run([BT, "install", "--prefix", str(TMP / "prefix")], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"pipeline benchmark: beamtime install failed: {p.stderr}")


# --- (a) one template execution ---------------------------------------------------------------

def section_a():
    home = TMP / "a" / "home"
    work = TMP / "a"
    home.mkdir(parents=True)
    uid = record_scans(home, 1)[-1]
    data = work / "scan.json"
    write_scan_json(data, uid, 1)
    ours_nb, zmq_nb = work / "ours.ipynb", work / "ours-zmq.ipynb"
    pm_nb, btpy_nb = work / "papermill.ipynb", work / "beamtime-python3.ipynb"

    ours, ours_t = median_of(lambda i: [BT, "execute", str(TEMPLATE), str(ours_nb), "-r", "run_uid", uid],
                             "(a) beamtime execute (in-process)", home)
    pm, pm_t = median_of(lambda i: [PAPERMILL, "--no-progress-bar", "-k", "python3", str(PY_TEMPLATE), str(pm_nb),
                                    "-r", "run_uid", uid, "-r", "data_path", str(data)],
                         "(a) papermill -k python3", home)
    zmq, zmq_t = median_of(lambda i: [BT, "execute", str(TEMPLATE), str(zmq_nb), "-r", "run_uid", uid,
                                      "-k", "beamtime", "--no-in-process"],
                           "(a) beamtime execute -k beamtime --no-in-process", home)
    btpy, btpy_t = median_of(lambda i: [BT, "execute", str(PY_TEMPLATE), str(btpy_nb), "-k", "python3",
                                        "-r", "run_uid", uid, "-r", "data_path", str(data)],
                             "(a) beamtime execute -k python3 (Python template)", home)
    rows.append(("a", "execute 1 run: beamtime execute, in-process kernel", "papermill + ipykernel", pm, ours, ""))
    rows.append(("a", "  beamtime execute -k beamtime --no-in-process (ZeroMQ)", "papermill + ipykernel", pm, zmq, ""))
    rows.append(("a", "  beamtime execute of the Python template on ipykernel", "papermill + ipykernel", pm, btpy,
                 "same kernel and notebook: executor overhead only"))
    detail = {"beamtime in-process": ours_t, "papermill": pm_t, "beamtime --no-in-process": zmq_t,
              "beamtime execute -k python3": btpy_t}

    # Both analyses must agree (same data, same model).
    checks = []
    for name, path in (("Beamtime", ours_nb), ("Beamtime ZeroMQ", zmq_nb), ("lmfit/papermill", pm_nb),
                       ("lmfit/beamtime execute", btpy_nb)):
        if path.exists():
            g = glued(path)
            checks.append(f"{name} center {g.get('center', '?'):.6g} fwhm {g.get('fwhm', '?'):.6g}"
                          if "center" in g and "fwhm" in g else f"{name}: no glued center/fwhm")
            if "center" not in g:
                problems.append(("(a) check", f"{path.name} has no glued center"))
    durations = []
    for name, path in (("Beamtime", ours_nb), ("Beamtime ZeroMQ", zmq_nb), ("papermill", pm_nb),
                       ("beamtime execute -k python3", btpy_nb)):
        if path.exists():
            meta = json.loads(path.read_text())["metadata"].get("papermill", {})
            cells = sum((c["metadata"].get("papermill", {}).get("duration") or 0)
                        for c in json.loads(path.read_text())["cells"])
            durations.append(f"{name} {meta.get('duration', 0):.3f} (cells {cells:.3f})")
    return {"ours_nb": ours_nb, "pm_nb": pm_nb, "papermill": pm, "times": detail, "check": "; ".join(checks),
            "durations": "; ".join(durations)}


# --- (b) N_RUNS reports -----------------------------------------------------------------------

def section_b():
    home = TMP / "b" / "home"
    home.mkdir(parents=True)
    uids = record_scans(home, N_RUNS)
    if len(uids) != N_RUNS:
        problems.append(("(b) setup", f"expected {N_RUNS} stopped runs, catalogue has {len(uids)}"))
    data = TMP / "b" / "scan.json"
    write_scan_json(data, uids[0], 1)
    result = {}
    for jobs in (1, 2):
        work = TMP / "b" / f"watch-jobs{jobs}"
        (work / "out").mkdir(parents=True)
        template = work / "peak-alignment.ipynb"  # a copy per measurement: the ledger is per template path
        shutil.copy(TEMPLATE, template)
        dt, p = run([BT, "watch", "--template", str(template), "--out", str(work / "out"), "--jobs", str(jobs),
                     "--backfill", "--once"], f"(b) beamtime watch --jobs {jobs}", home)
        htmls = list((work / "out").glob("*.html"))
        if dt is not None and len(htmls) != len(uids):
            problems.append((f"(b) beamtime watch --jobs {jobs}",
                             f"{len(htmls)} HTML reports for {len(uids)} runs; stdout:\n{head(p.stdout, 4)}"))
        if p is not None:
            bad = [line for line in p.stdout.splitlines() if ": completed in" not in line and line.strip()]
            if bad:
                problems.append((f"(b) beamtime watch --jobs {jobs}", "report lines that are not 'completed':\n"
                                 + "\n".join("      " + b for b in bad[:4])))
        with sqlite3.connect(home / "catalog.sqlite") as db:
            done = db.execute("SELECT count(*) FROM reports WHERE template = ? AND status = 'completed'",
                              (str(template),)).fetchone()[0]
        if done != len(uids):
            problems.append((f"(b) beamtime watch --jobs {jobs}",
                             f"the catalogue's reports table has {done} completed reports for {len(uids)} runs"))
        result[f"watch{jobs}"] = dt

    def papermill_one(i, tag):
        out = TMP / "b" / f"papermill-{tag}" / f"run-{i:03d}.ipynb"
        out.parent.mkdir(exist_ok=True)
        return run([PAPERMILL, "--no-progress-bar", "-k", "python3", str(PY_TEMPLATE), str(out),
                    "-r", "run_uid", uids[i], "-r", "data_path", str(data)], f"(b) papermill ({tag})", home)[0]

    t0 = time.perf_counter()
    seq = [papermill_one(i, "sequential") for i in range(len(uids))]
    result["pm1"] = time.perf_counter() - t0 if all(s is not None for s in seq) else None
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        par = list(pool.map(lambda i: papermill_one(i, "parallel"), range(len(uids))))
    result["pm2"] = time.perf_counter() - t0 if all(s is not None for s in par) else None

    n = len(uids)
    rows.append(("b", f"{n} runs: beamtime watch --backfill --once --jobs 1", f"papermill × {n}, sequential",
                 result["pm1"], result["watch1"], "ours also writes HTML + Markdown + catalogue rows"))
    rows.append(("b", f"{n} runs: beamtime watch --backfill --once --jobs 2", f"papermill × {n}, 2 in parallel",
                 result["pm2"], result["watch2"], "ours also writes HTML + Markdown + catalogue rows"))
    for key, label in (("pm1", "papermill sequential"), ("pm2", "papermill 2 parallel"),
                       ("watch1", "watch --jobs 1"), ("watch2", "watch --jobs 2")):
        if result[key] is not None:
            result[key + "_per_run"] = result[key] / n
    return result


# --- (c) rendering ----------------------------------------------------------------------------

def section_c(a):
    result = {}
    out = TMP / "c"
    out.mkdir()
    for nb_name, nb in (("ours", a["ours_nb"]), ("papermill", a["pm_nb"])):
        if not nb.exists():
            problems.append(("(c)", f"no executed notebook {nb}"))
            continue
        for fmt, ext in (("html", "html"), ("markdown", "md")):
            ours, _ = median_of(lambda i: [BT, "report", str(nb), "--to", fmt, "-o", str(out / f"bt-{nb_name}-{i}.{ext}")],
                                f"(c) beamtime report --to {fmt} ({nb_name})")
            peer, _ = median_of(lambda i: [NBCONVERT, "--to", fmt, str(nb), "--output-dir", str(out),
                                           "--output", f"nbc-{nb_name}-{i}"],
                                f"(c) nbconvert --to {fmt} ({nb_name})")
            result[(nb_name, fmt)] = (peer, ours)
            which = "our executed notebook" if nb_name == "ours" else "papermill's executed notebook"
            rows.append(("c", f"render --to {fmt}, {which}", f"jupyter nbconvert --to {fmt}", peer, ours, ""))
    sizes = []
    for pattern in ("bt-ours-0.html", "nbc-ours-0.html", "bt-papermill-0.html", "nbc-papermill-0.html"):
        f = out / pattern
        sizes.append(f"{pattern} {f.stat().st_size // 1024} KiB" if f.exists() else f"{pattern} missing")
    result["sizes"] = ", ".join(sizes)
    return result


# --- (d) stop → HTML under a running watcher --------------------------------------------------

def section_d(a, c):
    home = TMP / "d" / "home"
    work = TMP / "d"
    (work / "out").mkdir(parents=True)
    home.mkdir(parents=True)
    template = work / "peak-alignment.ipynb"
    shutil.copy(TEMPLATE, template)
    record_scans(home, 1)  # creates the catalogue before the watcher opens it; not reported (no --backfill)
    watcher = subprocess.Popen([BT, "watch", "--template", str(template), "--out", str(work / "out")],
                               env=env_for(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []  # (arrival time, line)
    cond = threading.Condition()

    def reader():
        for line in watcher.stdout:
            with cond:
                lines.append((time.time(), line.rstrip("\n")))
                cond.notify_all()
    threading.Thread(target=reader, daemon=True).start()
    stderr_lines = []
    threading.Thread(target=lambda: stderr_lines.extend(watcher.stderr), daemon=True).start()
    time.sleep(1.0)  # let it start (and take its start time) before the first scan
    latencies, line_latencies = [], []
    try:
        for k in range(D_SCANS):
            if watcher.poll() is not None:
                problems.append(("(d)", f"the watcher exited with {watcher.returncode}:\n{head(''.join(stderr_lines))}"))
                break
            dt, _ = run([BT, "exec", "-"], "(d) beamtime exec (scan)", home, stdin=SCAN)
            if dt is None:
                break
            with sqlite3.connect(home / "catalog.sqlite") as db:
                uid, stop_time = db.execute("SELECT uid, stop_time FROM runs ORDER BY time DESC LIMIT 1").fetchone()
            deadline = time.time() + 60
            found = None
            with cond:
                while found is None and time.time() < deadline:
                    found = next(((t, l) for t, l in lines if uid[:8] in l), None)
                    if found is None:
                        cond.wait(timeout=0.5)
            if found is None:
                problems.append(("(d)", f"no report for run {uid[:8]} within 60 s"))
                continue
            t_line, line = found
            if ": completed in" not in line:
                problems.append(("(d)", f"report line: {line}"))
            html = line.split("→", 1)[1].strip() if "→" in line else None
            if html and not os.path.isabs(html):
                html = str(work / html)
            if html and os.path.exists(html):
                latencies.append(os.stat(html).st_mtime - stop_time)
            else:
                problems.append(("(d)", f"no HTML file in: {line}"))
            line_latencies.append(t_line - stop_time)
            time.sleep(0.3)  # spread the scans over the watcher's 0.1 s poll
    finally:
        watcher.send_signal(signal.SIGTERM)
        try:
            watcher.wait(timeout=30)
        except subprocess.TimeoutExpired:
            problems.append(("(d)", "the watcher did not stop within 30 s of SIGTERM; killed"))
            watcher.kill()
            watcher.wait()
    lat = statistics.median(latencies) if latencies else None
    peer = None
    pm = a.get("papermill")
    nbc = c.get(("papermill", "html"), (None, None))[0]
    if pm is not None and nbc is not None:
        peer = pm + nbc
    rows.append(("d", "stop document → HTML report, beamtime watch", "papermill (a) + nbconvert html (c)",
                 peer, lat, "peer is by hand, not a watcher"))
    return {"latencies": latencies, "line_latencies": line_latencies}


# --- table ------------------------------------------------------------------------------------

def fmt(x):
    return "error" if x is None else f"{x:.3f}"


def main():
    t_start = time.perf_counter()
    setup()
    header = versions()
    print(f"pipeline benchmark: Beamtime against papermill + ipykernel + nbconvert (sections a-d, a few minutes)",
          file=sys.stderr, flush=True)
    sections = {}
    steps = (("a", lambda: section_a()), ("b", lambda: section_b()), ("c", lambda: section_c(sections["a"])),
             ("d", lambda: section_d(sections["a"], sections["c"])))
    for name, step in steps:
        t0 = time.perf_counter()
        sections[name] = step()
        print(f"  ({name}) done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)

    out = []
    out.append(header)
    out.append(f"repeats: median of {REPEAT} after 1 warm-up (a, c); {N_RUNS} runs (b); {D_SCANS} scans (d); "
               "seconds of wall clock; ratio = peer / Beamtime (above 1: Beamtime is faster)")
    out.append("")
    w = 60
    out.append(f"{'measurement':{w}} {'peer':36} {'peer s':>8} {'ours s':>8} {'ratio':>7}")
    section_titles = {"a": "(a) one template execution (peak alignment, 31 points)",
                      "b": f"(b) {N_RUNS} reports",
                      "c": "(c) rendering an executed notebook",
                      "d": "(d) latency, run stop → HTML report"}
    last = None
    for sec, label, peer_label, peer, ours, note in rows:
        if sec != last:
            out.append(section_titles[sec])
            last = sec
        ratio = f"{peer / ours:7.1f}" if peer is not None and ours else "      -"
        out.append(f"  {label:{w - 2}} {peer_label:36} {fmt(peer):>8} {fmt(ours):>8} {ratio}")
        if note:
            out.append(f"  {'':{w - 2}}   ({note})")
    out.append("")
    a, b, c, d = sections["a"], sections["b"], sections["c"], sections["d"]
    out.append("(a) all times: " + "; ".join(f"{k} " + " ".join(f"{t:.3f}" for t in v) for k, v in a["times"].items()))
    out.append("(a) check: " + a["check"])
    out.append("(a) metadata.papermill.duration of the last run, s (kernel start to end; sum of cell durations): "
               + a["durations"])
    per_run = [f"{k[:-8]} {b[k]:.3f}" for k in ("pm1_per_run", "pm2_per_run", "watch1_per_run", "watch2_per_run") if k in b]
    out.append("(b) seconds per run: " + ", ".join(per_run))
    out.append("(c) page sizes: " + c["sizes"])
    out.append("(d) stop → HTML mtime, s: " + " ".join(f"{x:.3f}" for x in d["latencies"])
               + " | stop → watcher's report line, s: " + " ".join(f"{x:.3f}" for x in d["line_latencies"]))
    out.append(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
               f"benchmark took {time.perf_counter() - t_start:.0f} s")
    if problems:
        out.append("")
        out.append(f"PROBLEMS ({len(problems)}):")
        for where, msg in problems:
            out.append(f"  {where}: {msg}")
    text = "\n".join(out)
    print(text)
    dest = os.environ.get("BENCH_OUT")
    if dest:
        Path(dest).write_text(text + "\n")
        print(f"\nwritten to {dest}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Timing and reporting helper for bench/run (standard library only).

  timing.py measure --name NAME --impl IMPL --repeat N --timeout S --out FILE -- CMD...
      Runs CMD up to N times, timing each run's wall clock with time.perf_counter,
      and appends one JSON record (best time, all times, stdout, exit status, head of
      stderr) to FILE. A run that fails or times out ends the repeats for that command.

  timing.py report --results FILE --json OUT --bench-dir DIR [--meta KEY=VALUE ...]
      Reads the records, checks that CPython and Beamtime printed the same output,
      prints the table and the cost per yield, and writes everything to OUT as JSON.
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time

STDERR_LINES = 5  # lines of stderr shown for a failing run
YIELD_BENCH = "generator_yield"
STARTUP_BENCH = "startup"


def head(text, n=STDERR_LINES):
    lines = text.strip("\n").splitlines()
    out = lines[:n]
    if len(lines) > n:
        out.append(f"... ({len(lines) - n} more lines)")
    return out


def measure(args):
    cmd = args.cmd
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    record = {
        "name": args.name,
        "impl": args.impl,
        "command": cmd,
        "times": [],
        "best": None,
        "status": "ok",
        "returncode": 0,
        "stdout": None,
        "stderr_head": [],
        "unstable_output": False,
    }
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=args.timeout
            )
        except subprocess.TimeoutExpired as exc:
            record["status"] = "timeout"
            record["returncode"] = None
            record["stderr_head"] = [f"killed after {args.timeout:g} s"] + head(
                (exc.stderr or b"").decode("utf-8", "replace")
            )
            break
        except OSError as exc:  # missing or non-executable binary
            record["status"] = "error"
            record["returncode"] = None
            record["stderr_head"] = [f"cannot run {cmd[0]}: {exc}"]
            break
        elapsed = time.perf_counter() - t0
        out = proc.stdout.decode("utf-8", "replace")
        if proc.returncode != 0:
            record["status"] = "error"
            record["returncode"] = proc.returncode
            record["stdout"] = out
            record["stderr_head"] = head(proc.stderr.decode("utf-8", "replace")) or [
                f"(exit status {proc.returncode}, no stderr)"
            ]
            break
        if record["stdout"] is not None and out != record["stdout"]:
            record["unstable_output"] = True
        record["stdout"] = out
        record["times"].append(elapsed)
    if record["status"] == "ok":
        record["best"] = min(record["times"])
    with open(args.out, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    shown = f"{record['best']:.3f} s" if record["status"] == "ok" else record["status"]
    print(f"  {args.impl:<8} {shown}", file=sys.stderr, flush=True)


def fmt_s(rec):
    if rec is None:
        return "-"
    if rec["status"] != "ok":
        return rec["status"]
    return f"{rec['best']:.3f}"


def yields_in(bench_dir):
    """Number of suspensions in generator_yield.py, from its `# bench-yields:` marker."""
    path = os.path.join(bench_dir, YIELD_BENCH + ".py")
    try:
        with open(path, encoding="utf-8") as f:
            m = re.search(r"^# bench-yields:\s*([0-9_]+)", f.read(), re.M)
    except OSError:
        return None
    return int(m.group(1).replace("_", "")) if m else None


def per_yield_us(by_impl, impl, n_yields):
    gen = by_impl.get((YIELD_BENCH, impl))
    if not n_yields or gen is None or gen["status"] != "ok":
        return None, None
    base = by_impl.get((STARTUP_BENCH, impl))
    base_s = base["best"] if base is not None and base["status"] == "ok" else 0.0
    return (gen["best"] - base_s) / n_yields * 1e6, base_s


def report(args):
    records = []
    with open(args.results, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
    names = []
    by_impl = {}
    for r in records:
        if r["name"] not in names:
            names.append(r["name"])
        by_impl[(r["name"], r["impl"])] = r
    meta = dict(kv.split("=", 1) for kv in args.meta)

    rows = []
    notes = {}
    for name in names:
        cp = by_impl.get((name, "cpython"))
        bt = by_impl.get((name, "beamtime"))
        ratio = None
        check = "ok"
        lines = []
        if cp is None or cp["status"] != "ok":
            check = "cpython " + (cp["status"] if cp else "missing")
            if cp:
                lines += ["cpython stderr: " + l for l in cp["stderr_head"]]
        if bt is None or bt["status"] != "ok":
            check = "beamtime " + (bt["status"] if bt else "missing") if check == "ok" else check
            if bt:
                lines += ["beamtime stderr: " + l for l in bt["stderr_head"]]
        if cp and bt and cp["status"] == "ok" and bt["status"] == "ok":
            ratio = cp["best"] / bt["best"] if bt["best"] > 0 else None
            if cp["stdout"].rstrip() != bt["stdout"].rstrip():
                check = "MISMATCH"
                lines.append("cpython  printed: " + repr(cp["stdout"].rstrip()))
                lines.append("beamtime printed: " + repr(bt["stdout"].rstrip()))
        for impl, rec in (("cpython", cp), ("beamtime", bt)):
            if rec and rec.get("unstable_output"):
                lines.append(f"warning: {impl} output differed between repeats")
        rows.append(
            {
                "name": name,
                "cpython_s": cp["best"] if cp else None,
                "beamtime_s": bt["best"] if bt else None,
                "ratio": ratio,
                "check": check,
                "cpython": cp,
                "beamtime": bt,
            }
        )
        notes[name] = lines

    # Table.
    w = max([len("benchmark")] + [len(n) for n in names])
    header = f"{'benchmark':<{w}}  {'CPython s':>10}  {'Beamtime s':>10}  {'ratio':>7}  check"
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "-"
        print(
            f"{row['name']:<{w}}  {fmt_s(row['cpython']):>10}  {fmt_s(row['beamtime']):>10}"
            f"  {ratio:>7}  {row['check']}"
        )
        for line in notes[row["name"]]:
            print(f"{'':<{w}}    | {line}")
    print("ratio = CPython s / Beamtime s (> 1 means Beamtime is faster); best of "
          f"{meta.get('repeat', '?')} runs, wall clock incl. start-up.")

    # Cost per yield.
    n_yields = yields_in(args.bench_dir)
    per_yield = {}
    if (YIELD_BENCH, "cpython") in by_impl or (YIELD_BENCH, "beamtime") in by_impl:
        print()
        parts = []
        for impl, label in (("cpython", "CPython"), ("beamtime", "Beamtime")):
            us, base = per_yield_us(by_impl, impl, n_yields)
            per_yield[impl] = {"us_per_yield": us, "startup_s_subtracted": base}
            parts.append(f"{label} {us:.3f} µs" if us is not None else f"{label} -")
        print(f"per yield ({YIELD_BENCH}, {n_yields or '?'} suspensions, start-up "
              f"subtracted): " + ", ".join(parts))
        if (STARTUP_BENCH, "cpython") not in by_impl:
            print("  (startup not measured: start-up time is included)")

    mismatches = [r["name"] for r in rows if r["check"] != "ok"]
    if mismatches:
        print()
        print("PROBLEMS: " + ", ".join(f"{r['name']} ({r['check']})" for r in rows
                                      if r["check"] != "ok"))

    doc = {
        "kind": "language",
        "date": datetime.date.today().isoformat(),
        "timestamp": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "host": {
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
        },
        "meta": meta,
        "yields": n_yields,
        "per_yield": per_yield,
        "benchmarks": rows,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    print()
    print(f"results written to {args.json}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--name", required=True)
    m.add_argument("--impl", required=True, choices=["cpython", "beamtime"])
    m.add_argument("--repeat", type=int, default=3)
    m.add_argument("--timeout", type=float, default=600.0)
    m.add_argument("--out", required=True)
    m.add_argument("cmd", nargs=argparse.REMAINDER)
    r = sub.add_parser("report")
    r.add_argument("--results", required=True)
    r.add_argument("--json", required=True)
    r.add_argument("--bench-dir", required=True)
    r.add_argument("--meta", action="append", default=[], help="KEY=VALUE, repeatable")
    args = p.parse_args()
    if args.what == "measure":
        if args.repeat < 1 or not args.cmd or args.cmd == ["--"]:
            p.error("measure needs --repeat >= 1 and a command after --")
        measure(args)
    else:
        report(args)


if __name__ == "__main__":
    main()

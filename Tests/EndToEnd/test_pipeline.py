"""The per-scan pipeline end to end: `beamtime demo`, `beamtime watch` (restart, --jobs,
--where, two watchers at once), `auto_report` in a session, and the records in the catalogue.

Each test uses its own BEAMTIME_HOME, so catalogues and report directories are fresh.
"""

import glob
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("BEAMTIME_BINARY", os.path.join(REPOSITORY, ".build", "debug", "beamtime"))
PEAK_TEMPLATE = os.path.join(REPOSITORY, "templates", "peak-alignment.ipynb")
TIMEOUT = 120


class PipelineTestCase(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="beamtime-pipeline-")
        self.out = os.path.join(self.home, "reports-out")
        self.env = dict(os.environ, BEAMTIME_HOME=self.home, VIRTUAL_ENV=sys.prefix)
        self.watchers = []

    def tearDown(self):
        for process in self.watchers:
            if process.poll() is None:
                process.kill()
                process.wait()

    def run_cells(self, code):
        result = subprocess.run([BINARY, "exec", "-"], input=code, text=True, capture_output=True, timeout=TIMEOUT,
                                env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def scan(self, points=21, **metadata):
        extra = "".join(f", {key}={value!r}" for key, value in metadata.items())
        self.run_cells(f"RE(scan([det], motor, -2, 2, {points}){extra})\n")

    def start_watcher(self, *extra):
        process = subprocess.Popen([BINARY, "watch", "--template", PEAK_TEMPLATE, "--out", self.out, *extra],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env)
        self.watchers.append(process)
        time.sleep(0.5)  # the watcher records its start time before the first scan stops
        self.assertIsNone(process.poll(), "the watcher is running")
        return process

    def stop_watcher(self, process):
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
        self.assertEqual(process.returncode, 0, err)
        return [line for line in out.splitlines() if line.strip()]

    def database(self):
        return sqlite3.connect(os.path.join(self.home, "catalog.sqlite"))

    def reports(self):
        with self.database() as db:
            return db.execute("SELECT run_uid, status, html, notebook, markdown FROM reports ORDER BY time").fetchall()

    def wait_for_reports(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = [r for r in self.reports() if r[1] != "running"]
            if len(done) >= count:
                return done
            time.sleep(0.1)
        self.fail(f"expected {count} reports, have {self.reports()}")

    def run_uids(self):
        with self.database() as db:
            return [row[0] for row in db.execute("SELECT uid FROM runs ORDER BY time")]


class DemoTests(PipelineTestCase):
    def test_demo_scans_executes_the_template_and_prints_the_report(self):
        result = subprocess.run([BINARY, "demo"], capture_output=True, text=True, timeout=TIMEOUT, env=self.env,
                                cwd=self.home)
        self.assertEqual(result.returncode, 0, result.stderr)
        path = result.stdout.strip().splitlines()[-1]
        self.assertTrue(path.endswith(".html") and os.path.isfile(path), result.stdout)
        with open(path) as f:
            html = f.read()
        self.assertIn("Peak alignment report", html)
        self.assertIn("data:image/svg+xml;base64,", html)
        self.assertEqual([r[1] for r in self.reports()], ["completed"])
        with self.database() as db:
            glued = dict(db.execute("SELECT name, value FROM glue").fetchall())
        self.assertAlmostEqual(json.loads(glued["center"]), 0.0, places=3)
        self.assertEqual(json.loads(glued["scan_id"]), 1)


class WatchTests(PipelineTestCase):
    def test_restart_neither_skips_nor_repeats(self):
        watcher = self.start_watcher()
        self.scan()
        self.scan(points=11)
        self.wait_for_reports(2)
        first = self.stop_watcher(watcher)
        self.assertEqual(len(first), 2, first)
        self.scan(points=15)  # stops while no watcher runs
        watcher = self.start_watcher()
        self.wait_for_reports(3)
        second = self.stop_watcher(watcher)
        self.assertEqual(len(second), 1, second)
        reports = self.reports()
        self.assertEqual(sorted(r[0] for r in reports), sorted(self.run_uids()))
        self.assertEqual([r[1] for r in reports], ["completed"] * 3)
        self.assertEqual(len(glob.glob(os.path.join(self.out, "*.html"))), 3)
        for _, _, html, notebook, markdown in reports:
            self.assertTrue(os.path.isfile(html) and os.path.isfile(notebook) and os.path.isfile(markdown))
        with self.database() as db:
            per_run = db.execute("SELECT run_uid, COUNT(*) FROM glue WHERE name = 'center' GROUP BY run_uid").fetchall()
        self.assertEqual(len(per_run), 3)

    def test_runs_before_the_first_start_are_left_unless_backfilled(self):
        self.scan()
        watcher = self.start_watcher()
        time.sleep(1.0)
        self.assertEqual(self.stop_watcher(watcher), [])
        result = subprocess.run([BINARY, "watch", "--template", PEAK_TEMPLATE, "--out", self.out, "--backfill", "--once"],
                                capture_output=True, text=True, timeout=TIMEOUT, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(result.stdout.strip().splitlines()), 1)

    def test_two_watchers_with_two_jobs_each_report_every_run_once(self):
        for points in (11, 13, 15, 17, 19, 21):
            self.scan(points=points)
        commands = [[BINARY, "watch", "--template", PEAK_TEMPLATE, "--out", self.out, "--backfill", "--once", "--jobs", "2"]
                    for _ in range(2)]
        processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env)
                     for c in commands]
        lines = []
        for process in processes:
            out, err = process.communicate(timeout=TIMEOUT)
            self.assertEqual(process.returncode, 0, err)
            lines += out.strip().splitlines()
        self.assertEqual(len(lines), 6, lines)
        reported = [line.split("(")[1][:8] for line in lines]
        self.assertEqual(len(set(reported)), 6, "no run was reported twice")
        self.assertEqual(sorted(r[0][:8] for r in self.reports()), sorted(u[:8] for u in self.run_uids()))

    def test_where_selects_runs_by_metadata(self):
        watcher = self.start_watcher("--where", "sample=silicon")
        self.scan(sample="silicon")
        self.scan(sample="glass")
        self.scan(sample="silicon")
        self.wait_for_reports(2)
        time.sleep(0.5)
        self.assertEqual(len(self.stop_watcher(watcher)), 2)
        with self.database() as db:
            samples = db.execute("SELECT k.value FROM reports p JOIN run_keys k ON k.run_uid = p.run_uid AND k.key = 'sample'").fetchall()
        self.assertEqual(samples, [("silicon",), ("silicon",)])

    def test_execute_over_a_catalogue_query_runs_each_match_once(self):
        for sample in ("Si", "glass", "Si", "Si", "glass"):
            self.scan(sample=sample)
        command = [BINARY, "execute", PEAK_TEMPLATE, "--runs", "sample=Si", "--out", self.out, "--jobs", "2"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.strip().splitlines()
        self.assertEqual(len(lines), 3, lines)
        self.assertEqual(len({line.split("(")[1][:8] for line in lines}), 3)
        again = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=self.env)
        self.assertEqual(again.stdout.strip(), "", "runs with a report from this template are not run again")
        refused = subprocess.run([BINARY, "execute", PEAK_TEMPLATE, "out.ipynb", "--runs", "all"], capture_output=True,
                                 text=True, timeout=TIMEOUT, env=self.env)
        self.assertEqual(refused.returncode, 2)
        self.assertIn("--out", refused.stderr)

    def test_a_template_without_run_uid_is_refused(self):
        bad = os.path.join(self.home, "bad.ipynb")
        with open(PEAK_TEMPLATE) as f:
            nb = json.load(f)
        nb["cells"][1]["source"] = ["x = 1\n"]
        with open(bad, "w") as f:
            json.dump(nb, f)
        result = subprocess.run([BINARY, "watch", "--template", bad, "--out", self.out, "--once"], capture_output=True,
                                text=True, timeout=TIMEOUT, env=self.env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("run_uid", result.stderr)


class AutoReportTests(PipelineTestCase):
    def test_auto_report_reports_each_run_of_the_session_and_records_failures(self):
        out = self.run_cells(f'RE.subscribe(auto_report({PEAK_TEMPLATE!r}))\n'
                             'RE(scan([det], motor, -2, 2, 21))\n'
                             'RE(count([det]))\n')
        lines = [line for line in out.splitlines() if line.startswith("auto_report:")]
        self.assertEqual(len(lines), 2, out)
        self.assertIn("(completed)", lines[0])
        self.assertIn("(failed): KeyError", lines[1], "a count has no motor: the report says why")
        self.assertEqual(sorted(r[1] for r in self.reports()), ["completed", "failed"])
        # A watcher on the same template finds nothing left to do.
        result = subprocess.run([BINARY, "watch", "--template", PEAK_TEMPLATE, "--out", self.out, "--backfill", "--once"],
                                capture_output=True, text=True, timeout=TIMEOUT, env=self.env)
        self.assertEqual(result.stdout.strip(), "")


if __name__ == "__main__":
    unittest.main()

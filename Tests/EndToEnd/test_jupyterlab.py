"""JupyterLab 4 in a real browser: an expert user's session on the Beamtime kernel.

Installs the kernelspec into this venv (`beamtime install --sys-prefix`), starts
`jupyter lab --no-browser` on 127.0.0.1 with a token, a temporary root directory and private
Jupyter config/data/runtime directories, and drives Debian's chromium through Playwright
(`executable_path`, headless; Playwright never downloads a browser here):

  1. the launcher shows "Beamtime" with its logo; its tile opens a notebook whose kernel
     goes idle;
  2. `RE(scan([det], motor, -1, 1, 21))` shows the live display updated in place, then the
     plot and the peak statistics;
  3. `mot` + Tab offers motor, motor1, ...; Shift-Tab on `scan(` shows its signature and
     docstring;
  4. a long `count`, the toolbar's stop button: the cell ends with the paused message and
     the live header reads "paused" (no ETA); `RE.abort()` ends the run with exit_status
     "abort" and the header says so;
  5. an error shows a coloured traceback with its caret line;
  6. restart the kernel, run a cell again, save and close the notebook;
  7. the tutorial notebooks in notebooks/: each opens, runs all cells (Run > Run All Cells)
     without error, is saved, and the saved file holds the outputs;
  8. File > Shut Down stops the server cleanly (exit status 0, no kernel left).

The steps run in this order against one server and one browser page (unittest sorts the
test names); a step whose precondition failed is skipped. A screenshot of every step goes
to $BEAMTIME_SCREENSHOTS (default test-output/screenshots/jupyterlab/), with the server's
log and the browser console. Needs BEAMTIME_BINARY (Tests/EndToEnd/run sets it), jupyterlab
and playwright in this venv (.ci/requirements.txt) and chromium (.ci/install).

Run alone: Tests/EndToEnd/run .build/debug/beamtime jupyterlab
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

import nbformat

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("BEAMTIME_BINARY", os.path.join(REPOSITORY, ".build", "debug", "beamtime"))
NOTEBOOKS = os.path.join(REPOSITORY, "notebooks")
TUTORIALS = sorted(name for name in os.listdir(NOTEBOOKS) if re.match(r"\d\d-.*\.ipynb$", name))
SCREENSHOTS = os.environ.get("BEAMTIME_SCREENSHOTS",
                             os.path.join(REPOSITORY, "test-output", "screenshots", "jupyterlab"))
CHROMIUM = os.environ.get("BEAMTIME_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
KERNEL_DISPLAY_NAME = "Beamtime"

SERVER_START_TIMEOUT = 60      # s, until /api/status answers
UI_TIMEOUT = 30_000            # ms, for anything the page shows
CELL_TIMEOUT = 60_000          # ms, for one cell to finish
VIEWPORT = {"width": 1400, "height": 1000}

# The visible notebook panel (JupyterLab hides the others with lm-mod-hidden).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


# ---------------------------------------------------------------------------------------
# The server


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """`jupyter lab` on 127.0.0.1 with a random token, a temporary root directory and
    private config, data and runtime directories (so nothing of the user's Jupyter is read
    or written). Kernels are found on Jupyter's default path, which holds this venv's
    share/jupyter (where `beamtime install --sys-prefix` writes); JUPYTER_PATH is dropped so
    another kernelspec of the same name cannot shadow it."""

    def __init__(self, directory, log_path, extra_env=None):
        self.directory = directory
        self.root = os.path.join(directory, "root")
        self.config = os.path.join(directory, "config")
        self.data = os.path.join(directory, "data")
        self.runtime = os.path.join(directory, "runtime")
        self.home = os.path.join(directory, "beamtime-home")
        for path in (self.root, self.config, self.data, self.runtime, self.home):
            os.makedirs(path, exist_ok=True)
        self.log_path = log_path
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.process = None
        self.env = dict(os.environ)
        self.env.pop("JUPYTER_PATH", None)
        self.env.update({
            "JUPYTER_CONFIG_DIR": self.config,
            "JUPYTER_DATA_DIR": self.data,
            "JUPYTER_RUNTIME_DIR": self.runtime,
            "BEAMTIME_HOME": self.home,
            "VIRTUAL_ENV": sys.prefix,
            "PATH": os.path.join(sys.prefix, "bin") + os.pathsep + os.environ.get("PATH", ""),
        })
        self.env.update(extra_env or {})
        # No news, no update check, no "would you like to receive notifications?" toast.
        settings = os.path.join(self.config, "lab", "user-settings", "@jupyterlab", "apputils-extension")
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, "notification.jupyterlab-settings"), "w") as f:
            json.dump({"fetchNews": "false", "checkForUpdates": False}, f)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path="lab"):
        # ?reset: start from an empty workspace (only the launcher), whatever was open before.
        return f"{self.base}/{path}?reset&token={self.token}"

    def start(self):
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
             "--ip=127.0.0.1", f"--port={self.port}", "--port-retries=0",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
             "--LabApp.news_url=None",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
             "--ServerApp.shutdown_no_activity_timeout=0"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, env=self.env,
            cwd=self.root, start_new_session=True)
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                self.api("GET", "/api/status")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"jupyter lab did not answer within {SERVER_START_TIMEOUT} s:\n{self.log_text()}")

    def api(self, method, path, body=None):
        request = urllib.request.Request(self.base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
        return json.loads(text) if text else None

    def log_text(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()[-20000:]
        except OSError:
            return ""

    def kernel_processes(self):
        """Pids of live processes started with a connection file in this server's runtime
        directory (its kernels)."""
        found = []
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmdline = f.read().decode(errors="replace")
                with open(f"/proc/{pid}/stat") as f:
                    state = f.read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if self.runtime in cmdline and state != "Z":
                found.append(int(pid))
        return found

    def wait_exit(self, timeout):
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        """Last resort (the tests shut the server down through the UI): /api/shutdown, then
        SIGTERM, then SIGKILL of the server's process group; then ends any kernel this server
        started that is still there (a kernel notices its parent's end only about a second later)."""
        if self.process and self.process.poll() is None:
            try:
                self.api("POST", "/api/shutdown")
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if self.wait_exit(15) is None:
                for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                    try:
                        os.killpg(self.process.pid, sig)
                    except ProcessLookupError:
                        break
                    if self.wait_exit(wait) is not None:
                        break
        for sig in (signal.SIGTERM, signal.SIGKILL):
            pids = self.kernel_processes()
            for pid in pids:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + 5
            while pids and self.kernel_processes() and time.monotonic() < deadline:
                time.sleep(0.1)
        if getattr(self, "log", None):
            self.log.close()


def install_kernelspec():
    """`beamtime install --sys-prefix` into this venv; returns the kernelspec directory."""
    result = subprocess.run([BINARY, "install", "--sys-prefix"], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, VIRTUAL_ENV=sys.prefix))
    if result.returncode != 0:
        raise RuntimeError(f"beamtime install --sys-prefix failed:\n{result.stdout}\n{result.stderr}")
    return os.path.join(sys.prefix, "share", "jupyter", "kernels", "beamtime")


# ---------------------------------------------------------------------------------------
# The page

# Records what the status bar's kernel item says ("Beamtime | Idle") each time it changes.
STATUS_RECORDER = """() => {
  window.__kernelStatus = [];
  const read = () => {
    const items = [...document.querySelectorAll('#jp-main-statusbar .jp-StatusBar-Item')]
      .map(e => e.innerText.trim()).filter(t => / \\| /.test(t));
    const text = items.join(', ');
    const log = window.__kernelStatus;
    if (!log.length || log[log.length - 1] !== text) log.push(text);
  };
  read();
  if (window.__kernelStatusObserver) window.__kernelStatusObserver.disconnect();
  window.__kernelStatusObserver = new MutationObserver(read);
  window.__kernelStatusObserver.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""

# Records each distinct state of the .beamtime-live displays in the visible notebook:
# [number of live displays, header line, table rows, progress bar width].
LIVE_RECORDER = """(index) => {
  window.__live = [];
  window.__liveCell = index;
  const read = () => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return;
    const cell = panel.querySelectorAll('.jp-Cell')[window.__liveCell];
    if (!cell) return;
    const all = cell.querySelectorAll('.beamtime-live');
    const el = all[all.length - 1];
    if (!el) return;
    const bar = el.querySelector('div[style*="background:#ddd"] > div, div[style*="background: rgb(221"] > div');
    // textContent: innerText is empty while the cell is off-screen (content-visibility).
    const state = [all.length, el.firstElementChild ? el.firstElementChild.textContent : '',
                   el.querySelectorAll('table tr').length, bar ? bar.style.width : ''];
    const log = window.__live, key = JSON.stringify(state);
    if (!log.length || JSON.stringify(log[log.length - 1]) !== key) log.push(state);
  };
  if (window.__liveObserver) window.__liveObserver.disconnect();
  window.__liveObserver = new MutationObserver(read);
  window.__liveObserver.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def status_text(name=KERNEL_DISPLAY_NAME, state="Idle"):
    return f"{name} | {state}"


class JupyterLabTests(unittest.TestCase):
    """One server, one browser page; the test methods are the steps of one session, in
    the order of their names."""

    maxDiff = None
    server = None
    playwright = None
    browser = None
    page = None
    session_open = False      # the step-1 notebook is open with an idle kernel
    cell_seconds = {}         # what the steps measured, printed at the end
    notes = []                # what the steps saw, printed at the end

    @classmethod
    def setUpClass(cls):
        if not os.access(BINARY, os.X_OK):
            raise unittest.SkipTest(f"no beamtime binary at {BINARY}")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise AssertionError("playwright is not installed in this venv: run .ci/install "
                                 f"(.ci/requirements.txt lists it): {error}")
        try:
            import jupyterlab  # noqa: F401
        except ImportError as error:
            raise AssertionError(f"jupyterlab is not installed in this venv: run .ci/install: {error}")
        if not os.access(CHROMIUM, os.X_OK):
            raise AssertionError(f"no chromium at {CHROMIUM}: run .ci/install (Debian package chromium)")

        os.makedirs(SCREENSHOTS, exist_ok=True)
        for name in os.listdir(SCREENSHOTS):  # this test's files from an earlier run, nothing else
            if re.match(r"\d\d-[\w.-]+\.png$", name) or name in ("server.log", "browser-console.log"):
                os.remove(os.path.join(SCREENSHOTS, name))
        cls.tmp = tempfile.TemporaryDirectory(prefix="beamtime-jupyterlab-")
        cls.started = time.monotonic()

        cls.kernelspec_existed = os.path.isdir(os.path.join(sys.prefix, "share", "jupyter", "kernels", "beamtime"))
        cls.kernelspec = install_kernelspec()
        cls.server = LabServer(cls.tmp.name, os.path.join(SCREENSHOTS, "server.log"))
        for name in TUTORIALS:
            shutil.copy(os.path.join(NOTEBOOKS, name), cls.server.root)
        try:
            cls.server.start()
            cls.playwright = sync_playwright().start()
            cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                         args=["--no-sandbox", "--disable-gpu"])
            cls.context = cls.browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
            cls.context.set_default_timeout(UI_TIMEOUT)
            cls.page = cls.context.new_page()
            cls.console = open(os.path.join(SCREENSHOTS, "browser-console.log"), "w")
            cls.page.on("console", lambda m: cls.console.write(f"[{m.type}] {m.text}\n"))
            cls.page.on("pageerror", lambda e: cls.console.write(f"[pageerror] {e}\n"))
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            if cls.browser:
                cls.browser.close()
            if cls.playwright:
                cls.playwright.stop()
        finally:
            if cls.server:
                cls.server.stop()
            if getattr(cls, "console", None):
                cls.console.close()
            if getattr(cls, "tmp", None):
                cls.tmp.cleanup()
            if getattr(cls, "kernelspec", None) and not cls.kernelspec_existed:
                shutil.rmtree(cls.kernelspec, ignore_errors=True)  # leave the venv as it was
            if getattr(cls, "started", None):
                print(f"\njupyterlab: {time.monotonic() - cls.started:.1f} s in all; measured: "
                      + ", ".join(f"{k} {v:.2f} s" for k, v in cls.cell_seconds.items()), file=sys.stderr)
                for note in cls.notes:
                    print(f"jupyterlab: {note}", file=sys.stderr)
                print(f"jupyterlab: screenshots in {SCREENSHOTS}", file=sys.stderr)

    # -----------------------------------------------------------------------------------
    # Helpers

    def shot(self, name):
        path = os.path.join(SCREENSHOTS, name + ".png")
        self.page.screenshot(path=path)
        return path

    def need_session(self):
        if not type(self).session_open:
            self.skipTest("the notebook of step 1 is not open")

    def wait_status(self, state="Idle", name=KERNEL_DISPLAY_NAME, timeout=UI_TIMEOUT):
        """Until the status bar's kernel item reads "NAME | STATE"."""
        self.page.wait_for_function(
            """(want) => [...document.querySelectorAll('#jp-main-statusbar .jp-StatusBar-Item')]
                         .some(e => e.innerText.trim() === want)""",
            arg=status_text(name, state), timeout=timeout)

    def cells(self):
        return self.page.locator(f"{PANEL} .jp-Notebook .jp-Cell")

    def active_index(self):
        return self.page.evaluate(f"""() => [...document.querySelectorAll('{PANEL} .jp-Notebook .jp-Cell')]
                                             .findIndex(c => c.classList.contains('jp-mod-active'))""")

    def edit_active_cell(self, code):
        """Puts code into the active cell's editor, as pasted (no auto-indent), and returns
        the cell's index."""
        index = self.active_index()
        self.assertGreaterEqual(index, 0, "no active cell")
        editor = self.cells().nth(index).locator(".cm-content")
        editor.click()
        self.page.keyboard.press("Control+a")
        self.page.keyboard.press("Delete")
        if code:
            self.page.keyboard.insert_text(code)
        return index

    def wait_cell_done(self, index, timeout=CELL_TIMEOUT):
        """Until cell `index` shows an execution count ([n]:, not [*]: or [ ]:); returns n."""
        prompt = self.cells().nth(index).locator(".jp-InputPrompt")
        self.page.wait_for_function(
            """([panel, i]) => {
                 const c = document.querySelectorAll(panel + ' .jp-Notebook .jp-Cell')[i];
                 return c && /^\\[\\d+\\]:$/.test(c.querySelector('.jp-InputPrompt').textContent.trim());
               }""", arg=[PANEL, index], timeout=timeout)
        return int(re.search(r"\d+", prompt.text_content()).group())

    def run_cell(self, code, timeout=CELL_TIMEOUT, wait=True):
        """Shift-Enter on code in the active cell; returns (index, execution count)."""
        index = self.edit_active_cell(code)
        started = time.monotonic()
        self.page.keyboard.press("Shift+Enter")
        if not wait:
            return index, None
        count = self.wait_cell_done(index, timeout)
        self.last_cell_seconds = time.monotonic() - started
        return index, count

    def progress(self, states, total):
        """The points done in each recorded live-display state ("k/total points")."""
        done = []
        for state in states:
            match = re.search(r"(\d+)/%d points" % total, state[1])
            self.assertIsNotNone(match, f"a live display state without progress: {state!r} in {states}")
            done.append(int(match.group(1)))
        return done

    def scroll_to_top_of(self, locator):
        locator.evaluate("(el) => el.scrollIntoView({block: 'start'})")

    def output_text(self, index):
        return self.cells().nth(index).locator(".jp-OutputArea").inner_text()

    def dismiss_stray_dialogs(self):
        """Notes and closes a dialog nobody asked for. Seen once on a loaded machine: JupyterLab's
        "Directory not found" after the rename-on-first-save, when the file browser listed the
        directory while jupyter_server renamed the file in it."""
        dialogs = self.page.locator(".jp-Dialog")
        for _ in range(dialogs.count()):
            text = " | ".join(dialogs.first.inner_text().split("\n"))
            self.notes.append(f"JupyterLab showed an unexpected dialog, dismissed: {text!r}")
            self.page.keyboard.press("Escape")
            try:
                dialogs.first.wait_for(state="detached", timeout=5000)
            except Exception:
                dialogs.first.locator(".jp-Dialog-button").last.click()

    def click_menu(self, menu, command):
        self.dismiss_stray_dialogs()
        self.page.click(f'.lm-MenuBar-item:has-text("{menu}")')
        self.page.click(f'.lm-Menu .lm-Menu-item[data-command="{command}"]')

    def accept_dialog(self, header=None):
        dialog = self.page.locator(".jp-Dialog")
        dialog.wait_for()
        if header:
            self.assertIn(header, dialog.locator(".jp-Dialog-header").inner_text())
        this_dialog = dialog.element_handle()
        dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
        # Wait for this dialog to go, not for every dialog: File > Shut Down's confirmation
        # can be followed at once by the "Server stopped" dialog.
        this_dialog.wait_for_element_state("hidden")

    def save_notebook(self, rename_to=None):
        """Ctrl+S; for an Untitled notebook, answers the first-save rename dialog with
        rename_to; waits until the tab is no longer dirty."""
        self.dismiss_stray_dialogs()
        self.cells().nth(max(self.active_index(), 0)).locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Control+s")
        if rename_to:
            dialog = self.page.locator(".jp-Dialog")
            dialog.wait_for()
            self.assertIn("Rename", dialog.locator(".jp-Dialog-header").inner_text())
            dialog.locator("input[type=text]").fill(rename_to)
            dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
            dialog.wait_for(state="detached")
            self.page.wait_for_selector(f'.lm-TabBar-tab.jp-mod-current:has-text("{rename_to}")')
        self.page.wait_for_selector(".lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)")

    def close_and_shut_down(self):
        """File > Close and Shut Down Notebook…, confirmed."""
        self.click_menu("File", "filemenu:close-and-cleanup")
        self.accept_dialog()
        self.page.wait_for_selector(PANEL, state="detached")

    def recover(self):
        """After a failed step: shut every kernel down and reload an empty workspace."""
        for session in self.server.api("GET", "/api/sessions") or []:
            self.server.api("DELETE", f"/api/sessions/{session['id']}")
        self.page.goto(self.server.url())
        self.page.wait_for_selector(".jp-LauncherCard")

    def wait_no_sessions(self, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.server.api("GET", "/api/sessions") and not self.server.api("GET", "/api/kernels"):
                return
            time.sleep(0.2)
        self.fail(f"sessions or kernels left: {self.server.api('GET', '/api/sessions')}")

    # -----------------------------------------------------------------------------------
    # 1. Launcher and a new notebook

    def test_1_launcher_and_new_notebook(self):
        specs = subprocess.run([sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"],
                               capture_output=True, text=True, timeout=60, env=self.server.env)
        self.assertEqual(specs.returncode, 0, specs.stderr)
        spec = json.loads(specs.stdout)["kernelspecs"]["beamtime"]
        self.assertEqual(os.path.realpath(spec["resource_dir"]), os.path.realpath(self.kernelspec),
                         "the server does not see the --sys-prefix kernelspec")
        self.assertEqual(os.path.realpath(spec["spec"]["argv"][0]), os.path.realpath(BINARY))
        self.assertEqual(spec["spec"]["display_name"], KERNEL_DISPLAY_NAME)

        page = self.page
        page.goto(self.server.url())
        tile = page.locator(f'.jp-LauncherCard[data-category="Notebook"][title="{KERNEL_DISPLAY_NAME}"]')
        tile.wait_for()
        self.assertEqual(tile.locator(".jp-LauncherCard-label").inner_text().strip(), KERNEL_DISPLAY_NAME)
        logo = tile.locator("img.jp-Launcher-kernelIcon")
        self.assertIn("/kernelspecs/beamtime/logo", logo.get_attribute("src"))
        page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=logo.element_handle())
        # The console section offers it too.
        self.assertEqual(page.locator(f'.jp-LauncherCard[data-category="Console"][title="{KERNEL_DISPLAY_NAME}"]')
                         .count(), 1)
        self.assertEqual(page.locator(".jp-toast-container .Toastify__toast").count(), 0,
                         "a notification toast covers the page")
        self.shot("01-launcher")

        page.evaluate(STATUS_RECORDER)
        started = time.monotonic()
        tile.click()
        page.wait_for_selector(PANEL)
        self.wait_status("Idle")
        self.cell_seconds["tile to idle"] = time.monotonic() - started
        toolbar = page.locator(f"{PANEL} .jp-NotebookPanel-toolbar")
        self.assertEqual(toolbar.locator(".jp-KernelName, [data-jp-item-name=kernelName]").first.inner_text().strip(),
                         KERNEL_DISPLAY_NAME)
        self.assertEqual(toolbar.locator(".jp-Notebook-ExecutionIndicator").get_attribute("data-status"), "idle")
        history = page.evaluate("window.__kernelStatus")
        self.assertLess(history.index(status_text(state="Initializing")), history.index(status_text()), history)
        sessions = self.server.api("GET", "/api/sessions")
        self.assertEqual([(s["kernel"]["name"], s["kernel"]["execution_state"]) for s in sessions],
                         [("beamtime", "idle")])
        self.shot("02-new-notebook-idle")
        type(self).session_open = True

    # -----------------------------------------------------------------------------------
    # 2. A scan with live feedback

    def test_2_live_scan(self):
        self.need_session()
        page = self.page
        page.evaluate(LIVE_RECORDER, self.active_index())
        index, count = self.run_cell("RE(scan([det], motor, -1, 1, 21))")
        self.cell_seconds["scan cell"] = self.last_cell_seconds
        cell = self.cells().nth(index)
        # One live display, updated in place: never two, first with points to come, last complete.
        states = page.evaluate("window.__live")
        self.notes.append(f"scan live states seen: {[s[1] for s in states]}")
        self.assertGreaterEqual(len(states), 2, f"the live display was never updated: {states}")
        self.assertEqual({s[0] for s in states}, {1}, f"the display was not updated in place: {states}")
        first, last = states[0], states[-1]
        done = self.progress(states, 21)
        self.assertLess(done[0], 21, states)
        self.assertEqual(done, sorted(done), f"progress went backwards: {states}")
        self.assertRegex(last[1], r"^scan \d+ · scan · 21/21 points · success", states)
        self.assertEqual(last[3], "100%", states)
        self.assertNotEqual(first, last)

        live = cell.locator(".beamtime-live")
        self.assertEqual(live.count(), 1)
        headers = live.locator("table").first.locator("tr").first.inner_text().split()
        self.assertEqual(headers, ["seq_num", "motor", "det"])
        rows = live.locator("table").first.locator("tr")
        self.assertEqual(rows.last.inner_text().split(), ["21", "1", "0.606531"])
        svg = live.locator("svg")
        self.assertEqual(svg.count(), 1, "no plot at the end of the scan")
        self.assertEqual(svg.locator("circle").count(), 21)
        self.assertEqual(svg.locator("polyline").count(), 1)
        stats = live.locator("table").last
        self.assertEqual(stats.locator("tr").first.inner_text().split(), ["max", "min", "cen", "com", "fwhm"])
        values = dict(zip(["max", "min", "cen", "com", "fwhm"],
                          [c.inner_text() for c in stats.locator("tr").nth(1).locator("td").all()]))
        # Six significant digits like the table, the centre's rounding noise (about 5e-17)
        # rounded away.
        self.assertEqual(values, {"max": "(0, 1)", "min": "(-1, 0.606531)", "cen": "0", "com": "0",
                                  "fwhm": "1.32177"})
        result = cell.locator(".jp-OutputArea-executeResult").inner_text()
        self.assertRegex(result, r"\[%d\]:\s*\('[0-9a-f-]{36}',\)" % count)
        live.scroll_into_view_if_needed()
        self.shot("03-live-scan")

    # -----------------------------------------------------------------------------------
    # 3. Completion and inspection

    def test_3_completion_and_inspect(self):
        self.need_session()
        page = self.page
        index = self.edit_active_cell("")
        page.keyboard.type("mot")
        page.keyboard.press("Tab")
        completer = page.locator(".jp-Completer")
        completer.wait_for(state="visible")
        page.wait_for_selector(".jp-Completer .jp-Completer-item")
        items = [t.strip() for t in completer.locator(".jp-Completer-item .jp-Completer-match").all_inner_texts()]
        self.assertEqual(items[:3], ["motor", "motor1", "motor2"], items)
        self.assertTrue(all(item.startswith("mot") for item in items), items)
        self.shot("04-completion")
        page.keyboard.press("Escape")
        completer.wait_for(state="hidden")

        self.edit_active_cell("")
        page.keyboard.type("scan(")
        page.keyboard.press("Shift+Tab")
        tooltip = page.locator(".jp-Tooltip")
        tooltip.wait_for(state="visible")
        text = tooltip.inner_text()
        self.assertIn("scan(detectors, *args, num=None, per_step=None, md=None)", text)
        self.assertIn("Docstring", text)
        self.assertIn("evenly spaced points", text)
        self.shot("05-inspect")
        page.keyboard.press("Escape")
        tooltip.wait_for(state="detached")
        self.edit_active_cell("")
        self.assertEqual(self.active_index(), index)

    # -----------------------------------------------------------------------------------
    # 4. The stop button pauses a long count; RE.abort() ends it

    def test_4_interrupt_and_abort(self):
        self.need_session()
        try:
            self.interrupt_and_abort()
        except BaseException:
            # Leave an idle kernel for the next steps: stop the count, abort the run.
            self.page.click(f'{PANEL} .jp-NotebookPanel-toolbar jp-button[data-command="notebook:interrupt-kernel"]')
            self.run_cell("RE.abort()" + "\n" + "RE.state")
            raise

    def interrupt_and_abort(self):
        page = self.page
        page.evaluate(LIVE_RECORDER, self.active_index())
        index, _ = self.run_cell("RE(count([det], num=100000, delay=0.01))", wait=False)
        page.wait_for_function("() => window.__live.length >= 4")
        states = page.evaluate("window.__live")
        done = self.progress(states, 100000)
        self.assertEqual(done, sorted(done), states)
        self.assertGreater(done[-1], done[0], states)
        self.assertEqual({s[0] for s in states}, {1}, f"the display was not updated in place: {states}")
        self.wait_status("Busy")
        self.shot("06-count-running")

        started = time.monotonic()
        page.click(f'{PANEL} .jp-NotebookPanel-toolbar jp-button[data-command="notebook:interrupt-kernel"]')
        self.wait_cell_done(index, timeout=15_000)
        self.cell_seconds["stop button to cell end"] = time.monotonic() - started
        self.wait_status("Idle")
        out = self.cells().nth(index).locator(STDERR_OUTPUT)
        self.assertEqual(out.count(), 1)
        text = out.inner_text()
        self.assertIn("RunEngineInterrupted", text)
        self.assertIn("Your RunEngine is entering a paused state", text)
        self.assertIn("RE.abort()", text)
        self.assertIn("RE.resume()", text)
        states = page.evaluate("window.__live")
        self.notes.append(f"count live states seen: {len(states)}, first {states[0][1]!r}, last {states[-1][1]!r}")
        self.assertLess(int(re.search(r"(\d+)/100000", states[-1][1]).group(1)), 100000)
        # While it ran the header gave an ETA; paused, it says so and gives none.
        self.assertIn("ETA", states[-2][1], states)
        self.assertRegex(states[-1][1], r"^scan \d+ · count · \d+/100000 points · paused$", states)
        header = self.cells().nth(index).locator(".beamtime-live > div").first.inner_text()
        self.assertRegex(header, r"· paused$")
        self.scroll_to_top_of(self.cells().nth(index))
        self.shot("07-count-paused")

        count_cell = self.cells().nth(index)
        index, _ = self.run_cell("RE.state")
        self.assertIn("'paused'", self.output_text(index))
        index, count = self.run_cell("RE.abort()")
        self.assertRegex(self.output_text(index), r"\('[0-9a-f-]{36}',\)")
        index, count = self.run_cell('run = catalog[-1]\nprint(run.start["plan_name"], run.stop["exit_status"], '
                                     'run.stop["num_events"]["primary"] > 0, RE.state)')
        self.assertEqual(self.output_text(index).strip(), "count abort True idle")
        # The paused cell's live display is finished in place by the abort.
        header = count_cell.locator(".beamtime-live > div").first.inner_text()
        self.notes.append(f"count live header after RE.abort(): {header!r}")
        self.assertIn("abort", header)
        self.shot("08-aborted")

    # -----------------------------------------------------------------------------------
    # 5. A readable, coloured traceback with the caret line

    def test_5_traceback(self):
        self.need_session()
        page = self.page
        index, count = self.run_cell("def f(x):\n    return x / 0\n\nf(1)")
        error = self.cells().nth(index).locator(STDERR_OUTPUT)
        self.assertEqual(error.count(), 1)
        lines = error.inner_text().splitlines()
        text = "\n".join(lines)
        self.assertIn(f"Cell In[{count}], line 4", text)
        self.assertIn(f"Cell In[{count}], line 2, in f", text)
        self.assertEqual(lines[-1], "ZeroDivisionError: division by zero")
        source = next(i for i, line in enumerate(lines) if line.endswith("return x / 0"))
        caret = lines[source + 1]
        self.assertRegex(caret, r"^ *\^+$", f"no caret line under {lines[source]!r}:\n{text}")
        self.assertEqual(caret.index("^"), lines[source].index("x / 0"), text)
        self.assertEqual(len(caret.strip()), len("x / 0"), text)
        # Coloured: the exception name in red, the locations in green, the caret in red.
        colours = page.evaluate("""(el) => [...el.querySelectorAll('span')].map(s => [s.innerText, s.className,
                                              getComputedStyle(s).color])""", error.element_handle())
        by_text = {}
        for span_text, cls, colour in colours:
            by_text.setdefault(span_text.strip(), (cls, colour))
        self.assertIn("ansi-red", by_text["ZeroDivisionError"][0], colours)
        self.assertIn("ansi-green", by_text[f"Cell In[{count}]"][0], colours)
        self.assertIn("ansi-red", by_text["^^^^^"][0], colours)
        red = [int(v) for v in re.findall(r"\d+", by_text["ZeroDivisionError"][1])[:3]]
        self.assertGreater(red[0], max(red[1], red[2]) + 60, f"not red: {by_text['ZeroDivisionError']}")
        error.scroll_into_view_if_needed()
        self.shot("09-traceback")

    # -----------------------------------------------------------------------------------
    # 6. Restart, run again, save and close

    def test_6_restart_run_again_close(self):
        self.need_session()
        page = self.page
        page.evaluate(STATUS_RECORDER)
        page.click(f'{PANEL} .jp-NotebookPanel-toolbar jp-button[data-command="notebook:restart-kernel"]')
        self.accept_dialog("Restart Kernel?")
        started = time.monotonic()
        page.wait_for_function("(s) => window.__kernelStatus.includes(s)", arg=status_text(state="Restarting"))
        self.wait_status("Idle")
        self.cell_seconds["restart to idle"] = time.monotonic() - started
        index, count = self.run_cell("peak = 20\npeak * 2 + 2")
        self.assertEqual(count, 1, "the execution count did not start again after the restart")
        self.assertEqual(self.output_text(index).split(), ["[1]:", "42"])
        index, count = self.run_cell("f(1)")
        self.assertIn("NameError: name 'f' is not defined", self.output_text(index), "f survived the restart")
        self.assertNotIn("Did you mean", self.output_text(index), "CPython 3.11 suggests nothing for 'f' here")
        self.shot("10-restarted")

        self.save_notebook(rename_to="session.ipynb")
        saved = nbformat.read(os.path.join(self.server.root, "session.ipynb"), as_version=4)
        self.assertEqual(saved.metadata.kernelspec.name, "beamtime")
        sources = [c.source for c in saved.cells if c.cell_type == "code"]
        self.assertIn("RE(scan([det], motor, -1, 1, 21))", sources)
        scan_cell = saved.cells[sources.index("RE(scan([det], motor, -1, 1, 21))")]
        self.assertTrue(any("beamtime-live" in "".join(o.get("data", {}).get("text/html", ""))
                            for o in scan_cell.outputs), scan_cell.outputs)

        self.close_and_shut_down()
        type(self).session_open = False
        self.wait_no_sessions()
        self.assertEqual(self.server.kernel_processes(), [], "a kernel process outlived its notebook")
        self.shot("11-closed")

    # -----------------------------------------------------------------------------------
    # 7. The tutorials: open, Run All Cells, no error, save

    def test_7_tutorials(self):
        if not self.page.url.startswith(self.server.base):  # run on its own
            self.recover()
        for number, name in enumerate(TUTORIALS, start=1):
            with self.subTest(notebook=name):
                try:
                    self.run_tutorial(number, name)
                except BaseException:
                    self.shot(f"{11 + number}-tutorial-{name.replace('.ipynb', '')}-FAILED")
                    self.recover()
                    raise

    def run_tutorial(self, number, name):
        page = self.page
        path = os.path.join(self.server.root, name)
        before = os.stat(path).st_mtime_ns
        n_code = sum(c.cell_type == "code" for c in nbformat.read(path, as_version=4).cells)
        self.dismiss_stray_dialogs()
        page.locator(f'.jp-DirListing-item[data-file-type="notebook"]:has-text("{name}")').dblclick()
        page.wait_for_selector(f'.lm-TabBar-tab.jp-mod-current:has-text("{name}")')
        self.wait_status("Idle")
        # JupyterLab attaches the cells of a long notebook progressively: wait for all of them.
        page.wait_for_function("([panel, n]) => document.querySelectorAll(panel + ' .jp-Notebook .jp-CodeCell').length === n",
                               arg=[PANEL, n_code])
        started = time.monotonic()
        self.click_menu("Run", "runmenu:run-all")
        page.wait_for_function(
            """([panel, n]) => {
                 const prompts = [...document.querySelectorAll(panel + ' .jp-Notebook .jp-CodeCell .jp-InputPrompt')];
                 return prompts.length === n && prompts.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
               }""", arg=[PANEL, n_code], timeout=120_000)
        self.wait_status("Idle")
        self.cell_seconds[f"{name} run all"] = time.monotonic() - started
        prompts = [int(re.search(r"\d+", t).group()) for t in
                   page.locator(f"{PANEL} .jp-Notebook .jp-CodeCell .jp-InputPrompt").all_text_contents()]
        self.assertEqual(prompts, list(range(1, n_code + 1)))
        # textContent, not innerText: JupyterLab skips rendering off-screen cells
        # (content-visibility), and innerText is empty for those.
        errors = page.locator(f"{PANEL} {STDERR_OUTPUT}").all_text_contents()
        self.assertEqual(errors, [], f"{name} shows error output in the browser")
        self.assertGreater(page.locator(f"{PANEL} .jp-OutputArea-output").count(), 0)
        self.shot(f"{11 + number}-tutorial-{name.replace('.ipynb', '')}")
        self.save_notebook()
        self.close_and_shut_down()
        self.wait_no_sessions()

        self.assertGreater(os.stat(path).st_mtime_ns, before, f"{name} was not saved")
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        code = [c for c in nb.cells if c.cell_type == "code"]
        self.assertEqual([c.execution_count for c in code], list(range(1, len(code) + 1)))
        self.assertTrue(all(c.outputs for c in code[1:]), "a saved code cell has no output")
        self.assertEqual([(o.ename, o.evalue) for c in code for o in c.outputs if o.output_type == "error"], [])
        self.assertEqual([o.text for c in code for o in c.outputs
                          if o.output_type == "stream" and o.name == "stderr"], [])

    # -----------------------------------------------------------------------------------
    # 8. Shut the server down from the File menu

    def test_8_shutdown(self):
        page = self.page
        self.click_menu("File", "filemenu:shutdown")
        self.accept_dialog("Shutdown confirmation")
        status = self.server.wait_exit(30)
        self.assertEqual(status, 0, f"jupyter lab did not exit cleanly:\n{self.server.log_text()}")
        page.wait_for_selector(".jp-Dialog:has-text('Server stopped')", timeout=10_000)
        self.shot("20-server-stopped")
        self.assertEqual(self.server.kernel_processes(), [], "kernel processes outlived the server")
        log = self.server.log_text()
        self.assertIn("Shutting down on /api/shutdown request", log)
        # No kernel died or was restarted behind the user's back, and the kernels wrote nothing
        # to their standard error (which goes to the server's log, unprefixed).
        self.assertNotRegex(log, r"KernelRestarter|[Kk]ernel died|restarting kernel", log)
        kernel_stderr = [line for line in log.splitlines() if not re.match(r"(\[[DIWEC] |\s|\{|\}|$)", line)]
        self.assertEqual(kernel_stderr, [], "the kernels wrote to standard error")
        # jupyter_server's own errors are noted, not failed on: the first save of an Untitled
        # notebook with rename races with JupyterLab's checkpoint listing (a 500 on
        # /api/contents/Untitled.ipynb/checkpoints) in JupyterLab 4.6 / jupyter_server 2.21.
        for line in log.splitlines():
            if line.startswith("[E ") and "ServerApp] {" not in line:
                self.notes.append(f"server log: {line}")


if __name__ == "__main__":
    unittest.main()

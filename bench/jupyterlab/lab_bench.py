"""JupyterLab in the browser: Beamtime's kernel against ipykernel, same server, same page.

(i)  new notebook: from the click on the launcher's Notebook tile until the status bar reads
     "<kernel> | Idle" (the kernel started, connected and answered); a fresh page per try.
(ii) 1+1: from the Shift-Enter keydown on a cell holding `1+1` until its `2` is in the page.

Both are measured inside the page (performance.now() in a capture-phase event listener and in
a MutationObserver), so Playwright's own round trips are not counted. Tries alternate between
the kernels. Prints medians (and min/max) and the ratio Beamtime / ipykernel (< 1: Beamtime is
faster). Environment: BENCH_STARTS (5), BENCH_RUNS (10, after 1 warm-up), BENCH_JSON (write the
figures there). Arguments: the two kernel names and display names, see bench/jupyterlab/run.
"""
import json
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "EndToEnd"))
from test_jupyterlab import CHROMIUM, PANEL, LabServer  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402

STARTS = int(os.environ.get("BENCH_STARTS", "5"))
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
KERNELS = [("beamtime", "Beamtime"), ("python3", "Python 3 (ipykernel)")]
TIMEOUT = 60_000

START_PROBE = """([tile, want]) => {
  window.__t0 = null; window.__t1 = null;
  document.addEventListener('click', (e) => {
    if (window.__t0 === null && e.target.closest(tile)) window.__t0 = performance.now();
  }, true);
  const check = () => {
    if (window.__t0 === null || window.__t1 !== null) return;
    const idle = [...document.querySelectorAll('#jp-main-statusbar .jp-StatusBar-Item')]
      .some(e => e.innerText.trim() === want);
    if (idle) window.__t1 = performance.now();
  };
  new MutationObserver(check).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""

RUN_PROBE = """([panel, index]) => {
  window.__k0 = null; window.__k1 = null;
  if (!window.__keyListener) {
    window.__keyListener = true;
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.shiftKey && window.__k0 === null) window.__k0 = performance.now();
    }, true);
  }
  if (window.__runObserver) window.__runObserver.disconnect();
  const check = () => {
    if (window.__k0 === null || window.__k1 !== null) return;
    const cell = document.querySelectorAll(panel + ' .jp-Notebook .jp-Cell')[index];
    const result = cell && cell.querySelector('.jp-OutputArea-executeResult .jp-OutputArea-output');
    if (result && result.textContent.trim() === '2') window.__k1 = performance.now();
  };
  window.__runObserver = new MutationObserver(check);
  window.__runObserver.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def tile(display):
    return f'.jp-LauncherCard[data-category="Notebook"][title="{display}"]'


def shut_down_kernels(server):
    for session in server.api("GET", "/api/sessions") or []:
        server.api("DELETE", f"/api/sessions/{session['id']}")


def new_notebook(page, server, display):
    """A fresh page, a click on the tile; returns ms from click to the idle status."""
    page.goto(server.url())
    page.wait_for_selector(tile(display))
    page.evaluate(START_PROBE, [tile(display), f"{display} | Idle"])
    page.click(tile(display))
    page.wait_for_function("() => window.__t1 !== null", timeout=TIMEOUT)
    return page.evaluate("window.__t1 - window.__t0")


def one_plus_one(page):
    """Shift-Enter on 1+1 in the active cell; returns ms from the keydown to the output."""
    index = page.evaluate(f"""() => [...document.querySelectorAll('{PANEL} .jp-Notebook .jp-Cell')]
                                    .findIndex(c => c.classList.contains('jp-mod-active'))""")
    page.locator(f"{PANEL} .jp-Notebook .jp-Cell").nth(index).locator(".cm-content").click()
    page.keyboard.insert_text("1+1")
    page.evaluate(RUN_PROBE, [PANEL, index])
    page.keyboard.press("Shift+Enter")
    page.wait_for_function("() => window.__k1 !== null", timeout=TIMEOUT)
    return page.evaluate("window.__k1 - window.__k0")


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values),
            "all": [round(v, 1) for v in values]}


def main():
    jupyter_path = os.environ.get("JUPYTER_PATH")
    results = {name: {"start": [], "first_run": [], "runs": []} for name, _ in KERNELS}
    with tempfile.TemporaryDirectory(prefix="beamtime-lab-bench-") as tmp:
        server = LabServer(tmp, os.path.join(tmp, "server.log"),
                           extra_env={"JUPYTER_PATH": jupyter_path} if jupyter_path else None)
        server.start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.set_default_timeout(TIMEOUT)
                # (i) tile to idle, alternating, one warm-up each (first page load, first spawn).
                for name, display in KERNELS:
                    new_notebook(page, server, display)
                    shut_down_kernels(server)
                for _ in range(STARTS):
                    for name, display in KERNELS:
                        results[name]["start"].append(new_notebook(page, server, display))
                        shut_down_kernels(server)
                # (ii) 1+1 in a fresh notebook of each kernel.
                for name, display in KERNELS:
                    new_notebook(page, server, display)
                    results[name]["first_run"].append(one_plus_one(page))
                    for _ in range(RUNS):
                        results[name]["runs"].append(one_plus_one(page))
                    shut_down_kernels(server)
                browser.close()
        finally:
            shut_down_kernels(server)
            server.api("POST", "/api/shutdown")
            server.wait_exit(30)
            server.stop()

    table = {name: {key: summary(values) for key, values in r.items()} for name, r in results.items()}
    (a, _), (b, _) = KERNELS
    print(f"JupyterLab {jupyterlab_version()}, Chromium {CHROMIUM}, {STARTS} starts and {RUNS} runs per kernel")
    print(f"{'in the browser (ms)':<38}{'Beamtime':>12}{'ipykernel':>12}{'ratio':>8}")
    rows = [("new notebook: tile click -> idle", "start"), ("1+1: Shift-Enter -> output (first)", "first_run"),
            ("1+1: Shift-Enter -> output", "runs")]
    for label, key in rows:
        x, y = table[a][key]["median"], table[b][key]["median"]
        print(f"{label:<38}{x:>12.1f}{y:>12.1f}{x / y:>8.2f}")
    for label, key in rows:
        print(f"  {label}: Beamtime {table[a][key]['all']} | ipykernel {table[b][key]['all']}")
    if os.environ.get("BENCH_JSON"):
        with open(os.environ["BENCH_JSON"], "w") as f:
            json.dump(table, f, indent=1)
        print("figures:", os.environ["BENCH_JSON"])


def jupyterlab_version():
    import jupyterlab
    return jupyterlab.__version__


if __name__ == "__main__":
    main()

"""`beamtime report` end to end: an XSS corpus in a real browser, real reports, nbconvert.

1. XSS corpus: a notebook (built with nbformat, no kernel) whose Markdown cells, outputs of
   every kind (text/html, text/markdown, image/svg+xml, text/plain, streams, tracebacks,
   text/latex, broken images, application/javascript), attachments, code inputs and metadata
   carry the payloads in PAYLOADS. The HTML report is checked statically (every tag and
   attribute, parsed with html.parser) and then opened in headless Chromium with JavaScript
   on: once as written (--dump-dom) and once with a test harness appended that clicks,
   focuses and hovers every element and asks the browser's own URL parser about every link.
   Each payload, if it ran, appends "X<id>" to the body's `pwned` data attribute, a marker
   made at run time (the attribute's name never appears in the notebook), so a failure
   names the payloads that fired.
2. The peak-alignment template executed by `beamtime execute`, rendered to HTML and Markdown,
   screenshotted by Chromium; --no-input, cell tags and --template checks on small notebooks.
3. The same executed notebook through nbconvert, compared loosely (see NbconvertComparisonTests).

Needs BEAMTIME_BINARY (default .build/debug/beamtime) and Debian's chromium; screenshots go to
BEAMTIME_SCREENSHOTS (default test-output/screenshots in the repository).
"""

import base64
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from html.parser import HTMLParser

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("BEAMTIME_BINARY") or os.path.join(REPOSITORY, ".build", "debug", "beamtime")
CHROMIUM = os.environ.get("BEAMTIME_CHROMIUM") or shutil.which("chromium") or "chromium"
PEAK_TEMPLATE = os.path.join(REPOSITORY, "templates", "peak-alignment.ipynb")
SCREENSHOTS = os.environ.get("BEAMTIME_SCREENSHOTS", os.path.join(REPOSITORY, "test-output", "screenshots"))
TIMEOUT = 120
ENVIRONMENT = dict(os.environ, VIRTUAL_ENV=sys.prefix)
_TEMPORARY = []
if not ENVIRONMENT.get("BEAMTIME_HOME"):
    # Never touch the user's own catalogue when run by hand without Tests/EndToEnd/run.
    ENVIRONMENT["BEAMTIME_HOME"] = tempfile.mkdtemp(prefix="beamtime-reports-home-")
    _TEMPORARY.append(ENVIRONMENT["BEAMTIME_HOME"])
_OUTPUT_BASE = os.environ.get("BEAMTIME_E2E_OUTPUT") or tempfile.gettempdir()
os.makedirs(_OUTPUT_BASE, exist_ok=True)
OUTPUT = tempfile.mkdtemp(prefix="reports-", dir=_OUTPUT_BASE)
if not os.environ.get("BEAMTIME_E2E_OUTPUT"):
    _TEMPORARY.append(OUTPUT)


def tearDownModule():
    """Reports, dumped DOMs and the corpus notebook stay with BEAMTIME_E2E_KEEP=1."""
    if os.environ.get("BEAMTIME_E2E_KEEP") == "1":
        print("test_reports: kept %s" % OUTPUT, file=sys.stderr)
        return
    for path in _TEMPORARY:
        shutil.rmtree(path, ignore_errors=True)

# A 1x1 PNG, for payloads that need an image that really loads (so onload would fire).
PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="


# ----------------------------------------------------------------------------------------------
# The corpus. %JS% becomes the marker script for the payload's id, %B64HTML% a base64
# `<script>` document and %B64SVG% a base64 SVG with onload, %PNG% a valid 1x1 PNG. The
# script has no spaces, quotes or `>` so it works unquoted in attributes and in URLs, and uses
# `top.` so it also marks the page from inside a same-origin frame (srcdoc, javascript:).
#
# Where a payload goes:
#   markdown    a Markdown cell              html      display_data text/html
#   result      execute_result text/html     mdout     display_data text/markdown
#   svg         display_data image/svg+xml   plain     execute_result text/plain only
#   stdout      stream stdout                stderr    stream stderr
#   error       error output (ename, evalue, traceback)
#   latex       display_data text/latex      png       image/png and image/jpeg that are not base64
#   js          application/javascript only (and with a text/plain fallback)
#   lines       text/html as a list of lines that split tags
#   attachment  a Markdown cell's image attachment (its data / its reference)
#   code        a code cell's source         raw       a raw cell with format text/html
#   title / kernel / generated / source   the page title (first heading), kernelspec
#               display_name, papermill end_time and the notebook's file name, which the page
#               template shows
# ----------------------------------------------------------------------------------------------
POLYGLOT = (r"""jaVasCript:/*-/*`/*\`/*'/*"/**/(/* */oNcliCk=%JS% )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/"""
            r"""</scRipt/--!>\x3csVg/<sVg/oNloAd=%JS%//>\x3e""")

PAYLOADS = [
    # <script> in many spellings.
    ("html", "<script>%JS%</script>"),
    ("result", "<SCRIPT>%JS%</SCRIPT>"),
    ("html", '<ScRiPt type="text/javascript">%JS%</sCrIpT>'),
    ("html", '<script src="data:text/javascript,%JS%"></script>'),
    ("html", "<scr<script>ipt>%JS%</scr</script>ipt>"),
    ("html", "<script/xss>%JS%</script>"),
    ("html", "<script>var s = '</script><script>%JS%</script>';</script>"),
    ("html", "<script\n>%JS%</script\n>"),
    ("html", "<<script>%JS%//<</script>"),
    ("html", "<script>/*</script><script>*/%JS%</script>"),
    ("html", "<script><!--<script></script>%JS%</script>"),
    ("html", "<script/>%JS%</script>"),
    ("html", "<scr\u0000ipt>%JS%</scr\u0000ipt>"),
    # SVG and MathML.
    ("mdout", "<svg><script>%JS%</script></svg>"),
    ("html", '<svg><script href="data:text/javascript,%JS%"/></svg>'),
    ("html", "<svg onload=%JS%>"),
    ("html", "<svg/onload=%JS%>"),
    ("html", "<svg><animate onbegin=%JS% attributeName=x dur=1s>"),
    ("html", "<svg><foreignObject><img src=x onerror=%JS%></foreignObject></svg>"),
    ("html", '<svg><a xlink:href="javascript:%JS%"><text x="20" y="20">svg-link</text></a></svg>'),
    ("html", '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1'
             '&Tab;onerror=%JS%&gt;">'),
    ("html", '<math><maction actiontype="statusline" xlink:href="javascript:%JS%">math-link</maction></math>'),
    ("html", '<math href="javascript:%JS%">math-href</math>'),
    # Event handlers, with odd spellings and whitespace.
    ("html", "<img src=x onerror=%JS%>"),
    ("result", "<IMG SRC=x ONERROR=%JS%>"),
    ("html", '<img/src="x"/onerror=%JS%>'),
    ("html", "<img/src=x/onerror=%JS%>"),
    ("html", '<img src="x"onerror="%JS%">'),
    ("html", "<img src=x onerror\n=\n%JS%>"),
    ("html", "<img src=x\tonerror=%JS%>"),
    ("html", "<img src=x\x0conerror=%JS%>"),
    ("html", "<img src=`x`onerror=%JS%>"),
    ("html", '<img src="data:image/png;base64,%PNG%" onload=%JS%>'),
    ("html", "<body onload=%JS%>"),
    ("html", "<body onpageshow=%JS%>"),
    ("html", "<div onmouseover=%JS%>hover me</div>"),
    ("html", "<input autofocus onfocus=%JS%>"),
    ("html", "<input type=checkbox autofocus onfocus=%JS%>"),
    ("html", "<details open ontoggle=%JS%><summary>s</summary>d</details>"),
    ("html", "<select autofocus onfocus=%JS%><option>o</option></select>"),
    ("html", "<textarea autofocus onfocus=%JS%>t</textarea>"),
    ("html", "<keygen autofocus onfocus=%JS%>"),
    ("html", "<marquee onstart=%JS%>m</marquee>"),
    ("html", "<video><source onerror=%JS%></video>"),
    ("html", "<audio src=x onerror=%JS%></audio>"),
    ("html", '<a href="#" onclick=%JS%>click</a>'),
    ("html", '<a href="https://example.org/" title="t"onmouseover=%JS%>t</a>'),
    ("html", '<input type="image" src="x" onerror=%JS%>'),
    ("html", "<isindex type=image src=x onerror=%JS%>"),
    # Frames, objects, embeds.
    ("html", '<iframe srcdoc="&lt;script&gt;%JS%&lt;/script&gt;"></iframe>'),
    ("html", '<iframe src="javascript:%JS%"></iframe>'),
    ("html", '<iframe src="data:text/html,&lt;script&gt;%JS%&lt;/script&gt;"></iframe>'),
    ("html", '<iframe/src="javascript:%JS%">'),
    ("html", '<object data="javascript:%JS%"></object>'),
    ("html", '<object data="data:text/html;base64,%B64HTML%"></object>'),
    ("html", '<embed src="javascript:%JS%">'),
    ("html", '<embed src="data:image/svg+xml;base64,%B64SVG%" type="image/svg+xml">'),
    # Style sheets.
    ("html", "<style>@import 'javascript:%JS%';</style>"),
    ("html", '<style>body{background:url("javascript:%JS%")}</style>'),
    ("html", '<div style="background-image:url(javascript:%JS%)">bg</div>'),
    ("html", '<div style="width: expression(%JS%);">expr</div>'),
    ("html", '<div style="xss:expr/*XSS*/ession(%JS%)">expr-comment</div>'),
    ("html", '<div style="x:\\65 xpression(%JS%)">expr-escape</div>'),
    ("html", '<link rel="stylesheet" href="javascript:%JS%">'),
    # Meta refresh, base, forms.
    ("html", '<meta http-equiv="refresh" content="0;url=javascript:%JS%">'),
    ("html", '<meta http-equiv="refresh" content="0; url=data:text/html;base64,%B64HTML%">'),
    ("html", '<base href="javascript:%JS%//">'),
    ("html", '<form action="javascript:%JS%"><input type="submit" value="go"></form>'),
    ("html", '<form><button formaction="javascript:%JS%">go</button></form>'),
    ("html", "<form id=f1></form><button form=f1 formaction=javascript:%JS%>go</button>"),
    # javascript:/vbscript:/data: URLs, encoded and split.
    ("html", '<a href="javascript:%JS%">js</a>'),
    ("html", '<a href="JaVaScRiPt:%JS%">js</a>'),
    ("html", '<a href="jav&#x61;script:%JS%">js</a>'),
    ("html", '<a href="jav&#97;script:%JS%">js</a>'),
    ("html", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;%JS%">js</a>'),
    ("html", '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A%JS%">js</a>'),
    ("html", '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116'
             '&#0000058%JS%">js</a>'),
    ("html", '<a href="javascript&colon;%JS%">js</a>'),
    ("html", '<a href="javascript&#x3a;%JS%">js</a>'),
    ("html", '<a href="java\tscript:%JS%">js</a>'),
    ("html", '<a href="java\nscript:%JS%">js</a>'),
    ("html", '<a href="java&#x09;script:%JS%">js</a>'),
    ("html", '<a href="java&NewLine;script:%JS%">js</a>'),
    ("html", '<a href=" &#14; javascript:%JS%">js</a>'),
    ("html", '<a href="&#1;javascript:%JS%">js</a>'),
    ("html", '<a href="java&#0;script:%JS%">js</a>'),
    ("html", "<a href=javascript:%JS%>unquoted</a>"),
    ("html", '<a href="vbscript:%JS%">vb</a>'),
    ("html", '<a href="VBSCRIPT:%JS%">vb</a>'),
    ("html", '<a href="data:text/html;base64,%B64HTML%">data</a>'),
    ("html", '<a href="data:text/html,&lt;script&gt;%JS%&lt;/script&gt;">data</a>'),
    ("html", '<img src="javascript:%JS%">'),
    ("html", '<img src="data:image/svg+xml;base64,%B64SVG%">'),
    ("html", '<img src="data:text/html;base64,%B64HTML%">'),
    ("html", '<svg><image href="javascript:%JS%"/></svg>'),
    # Comments, CDATA, raw-text elements, unclosed constructs.
    ("html", "<!--><script>%JS%</script>"),
    ("html", "<!-- --!><script>%JS%</script> -->"),
    ("html", "<!--[if gte IE 4]><script>%JS%</script><![endif]-->"),
    ("html", "<![CDATA[<]]><script>%JS%</script>"),
    ("html", "<? ><script>%JS%</script>"),
    ("html", "<textarea></textarea><script>%JS%</script>"),
    ("html", "<title></title><script>%JS%</script>"),
    ("html", '<noscript><p title="</noscript><img src=x onerror=%JS%>"></noscript>'),
    ("html", '<xmp><p title="</xmp><img src=x onerror=%JS%>"></xmp>'),
    ("html", '<style><img src="</style><img src=x onerror=%JS%//"></style>'),
    ("html", "<template><img src=x onerror=%JS%></template>"),
    ("html", '<img src="x onerror=%JS%'),
    ("html", "<img src=x onerror=%JS%"),
    ("html", '<a href="javascript:%JS%'),
    ("html", "<p>before<plaintext><img src=x onerror=%JS%>"),
    ("html", POLYGLOT),
    ("lines", ["<scr", "ipt>%JS%</scr", "ipt>", "<img src=x one", "rror=%JS%>"]),
    # Markdown cells: links, autolinks, images, reference links, raw HTML blocks and inlines.
    ("markdown", "[md-link](javascript:%JS%)"),
    ("markdown", "[md-link](JAVASCRIPT:%JS%)"),
    ("markdown", "[md-link](<javascript:%JS%>)"),
    ("markdown", "[md-link](jav&#x61;script:%JS%)"),
    ("markdown", "[md-link](java%0Ascript:%JS%)"),
    ("markdown", "[md-ref][r]\n\n[r]: javascript:%JS%"),
    ("markdown", "<javascript:%JS%>"),
    ("markdown", "![md-img](javascript:%JS%)"),
    ("markdown", "[md-data](data:text/html;base64,%B64HTML%)"),
    ("markdown", "[md-vb](vbscript:%JS%)"),
    ("markdown", "<div>\n<script>%JS%</script>\n</div>"),
    # (cmark only takes unquoted attribute values without `=` as HTML, so most of these quote.)
    ("markdown", "<img src=x onerror=%JS%>\n\ntext after the block"),
    ("markdown", '<img src="x" onerror="%JS%">\n\ntext after the block'),
    ("markdown", 'Inline <img src="x" onerror="%JS%"> image'),
    ("markdown", 'Inline <b onmouseover="%JS%">bold</b> html'),
    ("markdown", '<details open ontoggle="%JS%">\n\n**md inside**\n\n</details>'),
    ("markdown", '<svg onload="%JS%">'),
    ("markdown", '<a href="jav&#x61;script:%JS%" onclick="%JS%">entity link</a>'),
    ("markdown", "Inline <b onmouseover=%JS%>bold</b> html"),
    ("markdown", "<details open ontoggle=%JS%>\n\n**md inside**\n\n</details>"),
    ("markdown", "```html\n<script>%JS%</script>\n```"),
    ("markdown", "`<script>%JS%</script>` in inline code"),
    ("markdown", "<!--\n--><script>%JS%</script>"),
    ("markdown", "<svg onload=%JS%>"),
    ('markdown', '<a href="javascript:%JS%">*emph link*</a>'),
    ("markdown", '<iframe srcdoc="&lt;script&gt;%JS%&lt;/script&gt;"></iframe>'),
    ("markdown", "- [ ] task <img src=x onerror=%JS%>"),
    ("markdown", "| h |\n|---|\n| <img src=x onerror=%JS%> |"),
    ("markdown", "<style>@import 'javascript:%JS%';</style>"),
    ("markdown", "Footnote[^1]\n\n[^1]: <script>%JS%</script>"),
    ("markdown", "<textarea></textarea><script>%JS%</script>"),
    ("markdown", '<form><button formaction="javascript:%JS%">go</button></form>'),
    ("markdown", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:%JS%\">"),
    # Other outputs.
    ("mdout", "[out-link](javascript:%JS%)"),
    ("mdout", '<img src="x" onerror="%JS%"> **md-out**'),
    ("mdout", "<script>%JS%</script>"),
    ("svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="%JS%"><script>%JS%</script>'
            '<rect width="10" height="10"/></svg>'),
    ("svg", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="10" height="10">'
            '<iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:%JS%"/></foreignObject></svg>'),
    ("svg", '"></img><script>%JS%</script>'),
    ("plain", "<script>%JS%</script><img src=x onerror=%JS%>"),
    ("stdout", "\x1b[31m<script>%JS%</script>\x1b[0m <img src=x onerror=%JS%>\n"),
    ("stderr", "\x1b[38;2;255;0;0m</pre><script>%JS%</script>\x1b]8;;javascript:%JS%\x1b\\osc8\x1b]8;;\x1b\\\n"),
    ("error", "<script>%JS%</script>"),
    ("latex", "$x$ \\href{javascript:%JS%}{l} <script>%JS%</script>"),
    ("png", 'iVBORw0KGgo"onerror="%JS%'),
    ("js", "%JS%"),
    ("attachment", 'x" onerror="%JS%'),
    ("attachment", "R0lGOD)<script>%JS%</script>"),
    ("code", "</pre><script>%JS%</script>\n# <img src=x onerror=%JS%>\ns = '<svg onload=%JS%>'"),
    ("raw", "<script>%JS%</script>"),
    ("title", '<img src="x" onerror="%JS%">'),
    ("kernel", "</span><script>%JS%</script>"),
    ("source", "<img src=x onerror=%JS%>"),
    ("generated", "<img src=x onerror=%JS%>"),
]

# Tags and attributes that must not be anywhere in a report page (the page template's own
# <meta charset/viewport/generator> and single <style> in <head> are allowed separately).
FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "form", "button",
    "textarea", "select", "option", "svg", "math", "noscript", "template", "video", "audio", "source", "track",
    "marquee", "isindex", "keygen", "xmp", "plaintext", "noembed", "noframes", "portal", "animate", "set",
    "foreignobject", "image", "maction", "param",
}
FORBIDDEN_ATTRIBUTES = {
    "srcdoc", "action", "formaction", "xlink:href", "http-equiv", "background", "poster", "data", "codebase",
    "srcset", "dynsrc", "lowsrc", "autofocus", "form", "ping", "xmlns:xlink",
}
MARKER = re.compile(r"fromCharCode\(88\)\+(\d+)")


def marker_script(identifier):
    # void(): a javascript: URL whose value is a string would replace the whole document.
    return "void(top.document.body.dataset.pwned+=String.fromCharCode(88)+%d)" % identifier


def expand(template, identifier):
    script = marker_script(identifier)
    html_document = base64.b64encode(("<script>%s</script>" % script).encode()).decode()
    svg_document = base64.b64encode(('<svg xmlns="http://www.w3.org/2000/svg" onload="%s"/>' % script).encode()).decode()
    return (template.replace("%JS%", script).replace("%B64HTML%", html_document)
            .replace("%B64SVG%", svg_document).replace("%PNG%", PNG_1X1))


def safe_after(identifier):
    return new_output("display_data", data={"text/html": "<b>SAFE-AFTER-%d</b>" % identifier, "text/plain": "safe"})


def corpus_notebook():
    """The corpus notebook, and a table of id -> (where, payload) for failure messages."""
    table = {}
    cells = []
    metadata = {"kernelspec": {"name": "beamtime", "display_name": "Beamtime", "language": "python"},
                "papermill": {"exception": False, "end_time": "2025-01-01T00:00:00"}}
    expected_title = None
    file_name = "corpus.ipynb"
    count = 0
    for identifier, (where, template) in enumerate(PAYLOADS, start=1):
        payload = [expand(t, identifier) for t in template] if isinstance(template, list) else expand(template, identifier)
        table[identifier] = (where, payload)
        if where == "title":
            expected_title = "XSS corpus " + payload
            cells.insert(0, new_markdown_cell("# XSS corpus %s\n\nIntro with **SAFE-INTRO-BOLD**." % payload))
            continue
        if where == "kernel":
            metadata["kernelspec"]["display_name"] = payload
            continue
        if where == "generated":
            metadata["papermill"]["end_time"] = payload
            continue
        if where == "source":
            file_name = "corpus-%s.ipynb" % payload
            continue
        if where in ("markdown", "attachment", "raw"):
            if where == "markdown":
                cells.append(new_markdown_cell(payload))
            elif where == "raw":
                cells.append(new_raw_cell(payload, metadata={"format": "text/html"}))
            elif payload.startswith("x"):
                cells.append(new_markdown_cell("![att](attachment:p.png)", attachments={"p.png": {"image/png": payload}}))
            else:
                cells.append(new_markdown_cell('<img src="attachment:q.gif" alt="q">',
                                               attachments={"q.gif": {"image/gif": payload}}))
            cells.append(new_markdown_cell("**SAFE-AFTER-%d**" % identifier))
            continue
        count += 1
        source = "display(payload_%d)" % identifier
        outputs = []
        if where == "html":
            outputs.append(new_output("display_data", data={"text/html": payload, "text/plain": "<IPython.HTML>"}))
        elif where == "lines":
            outputs.append(new_output("display_data", data={"text/html": payload, "text/plain": "lines"}))
        elif where == "result":
            outputs.append(new_output("execute_result", data={"text/html": payload, "text/plain": "r"},
                                      execution_count=count))
        elif where == "mdout":
            outputs.append(new_output("display_data", data={"text/markdown": payload, "text/plain": "md"}))
        elif where == "svg":
            outputs.append(new_output("display_data", data={"image/svg+xml": payload, "text/plain": "svg"}))
        elif where == "plain":
            outputs.append(new_output("execute_result", data={"text/plain": payload}, execution_count=count))
        elif where in ("stdout", "stderr"):
            outputs.append(new_output("stream", name=where, text=payload))
        elif where == "error":
            outputs.append(new_output("error", ename=payload, evalue=payload.replace("script", "img"),
                                      traceback=["\x1b[0;31m----\x1b[0m", "\x1b[1;31m%s\x1b[0m" % payload,
                                                 "</pre></div>" + payload]))
        elif where == "latex":
            outputs.append(new_output("display_data", data={"text/latex": payload, "text/plain": "latex"}))
        elif where == "png":
            outputs.append(new_output("display_data", data={"image/png": payload, "text/plain": "png"}))
            outputs.append(new_output("display_data", data={"image/jpeg": payload}))
        elif where == "js":
            outputs.append(new_output("display_data", data={"application/javascript": payload}))
            outputs.append(new_output("display_data", data={"application/javascript": payload, "text/plain": "js-fallback"}))
        elif where == "code":
            source = payload
            outputs.append(new_output("stream", name="stdout", text="code ran\n"))
        else:
            raise AssertionError("unknown placement " + where)
        outputs.append(safe_after(identifier))
        cells.append(new_code_cell(source, execution_count=count, outputs=outputs))
    cells.insert(1, new_code_cell("safe_html()", execution_count=0, outputs=[new_output("display_data", data={
        "text/html": '<table class="dataframe"><thead><tr><th>SAFE-HTML-HEAD</th></tr></thead><tbody><tr>'
                     '<td>SAFE-HTML-CELL</td></tr></tbody></table><p><b>SAFE-HTML-BOLD</b> '
                     '<span style="color: rgb(200, 0, 0)">SAFE-STYLED</span> <a href="#anchor">SAFE-FRAGMENT</a></p>',
        "text/plain": "safe"})]))
    cells.insert(2, new_markdown_cell(
        "| a | b |\n|---|---|\n| SAFE-MD-CELL | 2 |\n\n**SAFE-MD-BOLD**, ~~SAFE-STRIKE~~, [safe link]"
        "(https://example.org/safe), <beamline@example.org> and ![safe-png](data:image/png;base64,%s)" % PNG_1X1))
    cells.append(new_markdown_cell("**SAFE-END**"))
    return new_notebook(cells=cells, metadata=metadata), table, expected_title, file_name


# ----------------------------------------------------------------------------------------------
# Helpers.
# ----------------------------------------------------------------------------------------------

def run(*argv, stdin=None, timeout=TIMEOUT):
    return subprocess.run(list(argv), capture_output=True, text=True, errors="replace", timeout=timeout,
                          env=ENVIRONMENT, input=stdin)


def beamtime(*args, stdin=None):
    return run(BINARY, *args, stdin=stdin)


def chromium(*args):
    """Headless Chromium with a throw-away profile and nothing that reaches the network."""
    profile = tempfile.mkdtemp(prefix="beamtime-chromium-")
    try:
        return run(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                   "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                   "--disable-background-networking", "--disable-component-update", "--no-pings", *args, timeout=90)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def dump_dom(path):
    result = chromium("--virtual-time-budget=3000", "--dump-dom", pathlib.Path(os.path.abspath(path)).as_uri())
    assert result.returncode == 0 and "<html" in result.stdout, "chromium --dump-dom failed: " + result.stderr[-2000:]
    return result.stdout


def screenshot(html_path, png_path):
    os.makedirs(os.path.dirname(png_path), exist_ok=True)
    if os.path.exists(png_path):
        os.remove(png_path)
    result = chromium("--hide-scrollbars", "--window-size=1100,2400", "--screenshot=" + png_path,
                      pathlib.Path(os.path.abspath(html_path)).as_uri())
    assert result.returncode == 0, "chromium --screenshot failed: " + result.stderr[-2000:]
    return png_path


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class Node:
    def __init__(self, tag, attrs, parent, line):
        self.tag, self.attrs, self.parent, self.line = tag, attrs, parent, line
        self.children = []

    def attr(self, name):
        for key, value in self.attrs:
            if key == name:
                return value
        return None

    def classes(self):
        return (self.attr("class") or "").split()

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def __repr__(self):
        shown = " ".join("%s=%r" % (k, (v or "")[:300]) for k, v in self.attrs)
        return "<%s %s> (line %d)" % (self.tag, shown, self.line)


class Page(HTMLParser):
    """An HTML page as a tree (stdlib html.parser, so every tag and attribute is seen)."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
            "wbr", "keygen", "isindex", "image"}

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None, 0)
        self.current = self.root
        self.comments = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current, self.getpos()[0])
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current, self.getpos()[0]))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    def all(self, tag=None):
        return [n for n in self.root.walk() if tag is None or n.tag == tag]

    def texts(self, *tags):
        return [n.text() for n in self.root.walk() if n.tag in tags]


def browser_url(value):
    """An attribute value as the URL parser sees it: C0 controls and spaces trimmed, tabs and
    newlines removed; returns (scheme or None, the cleaned value)."""
    cleaned = value.strip("".join(chr(c) for c in range(0x21)))
    cleaned = re.sub(r"[\t\n\r]", "", cleaned)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return (match.group(1).lower() if match else None), cleaned


def is_renderer_svg_image(node):
    """The renderer's own <img> for an image/svg+xml output (SVG in <img> cannot run script);
    sanitised HTML cannot make this, as data-mime-type is not an allowed attribute."""
    return (node.tag == "img" and node.parent is not None and node.parent.tag == "div"
            and node.parent.attr("data-mime-type") == "image/svg+xml")


def unsafe_things(page):
    """Everything in `page` that could run script or leave the page, as readable strings."""
    problems = []
    styles = page.all("style")
    head = [n for n in page.all("head")]
    if len(styles) != 1 or not head or head[0] not in list(styles[0].ancestors()):
        problems.append("expected exactly one <style>, the template's in <head>, found %r" % styles)
    for node in page.all():
        if node.tag in FORBIDDEN_TAGS:
            problems.append("forbidden tag %r" % node)
        if node.tag == "meta" and any(k not in ("charset", "name", "content") for k, _ in node.attrs):
            problems.append("meta with more than charset/name/content: %r" % node)
        if node.tag == "meta" and node.attr("name") not in (None, "viewport", "generator"):
            problems.append("unexpected meta %r" % node)
        if node.tag == "input" and (node.attr("type") or "").lower() != "checkbox":
            problems.append("input that is not a checkbox %r" % node)
        for name, value in node.attrs:
            value = value or ""
            if name.startswith("on"):
                problems.append("event handler attribute %s in %r" % (name, node))
            if name in FORBIDDEN_ATTRIBUTES or ":" in name:
                problems.append("forbidden attribute %s in %r" % (name, node))
            if name in ("href", "src"):
                scheme, cleaned = browser_url(value)
                lowered = cleaned.lower()
                ok = scheme is None or scheme in ("http", "https") or (scheme == "mailto" and name == "href")
                if scheme == "data" and node.tag == "img" and name == "src":
                    ok = bool(re.match(r"data:image/(png|jpeg|gif|webp)[;,]", lowered)) or (
                        is_renderer_svg_image(node) and lowered.startswith("data:image/svg+xml;base64,"))
                if not ok:
                    problems.append("unsafe URL %s=%r in %r" % (name, value[:120], node))
            if name == "style":
                squeezed = re.sub(r"/\*.*?\*/", "", re.sub(r"[\x00-\x20]", "", value.lower()))
                for banned in ("url(", "expression", "javascript", "@import", "behavior", "-moz-binding", "\\"):
                    if banned in squeezed:
                        problems.append("style with %r in %r" % (banned, node))
    return problems


def payload_ids(text):
    return sorted({int(m) for m in MARKER.findall(text)})


HARNESS = r"""
<script>
/* Test harness, appended only to a copy of the report: interacts with everything. */
window.addEventListener('load', function () {
  var bad = [];
  var forbidden = /^(SCRIPT|IFRAME|FRAME|OBJECT|EMBED|APPLET|BASE|LINK|FORM|BUTTON|TEXTAREA|SELECT|SVG|MATH|META|STYLE|NOSCRIPT|TEMPLATE|VIDEO|AUDIO|SOURCE|MARQUEE|ISINDEX|KEYGEN|XMP|PLAINTEXT)$/i;
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a') : null;
    if (a && a.protocol !== 'javascript:') { e.preventDefault(); }
  }, true);
  document.addEventListener('submit', function (e) { if (!/^javascript:/i.test(e.target.action)) e.preventDefault(); }, true);
  var all = Array.prototype.slice.call(document.querySelectorAll('main, main *'));
  all.forEach(function (el) {
    if (forbidden.test(el.tagName)) bad.push('tag ' + el.tagName);
    Array.prototype.forEach.call(el.attributes, function (at) {
      if (/^on/i.test(at.name)) bad.push(el.tagName + ' ' + at.name);
      if (/^(href|src|action|formaction|xlink:href|srcdoc|data|poster|background)$/i.test(at.name)) {
        var u;
        try { u = new URL(at.value, document.baseURI); } catch (err) { return; }
        var p = u.protocol;
        var ok = p === 'http:' || p === 'https:' || p === 'mailto:' || p === 'file:';
        if (p === 'data:') {
          ok = el.tagName === 'IMG' && at.name === 'src' && (/^data:image\/(png|jpeg|gif|webp)[;,]/i.test(u.href) ||
               (/^data:image\/svg\+xml;base64,/i.test(u.href) && el.parentNode.getAttribute('data-mime-type') === 'image/svg+xml'));
        }
        if (!ok || !/^(href|src)$/i.test(at.name)) bad.push(el.tagName + ' ' + at.name + '=' + at.value.slice(0, 60));
      }
    });
  });
  ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'pointerover', 'pointerenter', 'focus',
   'focusin', 'blur', 'input', 'change', 'toggle', 'animationstart', 'transitionend', 'load', 'error'].forEach(function (type) {
    all.forEach(function (el) { try { el.dispatchEvent(new Event(type, {bubbles: true})); } catch (err) {} });
  });
  all.forEach(function (el) {
    try { el.focus(); } catch (err) {}
    try { el.click(); } catch (err) {}
  });
  setTimeout(function () {
    document.body.setAttribute('data-harness-bad', bad.join(' | '));
    document.body.setAttribute('data-harness-done', String(all.length));
  }, 500);
});
</script>
"""


class ReportTestCase(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix=self.id().split(".")[-1] + "-", dir=OUTPUT)

    def path(self, name):
        return os.path.join(self.directory, name)

    def report(self, notebook_path, *args, expect=0):
        result = beamtime("report", notebook_path, *args)
        self.assertEqual(result.returncode, expect, result.stderr)
        return result


_peak = {}


def executed_peak():
    """The peak-alignment template executed once for the module (after a fresh 31-point scan)."""
    if not _peak:
        directory = tempfile.mkdtemp(prefix="peak-", dir=OUTPUT)
        prepare = beamtime("exec", "-", stdin="RE(scan([det], motor, -2, 2, 31))\n")
        assert prepare.returncode == 0, "beamtime exec failed: " + prepare.stderr
        out = os.path.join(directory, "peak-alignment.ipynb")
        result = beamtime("execute", PEAK_TEMPLATE, out)
        assert result.returncode == 0, "beamtime execute failed: " + result.stderr
        _peak["notebook"] = out
        _peak["directory"] = directory
    return _peak["notebook"]


# ----------------------------------------------------------------------------------------------
# 1. The XSS corpus.
# ----------------------------------------------------------------------------------------------

class XSSCorpusTests(ReportTestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory_ = tempfile.mkdtemp(prefix="xss-", dir=OUTPUT)
        nb, cls.table, cls.expected_title, file_name = corpus_notebook()
        nbformat.validate(nb)
        cls.notebook = os.path.join(cls.directory_, file_name)
        nbformat.write(nb, cls.notebook)
        cls.html = os.path.join(cls.directory_, "corpus.html")
        cls.result = beamtime("report", cls.notebook, "--to", "html", "-o", cls.html)
        cls.dom = cls.harness_dom = None
        if cls.result.returncode == 0:
            cls.dom = dump_dom(cls.html)
            with open(os.path.join(cls.directory_, "corpus.dom.html"), "w") as f:
                f.write(cls.dom)
            harnessed = os.path.join(cls.directory_, "corpus.harness.html")
            text = read(cls.html)
            with open(harnessed, "w") as f:
                f.write(text.replace("</body>", HARNESS + "</body>") if "</body>" in text else text + HARNESS)
            cls.harness_dom = dump_dom(harnessed)

    def describe(self, ids):
        return "\n".join("  payload %d (%s): %r" % (i, *self.table[i]) for i in ids if i in self.table)

    def assertRendered(self):
        self.assertEqual(self.result.returncode, 0, "beamtime report failed on the corpus: " + self.result.stderr)

    def test_corpus_is_big_enough(self):
        self.assertGreaterEqual(len(PAYLOADS), 40)
        for where, template in PAYLOADS:
            joined = "".join(template) if isinstance(template, list) else template
            self.assertTrue(any(p in joined for p in ("%JS%", "%B64HTML%", "%B64SVG%")),
                            "every payload must be able to mark the page: %r" % template)
            self.assertNotIn("data-pwned", joined)

    def test_the_browser_check_catches_payloads_that_are_not_sanitised(self):
        # A control for the instrument: some corpus payloads put into a page unsanitised must be
        # caught, by loading alone or by the harness's clicks and hovers, so a pass above means
        # the sanitiser stopped them, not that Chromium ran no script.
        passive = ["<script>%JS%</script>", "<img src=x onerror=%JS%>", '<img src="data:image/png;base64,%PNG%" onload=%JS%>',
                   "<details open ontoggle=%JS%><summary>s</summary>d</details>",
                   '<iframe srcdoc="&lt;script&gt;%JS%&lt;/script&gt;"></iframe>', "<svg onload=%JS%>"]
        active = ['<a href="jav&#x61;script:%JS%">js</a>', "<div onmouseover=%JS%>hover me</div>"]
        ids = {template: i for i, (_, template) in enumerate(PAYLOADS, start=1) if isinstance(template, str)}
        body = "".join(expand(t, ids[t]) for t in active + passive)
        control = os.path.join(self.directory_, "control.html")
        with open(control, "w") as f:
            f.write("<!DOCTYPE html><html><head><title>control</title></head><body><main>%s</main></body></html>" % body)
        fired = {int(i) for i in re.findall(r"X(\d+)", Page(dump_dom(control)).all("body")[0].attr("data-pwned") or "")}
        self.assertEqual(fired, {ids[t] for t in passive})
        with open(control, "w") as f:
            f.write("<!DOCTYPE html><html><head><title>control</title></head><body><main>%s</main>%s</body></html>"
                    % (body, HARNESS))
        page = Page(dump_dom(control))
        fired = {int(i) for i in re.findall(r"X(\d+)", page.all("body")[0].attr("data-pwned") or "")}
        self.assertEqual(fired, {ids[t] for t in passive + active})
        self.assertTrue(page.all("body")[0].attr("data-harness-bad"))

    def test_no_payload_runs_in_the_browser(self):
        self.assertRendered()
        body = Page(self.dom).all("body")[0]
        marked = body.attr("data-pwned")
        ids = [int(i) for i in re.findall(r"X(\d+)", marked or "")]
        self.assertIsNone(marked, "payloads ran in Chromium (data-pwned=%r):\n%s" % (marked, self.describe(ids)))
        self.assertNotIn("data-pwned", self.dom)

    def test_no_payload_runs_when_everything_is_clicked_hovered_and_focused(self):
        self.assertRendered()
        page = Page(self.harness_dom)
        body = page.all("body")[0]
        self.assertIsNotNone(body.attr("data-harness-done"), "the harness did not finish")
        self.assertGreater(int(body.attr("data-harness-done")), 100)
        marked = body.attr("data-pwned")
        ids = [int(i) for i in re.findall(r"X(\d+)", marked or "")]
        self.assertIsNone(marked, "payloads ran on interaction (data-pwned=%r):\n%s" % (marked, self.describe(ids)))
        bad = body.attr("data-harness-bad")
        self.assertEqual(bad, "", "the browser sees unsafe elements/URLs: %s\n%s" % (bad, self.describe(payload_ids(bad))))

    def test_report_file_has_nothing_that_can_run_script(self):
        self.assertRendered()
        text = read(self.html)
        lowered = text.lower()
        # Markup only: the words javascript: etc. may be shown as text (escaped payloads); URLs
        # in attributes are checked by unsafe_things.
        for needle in ("<script", "<iframe", "<object", "<embed", "<meta http-equiv", "<svg", "<math", "<form",
                       "<base", "<link", "<textarea"):
            if needle in lowered:
                at = lowered.index(needle)
                self.fail("%r in the report file near %r\n%s" % (needle, text[max(0, at - 200):at + 200],
                                                                 self.describe(payload_ids(text[max(0, at - 200):at + 400]))))
        self.assertEqual(lowered.count("<style"), 1, "only the template's own <style>")
        problems = unsafe_things(Page(text))
        self.assertEqual(problems, [], "\n".join(problems) + "\n" + self.describe(payload_ids("\n".join(problems))))

    def test_browser_dom_has_nothing_that_can_run_script(self):
        # The same checks on Chromium's own parse of the page (catches parser differentials).
        self.assertRendered()
        problems = unsafe_things(Page(self.dom))
        self.assertEqual(problems, [], "\n".join(problems) + "\n" + self.describe(payload_ids("\n".join(problems))))

    def test_harmless_content_survives(self):
        self.assertRendered()
        page = Page(self.dom)
        bold = set(page.texts("b", "strong"))
        missing = [i for i, (where, _) in self.table.items()
                   if where not in ("title", "kernel", "generated", "source") and "SAFE-AFTER-%d" % i not in bold]
        self.assertEqual(missing, [], "content after these payloads was swallowed:\n" + self.describe(missing))
        for marker in ("SAFE-INTRO-BOLD", "SAFE-HTML-BOLD", "SAFE-MD-BOLD", "SAFE-END"):
            self.assertIn(marker, bold)
        cells = {n.text(): n for n in page.all("td") + page.all("th")}
        for marker in ("SAFE-HTML-HEAD", "SAFE-HTML-CELL", "SAFE-MD-CELL"):
            self.assertIn(marker, cells)
            self.assertIn("table", [a.tag for a in cells[marker].ancestors()])
        styled = [n for n in page.all("span") if n.text() == "SAFE-STYLED"]
        self.assertTrue(styled and "color" in (styled[0].attr("style") or ""), styled)
        self.assertIn("SAFE-STRIKE", page.texts("del", "s"))
        links = {n.text(): n.attr("href") for n in page.all("a")}
        self.assertEqual(links.get("safe link"), "https://example.org/safe")
        self.assertEqual(links.get("SAFE-FRAGMENT"), "#anchor")
        self.assertEqual(links.get("beamline@example.org"), "mailto:beamline@example.org")
        images = [n for n in page.all("img") if n.attr("alt") == "safe-png"]
        self.assertTrue(images and images[0].attr("src").startswith("data:image/png;base64,"), images)
        # The SAFE-END marker is the last thing in <main>: nothing swallowed the rest of the page.
        main = page.all("main")[0]
        self.assertTrue(main.text().rstrip().endswith("SAFE-END"), main.text()[-300:])
        # The title (first heading) and the header fields are shown as text.
        titles = page.texts("title")
        self.assertEqual(titles, [self.expected_title])
        header = page.all("header")[0].text()
        for field in ("kernel", "generated", "source"):
            self.assertIn(self.table[next(i for i, (w, _) in self.table.items() if w == field)][1], header, field)

    def test_escaped_payloads_show_as_text(self):
        # text/plain, streams, tracebacks, LaTeX and code inputs show the payload verbatim as text.
        self.assertRendered()
        page = Page(self.dom)
        shown = "\n".join(page.texts("pre", "div"))
        for i, (where, payload) in self.table.items():
            if where in ("plain", "code"):
                for line in payload.split("\n"):
                    self.assertIn(line, shown, "payload %d (%s) is not shown as text" % (i, where))
            if where in ("stdout", "error"):
                self.assertIn("<script>%s</script>" % marker_script(i), shown, "payload %d (%s)" % (i, where))

    def test_screenshot_of_the_corpus(self):
        self.assertRendered()
        png = screenshot(self.html, os.path.join(SCREENSHOTS, "xss-corpus.png"))
        self.assertGreater(os.path.getsize(png), 20_000)


# ----------------------------------------------------------------------------------------------
# 2. Reports of real notebooks.
# ----------------------------------------------------------------------------------------------

class PeakAlignmentReportTests(ReportTestCase):
    @classmethod
    def setUpClass(cls):
        cls.notebook = executed_peak()

    def test_html_report_is_self_contained_and_looks_right(self):
        html = self.path("peak-alignment.html")
        result = self.report(self.notebook, "--to", "html", "-o", html)
        self.assertEqual(result.stdout.strip(), html)
        text = read(html)
        page = Page(text)
        self.assertEqual(unsafe_things(page), [])
        for node in page.all():
            for name in ("src", "href"):
                value = node.attr(name)
                if value is not None and node.tag != "a":
                    self.assertFalse(re.match(r"\s*(https?:)?//", value), "external resource %r" % node)
        self.assertEqual(page.all("link"), [])
        self.assertEqual(page.all("script"), [])
        css = "".join(page.texts("style"))
        self.assertNotIn("@import", css)
        self.assertNotRegex(css, r"url\(\s*['\"]?\s*(https?:)?//")
        # The figure, embedded as SVG in a data URI.
        figures = [n for n in page.all("img") if (n.attr("src") or "").startswith("data:image/svg+xml;base64,")]
        self.assertEqual(len(figures), 1)
        svg = base64.b64decode(figures[0].attr("src").split(",", 1)[1]).decode()
        self.assertTrue(svg.lstrip().startswith("<svg"))
        self.assertRegex(svg, r"gaussian fit of scan \d+")
        # Headings, prompts, the fit table, the glued result.
        self.assertEqual(page.texts("h1"), ["Peak alignment report"])
        self.assertEqual(page.texts("h2"), ["Peak statistics", "Fit", "Results"])
        self.assertEqual(page.texts("title"), ["Peak alignment report"])
        prompts = [t.replace("\xa0", " ") for t in page.texts("div") if re.fullmatch(r"In.\[\d+\]:", t)]
        self.assertEqual(prompts, ["In [%d]:" % i for i in range(1, 7)])
        cells = page.texts("td")
        for name in ("amplitude", "center", "sigma", "fwhm", "height"):
            self.assertIn(name, cells)
        self.assertRegex(page.all("main")[0].text(), r"Align motor to -?0\.0000")
        self.assertIn("completed", page.all("header")[0].text())
        # Rendered by a browser: a screenshot with something in it.
        png = screenshot(html, os.path.join(SCREENSHOTS, "peak-alignment.png"))
        self.assertGreater(os.path.getsize(png), 20_000)
        from PIL import Image
        with Image.open(png) as image:
            self.assertEqual(image.size, (1100, 2400))
            dark = sum(image.convert("L").histogram()[:128])
        self.assertGreater(dark, 5_000, "the screenshot is nearly blank")

    def test_markdown_report_links_its_images(self):
        md = self.path("peak-alignment.md")
        result = self.report(self.notebook, "--to", "markdown", "-o", md)
        self.assertEqual(result.stdout.strip(), md)
        text = read(md)
        links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
        self.assertEqual(len(links), 1, text)
        for link in links:
            self.assertFalse(re.match(r"[a-z]+:", link), link)
            full = os.path.join(self.directory, link)
            self.assertTrue(os.path.isfile(full), full)
            self.assertTrue(read(full).lstrip().startswith("<svg"))
        self.assertTrue(text.startswith("# Peak alignment report"))
        self.assertIn("```python\nresult = fit(model, x, y)\nresult\n```", text)
        self.assertRegex(text, r"\n    max at motor = ")
        self.assertIn("<td>amplitude</td>", text)
        self.assertNotIn("data:image", text)

    def test_no_input_leaves_no_prompts_or_code(self):
        html, md = self.path("no-input.html"), self.path("no-input.md")
        self.report(self.notebook, "--no-input", "-o", html)
        self.report(self.notebook, "--no-input", "--to", "markdown", "-o", md)
        text = read(html)
        page = Page(text)
        shown = page.all("main")[0].text().replace("\xa0", " ")
        self.assertNotIn("In [", shown)
        self.assertNotIn("Out[", shown)
        self.assertNotIn("In&nbsp;[", text)
        self.assertEqual([n for n in page.all() if "highlight" in n.classes()], [])
        self.assertEqual(page.all("details"), [])
        self.assertNotIn("peak_stats(x, y)", shown)
        self.assertIn("max at motor", shown)
        self.assertEqual(len([n for n in page.all("img") if (n.attr("src") or "").startswith("data:image/svg")]), 1)
        self.assertEqual(page.texts("h2"), ["Peak statistics", "Fit", "Results"])
        markdown = read(md)
        self.assertNotIn("```", markdown)
        self.assertNotIn("peak_stats(x, y)", markdown)
        self.assertIn("    max at motor", markdown)


def tags_notebook():
    """An executed notebook (no kernel needed) with each tag nbconvert / Jupyter Book honour."""
    def cell(source, output, count, **metadata):
        return new_code_cell(source, execution_count=count, metadata=metadata,
                             outputs=[new_output("stream", name="stdout", text=output + "\n")])
    return new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                        cells=[
        new_markdown_cell("# Tags"),
        cell("PLAIN_SOURCE = 1", "PLAIN-OUT", 1),
        cell("REMOVED_CELL_SOURCE = 1", "REMOVED-CELL-OUT", 2, tags=["remove-cell"]),
        cell("REMOVED_INPUT_SOURCE = 1", "KEPT-OUT-OF-REMOVE-INPUT", 3, tags=["remove-input"]),
        cell("KEPT_SOURCE_OF_REMOVE_OUTPUT = 1", "REMOVED-OUTPUT-OUT", 4, tags=["remove-output"]),
        cell("HIDDEN_INPUT_SOURCE = 1", "KEPT-OUT-OF-HIDE-INPUT", 5, tags=["hide-input"]),
        new_markdown_cell("REMOVED-MARKDOWN", metadata={"tags": ["remove-cell"]}),
        cell("SOURCE_HIDDEN_BY_METADATA = 1", "KEPT-OUT-OF-SOURCE-HIDDEN", 6, jupyter={"source_hidden": True}),
        new_code_cell("RESULT_SOURCE", execution_count=7,
                      outputs=[new_output("execute_result", data={"text/plain": "RESULT-VALUE"}, execution_count=7)]),
        new_markdown_cell("KEPT-MARKDOWN"),
    ])


class CellTagAndOptionTests(ReportTestCase):
    def notebook(self):
        path = self.path("tags.ipynb")
        nb = tags_notebook()
        nbformat.validate(nb)
        nbformat.write(nb, path)
        return path

    def test_cell_tags_in_html(self):
        html = self.path("tags.html")
        self.report(self.notebook(), "-o", html)
        page = Page(read(html))
        main = page.all("main")[0]
        shown = main.text()
        for gone in ("REMOVED_CELL_SOURCE", "REMOVED-CELL-OUT", "REMOVED-MARKDOWN", "REMOVED_INPUT_SOURCE",
                     "REMOVED-OUTPUT-OUT"):
            self.assertNotIn(gone, shown)
        for kept in ("PLAIN_SOURCE", "PLAIN-OUT", "KEPT-OUT-OF-REMOVE-INPUT", "KEPT_SOURCE_OF_REMOVE_OUTPUT",
                     "HIDDEN_INPUT_SOURCE", "KEPT-OUT-OF-HIDE-INPUT", "SOURCE_HIDDEN_BY_METADATA",
                     "KEPT-OUT-OF-SOURCE-HIDDEN", "RESULT-VALUE", "KEPT-MARKDOWN"):
            self.assertIn(kept, shown)
        self.assertEqual(len([n for n in page.all("div") if "jp-CodeCell" in n.classes()]), 6)

        def holder(text):
            return next(n for n in page.all() if text in "".join(c for c in n.children if isinstance(c, str))
                        or (n.tag == "span" and n.text() == text))

        # hide-input (Jupyter Book) and jupyter.source_hidden: the input is in the page, collapsed
        # behind a closed toggle; the output is shown normally.
        for source, output in (("HIDDEN_INPUT_SOURCE", "KEPT-OUT-OF-HIDE-INPUT"),
                               ("SOURCE_HIDDEN_BY_METADATA", "KEPT-OUT-OF-SOURCE-HIDDEN")):
            toggles = [a for a in holder(source).ancestors() if a.tag == "details"]
            self.assertEqual(len(toggles), 1, source)
            self.assertIsNone(toggles[0].attr("open"))
            self.assertNotIn("details", [a.tag for a in holder(output).ancestors()])
        # Inputs not hidden are not in toggles; remove-input's output has no input beside it.
        self.assertNotIn("details", [a.tag for a in holder("PLAIN_SOURCE").ancestors()])
        self.assertNotIn("details", [a.tag for a in holder("KEPT_SOURCE_OF_REMOVE_OUTPUT").ancestors()])
        cell = next(a for a in holder("KEPT-OUT-OF-REMOVE-INPUT").ancestors() if "jp-CodeCell" in a.classes())
        self.assertEqual([n for n in cell.walk() if "highlight" in n.classes()], [])

    def test_cell_tags_and_no_input_in_markdown(self):
        md, bare = self.path("tags.md"), self.path("bare.md")
        notebook = self.notebook()
        self.report(notebook, "--to", "markdown", "-o", md)
        self.report(notebook, "--to", "markdown", "--no-input", "-o", bare)
        text = read(md)
        for gone in ("REMOVED_CELL_SOURCE", "REMOVED-CELL-OUT", "REMOVED-MARKDOWN", "REMOVED_INPUT_SOURCE",
                     "REMOVED-OUTPUT-OUT"):
            self.assertNotIn(gone, text)
        self.assertIn("```python\nPLAIN_SOURCE = 1\n```", text)
        self.assertIn("```python\nKEPT_SOURCE_OF_REMOVE_OUTPUT = 1\n```", text)
        # Markdown has no toggle; whether a hide-input cell's code is shown is not checked here,
        # only that its output is.
        for kept in ("    PLAIN-OUT", "    KEPT-OUT-OF-REMOVE-INPUT", "    KEPT-OUT-OF-HIDE-INPUT", "    RESULT-VALUE",
                     "KEPT-MARKDOWN", "# Tags"):
            self.assertIn(kept, text)
        text = read(bare)
        self.assertNotIn("```", text)
        self.assertNotIn("_SOURCE", text)
        for kept in ("    PLAIN-OUT", "    KEPT-OUT-OF-REMOVE-INPUT", "    RESULT-VALUE", "KEPT-MARKDOWN"):
            self.assertIn(kept, text)

    def test_no_input_on_the_tag_notebook(self):
        html = self.path("bare.html")
        self.report(self.notebook(), "--no-input", "-o", html)
        text = read(html)
        page = Page(text)
        shown = page.all("main")[0].text().replace("\xa0", " ")
        self.assertNotRegex(shown, r"(In|Out)\s*\[")
        self.assertEqual([n for n in page.all() if "highlight" in n.classes() or n.tag == "details"], [])
        self.assertNotIn("_SOURCE", shown)
        for kept in ("PLAIN-OUT", "KEPT-OUT-OF-REMOVE-INPUT", "KEPT-OUT-OF-HIDE-INPUT", "RESULT-VALUE", "KEPT-MARKDOWN"):
            self.assertIn(kept, shown)

    def test_template_with_an_unknown_field_fails_and_names_it(self):
        template = self.path("facility.html")
        with open(template, "w") as f:
            f.write("<!DOCTYPE html><html><head><title>{{title}}</title></head>"
                    "<body><p>{{beamline_name}}</p>{{{body}}}</body></html>")
        out = self.path("never.html")
        result = self.report(self.notebook(), "--template", template, "-o", out, expect=1)
        self.assertIn("beamline_name", result.stderr)
        self.assertIn("unknown field", result.stderr)
        self.assertFalse(os.path.exists(out), "a report was written despite the bad template")
        # A good custom template is used as given.
        with open(template, "w") as f:
            f.write("<!DOCTYPE html><html><head><title>{{title}}</title></head>"
                    "<body><p class=\"facility\">Facility page for {{source}}</p>{{{body}}}</body></html>")
        result = self.report(self.notebook(), "--template", template, "-o", out)
        page = Page(read(out))
        self.assertEqual(page.texts("title"), ["Tags"])
        self.assertEqual([n.text() for n in page.all("p") if "facility" in n.classes()],
                         ["Facility page for " + self.path("tags.ipynb")])
        self.assertIn("KEPT-MARKDOWN", page.all("body")[0].text())


# ----------------------------------------------------------------------------------------------
# 3. Against nbconvert.
# ----------------------------------------------------------------------------------------------

def nbconvert(*args):
    return run(sys.executable, "-m", "nbconvert", *args)


def output_mimetypes(page, output_class):
    """Per code cell, in order, the set of data-mime-types of its outputs; stream outputs count
    as text/plain (nbconvert marks stdout as text/plain, we mark it as Jupyter's stream type)."""
    cells = []
    for node in page.all("div"):
        if "jp-Cell" in node.classes() and "jp-CodeCell" in node.classes():
            shown = set()
            for child in node.walk():
                mime = child.attr("data-mime-type")
                if mime and (output_class is None or output_class in child.classes()):
                    shown.add({"application/vnd.jupyter.stdout": "text/plain",
                               "application/vnd.jupyter.stderr": "text/plain"}.get(mime, mime))
            cells.append(shown)
    return cells


class NbconvertComparisonTests(ReportTestCase):
    """Ours and nbconvert's HTML/Markdown for the same executed notebook, compared loosely.

    Differences by design: nbconvert copies text/html outputs into the page as they are (it
    trusts the notebook) while we pass them through HTMLSanitizer; nbconvert's lab template
    carries JupyterLab's ~300 kB of CSS, element ids, CodeMirror wrappers and collapsers, ours
    is a small page template; nbconvert shows raw cells and can emit application/javascript, we
    never do; stream outputs are marked text/plain by nbconvert and application/vnd.jupyter.stdout
    by us; prompts are `In [n]:` vs `In&nbsp;[n]:`. In Markdown, nbconvert leaves more blank
    lines and names images NAME_files/NAME_C_O.svg where we write NAME_files/output_C_O.svg.
    What must agree: which outputs each cell shows and with which mimetype, the figure, the fit
    table, the code, and which cells the standard tags remove.
    """

    @classmethod
    def setUpClass(cls):
        cls.notebook = executed_peak()

    def test_html_shows_the_same_outputs_as_nbconvert(self):
        ours, theirs = self.path("ours.html"), self.path("theirs.html")
        self.report(self.notebook, "-o", ours)
        result = nbconvert("--to", "html", self.notebook, "--output-dir", self.directory, "--output", "theirs")
        self.assertEqual(result.returncode, 0, result.stderr)
        a, b = Page(read(ours)), Page(read(theirs))
        mine, nbc = output_mimetypes(a, None), output_mimetypes(b, "jp-OutputArea-output")
        self.assertEqual(len(mine), 6)
        self.assertEqual(mine, nbc)
        self.assertIn({"image/svg+xml"}, mine)
        self.assertIn({"text/html"}, mine)

        def figure(page):
            images = [n.attr("src") for n in page.all("img") if (n.attr("src") or "").startswith("data:image/svg+xml")]
            self.assertEqual(len(images), 1)
            return base64.b64decode(images[0].split(",", 1)[1]).decode().strip()

        self.assertEqual(figure(a), figure(b))

        def fit_table(page):
            node = next(n for n in page.all("div") if n.attr("data-mime-type") == "text/html")
            return [n.text().strip() for n in node.walk() if n.tag in ("td", "th")]

        self.assertEqual(fit_table(a), fit_table(b))
        self.assertIn("amplitude", fit_table(a))
        self.assertEqual(a.texts("h1") + a.texts("h2"), [t.replace("\xb6", "").strip() for t in b.texts("h1") + b.texts("h2")])

    def test_markdown_matches_nbconvert_in_spirit(self):
        ours = self.path("ours.md")
        self.report(self.notebook, "--to", "markdown", "-o", ours)
        result = nbconvert("--to", "markdown", self.notebook, "--output-dir", self.directory, "--output", "theirs")
        self.assertEqual(result.returncode, 0, result.stderr)
        a, b = read(ours), read(self.path("theirs.md"))
        fence = re.compile(r"```python\n(.*?)\n```", re.S)
        self.assertEqual(fence.findall(a), fence.findall(b))
        image = re.compile(r"!\[svg\]\(([^)]+)\)")
        (mine,), (theirs,) = image.findall(a), image.findall(b)
        self.assertEqual(read(os.path.join(self.directory, mine)).strip(),
                         read(os.path.join(self.directory, theirs)).strip())
        for text in (a, b):
            self.assertIn("<td>amplitude</td>", text)
            self.assertIn("    max at motor = ", text)
            self.assertRegex(text, r"\*\*Align motor to -?0\.0000\*\*")

        # The same lines once blank lines, indentation-only lines and image names are set aside.
        def lines(text):
            return [image.sub("![svg](IMAGE)", l).strip() for l in text.splitlines() if l.strip()]

        self.assertEqual(lines(a), lines(b))

    def test_cell_tags_remove_what_nbconvert_removes(self):
        path = self.path("tags.ipynb")
        nbformat.write(tags_notebook(), path)
        ours = self.path("tags.html")
        self.report(path, "-o", ours)
        result = nbconvert("--to", "html", path, "--output-dir", self.directory, "--output", "tags-nbconvert",
                           "--TagRemovePreprocessor.enabled=True",
                           "--TagRemovePreprocessor.remove_cell_tags=remove-cell",
                           "--TagRemovePreprocessor.remove_input_tags=remove-input",
                           "--TagRemovePreprocessor.remove_all_outputs_tags=remove-output")
        self.assertEqual(result.returncode, 0, result.stderr)
        mine = Page(read(ours)).all("body")[0].text()
        theirs = Page(read(self.path("tags-nbconvert.html"))).all("body")[0].text()
        for marker in ("PLAIN_SOURCE", "PLAIN-OUT", "REMOVED_CELL_SOURCE", "REMOVED-CELL-OUT", "REMOVED-MARKDOWN",
                       "REMOVED_INPUT_SOURCE", "KEPT-OUT-OF-REMOVE-INPUT", "KEPT_SOURCE_OF_REMOVE_OUTPUT",
                       "REMOVED-OUTPUT-OUT", "HIDDEN_INPUT_SOURCE", "KEPT-OUT-OF-HIDE-INPUT", "RESULT-VALUE"):
            self.assertEqual(marker in mine, marker in theirs, marker)


if __name__ == "__main__":
    unittest.main()

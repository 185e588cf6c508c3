/// Beamtime's report page, the same text as `templates/report.html` (a test keeps the two
/// equal): the template `beamtime report` uses unless `--template FILE` is given.
public enum DefaultPageTemplate {
    /// The template text.
    public static let text = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{generator}}">
<title>{{title}}</title>
<style>
/* Beamtime report page. Copy this file, change it, and pass it with
   `beamtime report NOTEBOOK --template FILE`. Fields: title, body, source, generated,
   generator, kernel, status; in two braces a field is HTML-escaped, in three it goes in as is. */
:root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --input: #f6f8fa; --accent: #0b5cad; }
body { margin: 0; color: var(--fg); background: #fff; font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
header.report { padding: 14px 32px; border-bottom: 1px solid var(--border); color: var(--muted); font-size: 13px; display: flex; gap: 24px; flex-wrap: wrap; }
header.report .status-failed { color: #b42318; font-weight: 600; }
header.report .status-completed { color: #1a7f37; font-weight: 600; }
main { max-width: 1040px; margin: 0 auto; padding: 16px 32px 48px; }
.jp-Cell { margin: 10px 0; }
.jp-InputArea, .jp-OutputArea { display: flex; align-items: flex-start; }
.jp-InputPrompt, .jp-OutputPrompt { flex: 0 0 72px; color: var(--muted); font: 12px/1.9 "DejaVu Sans Mono", Menlo, Consolas, monospace; text-align: right; padding-right: 8px; }
.jp-InputPrompt { color: #303f9f; } .jp-OutputPrompt { color: #d84315; }
.highlight { flex: 1; min-width: 0; background: var(--input); border: 1px solid var(--border); border-radius: 4px; }
pre { margin: 0; padding: 6px 8px; font: 13px/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-word; }
.jp-RenderedText, .jp-RenderedHTML, .jp-RenderedMarkdown, .jp-RenderedImage, .jp-RenderedLatex { flex: 1; min-width: 0; overflow-x: auto; }
.jp-stderr { background: #fff5f5; } .jp-error pre { background: #fff5f5; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
.jp-MarkdownCell .jp-RenderedMarkdown { padding-left: 80px; }
.jp-RenderedHTML table, .jp-RenderedMarkdown table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
.jp-RenderedHTML th, .jp-RenderedHTML td, .jp-RenderedMarkdown th, .jp-RenderedMarkdown td { border: 1px solid var(--border); padding: 3px 8px; }
.jp-RenderedHTML td { text-align: right; }
.jp-RenderedHTML th, .jp-RenderedMarkdown th { background: var(--input); }
.jp-RenderedLatex { font-family: serif; white-space: pre-wrap; padding: 6px 8px; }
details.jp-HiddenInput summary { margin-left: 80px; color: var(--muted); cursor: pointer; font-size: 13px; }
a { color: var(--accent); }
h1, h2, h3 { line-height: 1.25; }
/* Pygments classes, as nbconvert marks up code. */
.highlight .k, .highlight .ow { color: #008000; font-weight: bold; } .highlight .nb { color: #008000; }
.highlight .s, .highlight .sd { color: #ba2121; } .highlight .c1 { color: #3d7b7b; font-style: italic; }
.highlight .m { color: #666666; } .highlight .o { color: #666666; } .highlight .nf { color: #0000ff; }
.highlight .nc { color: #0000ff; font-weight: bold; } .highlight .nd { color: #aa22ff; }
/* nbconvert's ANSI classes. */
.ansi-black-fg { color: #3e424d; } .ansi-red-fg { color: #e75c58; } .ansi-green-fg { color: #00a250; } .ansi-yellow-fg { color: #ddb62b; }
.ansi-blue-fg { color: #208ffb; } .ansi-magenta-fg { color: #d160c4; } .ansi-cyan-fg { color: #60c6c8; } .ansi-white-fg { color: #c5c1b4; }
.ansi-black-bg { background-color: #3e424d; } .ansi-red-bg { background-color: #e75c58; } .ansi-green-bg { background-color: #00a250; }
.ansi-yellow-bg { background-color: #ddb62b; } .ansi-blue-bg { background-color: #208ffb; } .ansi-magenta-bg { background-color: #d160c4; }
.ansi-cyan-bg { background-color: #60c6c8; } .ansi-white-bg { background-color: #c5c1b4; }
.ansi-black-intense-fg { color: #282c36; } .ansi-red-intense-fg { color: #b22b31; } .ansi-green-intense-fg { color: #007427; }
.ansi-yellow-intense-fg { color: #b27d12; } .ansi-blue-intense-fg { color: #0065ca; } .ansi-magenta-intense-fg { color: #a03196; }
.ansi-cyan-intense-fg { color: #258f8f; } .ansi-white-intense-fg { color: #a1a6b2; }
.ansi-bold { font-weight: bold; } .ansi-underline { text-decoration: underline; }
@media print { header.report { border: 0; } .jp-Cell { break-inside: avoid; } }
</style>
</head>
<body>
<header class="report"><span>{{source}}</span><span>{{kernel}}</span><span>{{generated}}</span><span class="status-{{status}}">{{status}}</span></header>
<main>
{{{body}}}
</main>
</body>
</html>

"""#
}

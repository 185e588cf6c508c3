import XCTest
import JSON
import Notebook
@testable import Report

final class NotebookRenderingTests: XCTestCase {
    func notebook() -> Notebook {
        var code = Cell(type: "code", source: "x = 1\nx", id: "a")
        code.set("execution_count", 3)
        code.set("outputs", [
            ["output_type": "stream", "name": "stdout", "text": "\u{1B}[31mred\u{1B}[0m\n"],
            ["output_type": "execute_result", "execution_count": 3, "metadata": [:],
             "data": ["text/plain": "1", "text/html": "<b>one</b><script>x()</script>", "image/png": "iVBORw0KGgo="]],
            ["output_type": "display_data", "metadata": [:], "data": ["application/scrapbook.scrap.json+json": ["name": "x"]]],
        ])
        var hidden = Cell(type: "code", source: "secret_input()", id: "b", tags: ["remove-input"])
        hidden.set("outputs", [["output_type": "stream", "name": "stdout", "text": "visible output\n"]])
        let removed = Cell(type: "code", source: "gone()", id: "c", tags: ["remove-cell"])
        var quiet = Cell(type: "code", source: "shown_code()", id: "d", tags: ["remove-output"])
        quiet.set("outputs", [["output_type": "stream", "name": "stdout", "text": "hidden output\n"]])
        let folded = Cell(type: "code", source: "folded_code()", id: "e", tags: ["hide-input"])
        return Notebook(cells: [Cell(type: "markdown", source: "# Title here\n\n| a | b |\n|---|---|\n| 1 | 2 |", id: "m"),
                                code, hidden, removed, quiet, folded],
                        metadata: ["kernelspec": ["name": "beamtime", "display_name": "Beamtime"]])
    }

    func render(noInput: Bool = false) throws -> String {
        NotebookHTMLRenderer(template: try PageTemplate(text: DefaultPageTemplate.text), noInput: noInput)
            .render(notebook(), source: "run.ipynb")
    }

    func testHTMLFollowsPriorityTagsAndEscapes() throws {
        let html = try render()
        XCTAssertTrue(html.contains("<title>Title here</title>"))
        XCTAssertTrue(html.contains("<table>"), "GFM tables")
        XCTAssertTrue(html.contains("<b>one</b>"), "text/html is preferred over png and plain")
        XCTAssertFalse(html.contains("x()"), "and sanitised")
        XCTAssertTrue(html.contains("<span class=\"ansi-red-fg\">red</span>"))
        XCTAssertTrue(html.contains("In&nbsp;[3]:") && html.contains("Out[3]:"))
        XCTAssertFalse(html.contains("secret_input"))
        XCTAssertTrue(html.contains("visible output"))
        XCTAssertFalse(html.contains("gone()"))
        XCTAssertTrue(html.contains("shown_code") && !html.contains("hidden output"))
        XCTAssertTrue(html.contains("<details class=\"jp-HiddenInput\"><summary>Show code</summary>"))
        XCTAssertFalse(html.contains("scrapbook"), "glue has nothing to show")
    }

    func testNoInputDropsEveryInputAndPrompt() throws {
        let html = try render(noInput: true)
        XCTAssertFalse(html.contains("In&nbsp;["))
        XCTAssertFalse(html.contains("Out["))
        XCTAssertFalse(html.contains("x = 1"))
        XCTAssertTrue(html.contains("<b>one</b>"))
    }

    func testMarkdownWritesImagesBeside() {
        let (text, files) = NotebookMarkdownRenderer().render(notebook(), stem: "run")
        XCTAssertTrue(text.contains("```python\nx = 1\nx\n```"))
        XCTAssertTrue(text.contains("    red"), "streams indented, ANSI stripped")
        XCTAssertTrue(text.contains("![png](run_files/output_1_1.png)"))
        XCTAssertEqual(files.map(\.path), ["run_files/output_1_1.png"])
        XCTAssertEqual(files.first?.bytes.prefix(4), [0x89, 0x50, 0x4E, 0x47])
    }

    func testTemplateFieldsAreCheckedAndEscaped() throws {
        XCTAssertThrowsError(try PageTemplate(text: "<h1>{{titel}}</h1>")) { XCTAssertTrue("\($0)".contains("{{titel}}")) }
        XCTAssertThrowsError(try PageTemplate(text: "<h1>{{title</h1>"))
        let page = try PageTemplate(text: "<h1>{{title}}</h1>{{{body}}}").render(["title": "<i>", "body": "<i>"])
        XCTAssertEqual(page, "<h1>&lt;i&gt;</h1><i>")
    }

    func testShippedTemplateFileEqualsTheBuiltInOne() throws {
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let shipped = try String(contentsOfFile: "/" + path + "/templates/report.html", encoding: .utf8)
        XCTAssertEqual(shipped, DefaultPageTemplate.text, "templates/report.html and DefaultPageTemplate.swift must be the same text")
    }

    func testCodeIsHighlightedWithPygmentsClasses() {
        let html = PythonHighlighter.html("def f(x):  # c\n    return \"s<\" + 1")
        XCTAssertTrue(html.contains("<span class=\"k\">def</span> <span class=\"nf\">f</span>"))
        XCTAssertTrue(html.contains("<span class=\"c1\"># c</span>"))
        XCTAssertTrue(html.contains("<span class=\"s\">&#34;s&lt;&#34;</span>"))
        XCTAssertTrue(html.contains("<span class=\"m\">1</span>"))
    }
}

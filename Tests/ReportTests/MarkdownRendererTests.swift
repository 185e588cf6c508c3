import XCTest
@testable import Report

final class MarkdownRendererTests: XCTestCase {
    func testTablesAndGitHubExtensions() {
        let html = MarkdownRenderer.html("| motor | det |\n|---|--:|\n| 0.5 | 12 |\n\n~~old~~ and https://example.org\n\n- [x] done\n")
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<th>motor</th>"), html)
        XCTAssertTrue(html.contains("<td align=\"right\">12</td>"), html)
        XCTAssertTrue(html.contains("<del>old</del>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org\">"), html)
        XCTAssertTrue(html.contains("checked=\"\""), html)
    }

    func testMarkdownCannotPutScriptIntoAReport() {
        let corpus = [
            "<script>alert(1)</script>",
            "Text <img src=x onerror=alert(1)> more",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "![img](javascript:alert(1))",
            "<iframe src=\"https://evil\"></iframe>",
            "<div onmouseover=\"alert(1)\">hover</div>",
        ]
        for markdown in corpus {
            let html = MarkdownRenderer.html(markdown).lowercased()
            XCTAssertFalse(html.contains("<script"), markdown)
            XCTAssertFalse(html.contains("javascript:"), markdown)
            XCTAssertFalse(html.contains("onerror="), markdown)
            XCTAssertFalse(html.contains("onmouseover="), markdown)
            XCTAssertFalse(html.contains("<iframe"), markdown)
        }
    }

    func testHeadingsEmphasisAndCode() {
        XCTAssertEqual(MarkdownRenderer.html("# Peak *report*\n\n`x = 1`\n"), "<h1>Peak <em>report</em></h1>\n<p><code>x = 1</code></p>\n")
    }
}

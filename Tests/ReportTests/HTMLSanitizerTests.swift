import XCTest
@testable import Report

final class HTMLSanitizerTests: XCTestCase {
    func testPresentationalMarkupSurvives() {
        let table = #"<table class="fit"><tr><th colspan="2">a</th></tr><tr><td style="color: red">1 &amp; 2</td></tr></table>"#
        XCTAssertEqual(HTMLSanitizer.sanitize(table), table)
        XCTAssertEqual(HTMLSanitizer.sanitize("<b>bold</b> <a href=\"https://example.org/x?a=1\">link</a>"),
                       "<b>bold</b> <a href=\"https://example.org/x?a=1\">link</a>")
    }

    func testScriptsHandlersAndDangerousURLsAreRemoved() {
        let corpus = [
            "<script>alert(1)</script>", "<SCRIPT SRC=x></SCRIPT>", "<scr<script>ipt>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "<img/src=x/onerror=alert(1)>", "<body onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"jav&#x61;script:alert(1)\">x</a>",
            "<a href=\"java\tscript:alert(1)\">x</a>", "<a href=\" JAVASCRIPT:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<object data=x></object>", "<embed src=x>",
            "<svg><script>alert(1)</script></svg>", "<svg onload=alert(1)>", "<math><mtext><script>alert(1)</script></mtext></math>",
            "<style>@import 'x'</style>", "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<base href=\"javascript:\">",
            "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
            "<!--><script>alert(1)</script>-->", "<textarea></textarea><script>alert(1)</script>",
            "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", "<div onmouseover = 'alert(1)'>x</div>",
            "<input autofocus onfocus=alert(1)>", "<div style=\"xss:expr/*XSS*/ession(alert(1))\">x</div>", "<details open ontoggle=alert(1)>", "<a href=&#106;avascript:alert(1)>x</a>",
        ]
        for payload in corpus {
            let safe = HTMLSanitizer.sanitize(payload).lowercased()
            XCTAssertFalse(safe.contains("<script"), payload + " → " + safe)
            XCTAssertFalse(safe.contains("javascript:"), payload + " → " + safe)
            XCTAssertFalse(safe.contains("vbscript:"), payload + " → " + safe)
            XCTAssertFalse(safe.contains("<iframe") || safe.contains("<object") || safe.contains("<embed") || safe.contains("<meta")
                           || safe.contains("<base") || safe.contains("<form") || safe.contains("<svg"), payload + " → " + safe)
            XCTAssertNil(safe.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression), payload + " → " + safe)
            XCTAssertFalse(safe.contains("data:text"), payload + " → " + safe)
            XCTAssertFalse(safe.contains("ession("), payload + " → " + safe)
        }
    }

    func testSVGWithScriptIsNotInert() {
        XCTAssertTrue(HTMLSanitizer.isInertSVG("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg>"))
        XCTAssertFalse(HTMLSanitizer.isInertSVG("<svg><script>alert(1)</script></svg>"))
        XCTAssertFalse(HTMLSanitizer.isInertSVG("<svg onload=alert(1)></svg>"))
        XCTAssertFalse(HTMLSanitizer.isInertSVG("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>"))
    }

    func testOpenTagsAreClosedAndStrayBracketsEscaped() {
        XCTAssertEqual(HTMLSanitizer.sanitize("<div><b>x"), "<div><b>x</b></div>")
        XCTAssertEqual(HTMLSanitizer.sanitize("a < b > c</span>"), "a &lt; b &gt; c")
    }

    func testImagesKeepOnlyRasterDataURIs() {
        XCTAssertTrue(HTMLSanitizer.sanitize("<img src=\"data:image/png;base64,AAAA\">").contains("src=\"data:image/png;base64,AAAA\""))
        XCTAssertFalse(HTMLSanitizer.sanitize("<img src=\"data:image/svg+xml;base64,AAAA\">").contains("src="))
    }
}

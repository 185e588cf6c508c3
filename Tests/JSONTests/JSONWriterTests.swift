import XCTest
@testable import JSON

final class JSONWriterTests: XCTestCase {
    func testCompactKeepsOrderAndEscapes() {
        let value: JSONValue = ["b": "quote \" back \\ nl \n tab \t ctl \u{01} é", "a": [1, 2.5, nil, true]]
        XCTAssertEqual(value.text(), #"{"b":"quote \" back \\ nl \n tab \t ctl \u0001 é","a":[1,2.5,null,true]}"#)
    }

    func testNotebookFormatMatchesPythonsJSONDumps() {
        // json.dumps({"b": [1, {}], "a": {"y": [], "x": 1.0}}, indent=1, sort_keys=True, ensure_ascii=False)
        let value: JSONValue = ["b": [1, [:]], "a": ["y": [], "x": 1.0]]
        XCTAssertEqual(value.text(.notebook), """
        {
         "a": {
          "x": 1.0,
          "y": []
         },
         "b": [
          1,
          {}
         ]
        }
        """)
    }

    func testNumbersAsPythonWritesThem() {
        XCTAssertEqual(JSONValue.array([.double(1e-5), .double(1e16), .double(0.1), .double(.nan), .double(-.infinity)]).text(),
                       "[1e-05,1e+16,0.1,NaN,-Infinity]")
    }

    func testRoundTrip() throws {
        let value: JSONValue = ["x": ["y": [1, -2, 3.25, "s", false, nil]], "e": [:], "u": "\u{1F600}"]
        XCTAssertEqual(try JSONValue.parse(value.serialized()), value)
        XCTAssertEqual(try JSONValue.parse(value.serialized(.notebook)).object?.keys, ["e", "u", "x"])
    }

    func testObjectEditing() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = nil
        object["c"] = 3
        object["b"] = 4
        XCTAssertEqual(object.keys, ["b", "c"])
        XCTAssertEqual(object["b"], 4)
    }
}

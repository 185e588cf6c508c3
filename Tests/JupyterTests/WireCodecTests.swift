import XCTest
import JSON
@testable import Jupyter

final class WireCodecTests: XCTestCase {
    let codec = WireCodec(signer: MessageSigner(key: Array("secret".utf8)))
    let factory = MessageFactory()

    private func sample() -> Message {
        var m = factory.message("execute_request", content: ["code": "1+1", "silent": false], parent: nil)
        m.identities = [Array("peer".utf8)]
        m.buffers = [[0, 1, 2]]
        return m
    }

    func testRoundTripKeepsIdentitiesPartsAndBuffers() throws {
        let message = sample()
        var history = SignatureHistory()
        let frames = codec.encode(message)
        XCTAssertEqual(frames[0], Array("peer".utf8))
        XCTAssertEqual(frames[1], WireCodec.delimiter)
        XCTAssertEqual(frames[2].count, 64)
        XCTAssertEqual(try codec.decode(frames, history: &history), message)
        XCTAssertEqual(message.header["version"], "5.3")
    }

    func testTamperedPartsAreRejectedBeforeParsing() {
        var history = SignatureHistory()
        var frames = codec.encode(sample())
        frames[6] = Array("{not json".utf8)
        XCTAssertThrowsError(try codec.decode(frames, history: &history)) { XCTAssertEqual($0 as? WireError, .badSignature) }
    }

    func testMissingAndShortSignatures() {
        var history = SignatureHistory()
        var frames = codec.encode(sample())
        frames[2] = []
        XCTAssertThrowsError(try codec.decode(frames, history: &history)) { XCTAssertEqual($0 as? WireError, .missingSignature) }
        frames[2] = Array("ab".utf8)
        XCTAssertThrowsError(try codec.decode(frames, history: &history)) { XCTAssertEqual($0 as? WireError, .badSignature) }
    }

    func testReplayIsRejected() throws {
        var history = SignatureHistory()
        let frames = codec.encode(sample())
        XCTAssertNoThrow(try codec.decode(frames, history: &history))
        XCTAssertThrowsError(try codec.decode(frames, history: &history)) { XCTAssertEqual($0 as? WireError, .replayedSignature) }
    }

    func testHistoryForgetsTheOldestBeyondCapacity() {
        var history = SignatureHistory(capacity: 2)
        XCTAssertTrue(history.insert([1]))
        XCTAssertTrue(history.insert([2]))
        XCTAssertFalse(history.insert([2]))
        XCTAssertTrue(history.insert([3]))
        XCTAssertTrue(history.insert([1]), "the oldest was forgotten")
    }

    func testMalformedFrameSets() {
        var history = SignatureHistory()
        let signer = MessageSigner(key: Array("secret".utf8))
        func signed(_ parts: [String]) -> [[UInt8]] {
            let bytes = parts.map { Array($0.utf8) }
            return [WireCodec.delimiter, signer.signature(bytes)] + bytes
        }
        let header = #"{"msg_id":"1","msg_type":"kernel_info_request","session":"s","username":"u","date":"","version":"5.3"}"#
        let cases: [([[UInt8]], WireError)] = [
            ([[1], [2]], .missingDelimiter),
            ([WireCodec.delimiter, [], [], []], .tooFewFrames(3)),
            (signed(["[1]", "{}", "{}", "{}"]), .wrongType("header is not a JSON object")),
            (signed([#"{"msg_id":"1"}"#, "{}", "{}", "{}"]), .wrongType("header has no string msg_type")),
            (signed([header, "{}", "{}", "{"]), .invalidJSON(part: "content", reason: "invalid JSON at byte 1: expected a string key")),
        ]
        for (frames, expected) in cases {
            XCTAssertThrowsError(try codec.decode(frames, history: &history)) { XCTAssertEqual($0 as? WireError, expected) }
        }
        var invalidUTF8 = signed([header, "{}", "{}", "{}"])
        invalidUTF8[5] = [0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]
        invalidUTF8[1] = signer.signature(Array(invalidUTF8[2...5]))
        XCTAssertThrowsError(try codec.decode(invalidUTF8, history: &history)) { error in
            guard case .invalidJSON(part: "content", _)? = error as? WireError else { return XCTFail("\(error)") }
        }
        let small = WireCodec(signer: signer, sizeLimit: 100)
        XCTAssertThrowsError(try small.decode(signed([header, "{}", "{}", "{}"]), history: &history)) { error in
            guard case .tooLarge? = error as? WireError else { return XCTFail("\(error)") }
        }
    }

    func testUnsignedCodecAcceptsEmptySignature() throws {
        let plain = WireCodec(signer: MessageSigner(key: []))
        var history = SignatureHistory()
        let frames = plain.encode(sample())
        XCTAssertEqual(frames[2], [])
        XCTAssertNoThrow(try plain.decode(frames, history: &history))
        XCTAssertNoThrow(try plain.decode(frames, history: &history), "no replay tracking without signatures")
    }

    func testHeadersAreUniqueAndWellFormed() {
        let a = factory.header("status"), b = factory.header("status")
        XCTAssertNotEqual(a["msg_id"], b["msg_id"])
        XCTAssertEqual(a["session"], .string(factory.session))
        let date = a["date"]?.string ?? ""
        XCTAssertEqual(date.count, 27, date)
        XCTAssertTrue(date.hasSuffix("Z"))
    }
}

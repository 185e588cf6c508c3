import XCTest
@testable import Jupyter

/// Known answers computed with Python's hashlib and hmac.
final class MessageSignerTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format16: $0) }.joined() }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(hex(SHA256.hash([UInt8]())), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex(SHA256.hash(Array("abc".utf8))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1000))),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testSHA256InPiecesEqualsInOne() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        for split in [0, 1, 63, 64, 65, 500, 999] {
            var h = SHA256()
            h.update(data[0..<split])
            h.update(data[split...])
            XCTAssertEqual(h.finalize(), SHA256.hash(data), "split at \(split)")
        }
    }

    func testHMACKnownAnswers() {
        let fox = MessageSigner(key: Array("key".utf8))
        XCTAssertEqual(String(decoding: fox.signature([Array("The quick brown fox jumps over the lazy dog".utf8)]), as: UTF8.self),
                       "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
        // A key longer than the block is hashed first; the parts are concatenated.
        let long = MessageSigner(key: [UInt8](repeating: UInt8(ascii: "k"), count: 100))
        let parts = ["header", "parent", "{}", #"{"code":"1+1"}"#].map { Array($0.utf8) }
        XCTAssertEqual(String(decoding: long.signature(parts), as: UTF8.self),
                       "60371ed4a1d69f9acfe6e4e4f2ae495f7234150bdd799b7ef06b5dd73c1f1610")
        XCTAssertEqual(String(decoding: MessageSigner(key: Array("secret".utf8)).signature([]), as: UTF8.self),
                       "f9e66e179b6747ae54108f82f8ade8b3c25d76fd30afde6c395822c530196169")
    }

    func testValidationChecksLengthAndEveryByte() {
        let signer = MessageSigner(key: Array("secret".utf8))
        let parts = [Array("a".utf8)]
        let good = signer.signature(parts)
        XCTAssertTrue(signer.isValid(good, for: parts))
        XCTAssertFalse(signer.isValid(Array(good.dropLast()), for: parts))
        XCTAssertFalse(signer.isValid([], for: parts))
        XCTAssertFalse(signer.isValid(good + [0x30], for: parts))
        var flipped = good
        flipped[flipped.count - 1] ^= 1
        XCTAssertFalse(signer.isValid(flipped, for: parts))
        XCTAssertFalse(signer.isValid(Array(String(decoding: good, as: UTF8.self).uppercased().utf8), for: parts))
    }

    func testEmptyKeyMeansNoSignature() {
        let signer = MessageSigner(key: [])
        XCTAssertFalse(signer.isSigning)
        XCTAssertEqual(signer.signature([[1, 2]]), [])
        XCTAssertTrue(signer.isValid([], for: [[1, 2]]))
    }
}

extension String {
    /// Two lowercase hex digits.
    init(format16 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

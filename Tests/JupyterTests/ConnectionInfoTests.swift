import XCTest
import JSON
@testable import Jupyter

final class ConnectionInfoTests: XCTestCase {
    func testReadsJupyterClientsConnectionFile() throws {
        let json = try JSONValue.parse(#"""
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "a-b-c", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "beamtime"}
        """#)
        let info = try ConnectionInfo(json: json)
        XCTAssertEqual(info.endpoint(info.shellPort), "tcp://127.0.0.1:5001")
        XCTAssertEqual(info.key, "a-b-c")
        XCTAssertEqual(try ConnectionInfo(json: info.json), info)
        var ipc = info
        ipc.transport = "ipc"
        ipc.ip = "/tmp/kernel"
        XCTAssertEqual(ipc.endpoint(5), "ipc:///tmp/kernel-5")
    }

    func testExplainsWhatIsWrong() throws {
        XCTAssertThrowsError(try ConnectionInfo(json: ["shell_port": 1])) { XCTAssertTrue("\($0)".contains("iopub_port"), "\($0)") }
        let bad: JSONValue = ["shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,
                              "signature_scheme": "hmac-md5"]
        XCTAssertThrowsError(try ConnectionInfo(json: bad)) { XCTAssertTrue("\($0)".contains("hmac-md5"), "\($0)") }
        XCTAssertThrowsError(try ConnectionInfo.read("/no/such/connection.json")) { XCTAssertTrue("\($0)".contains("/no/such"), "\($0)") }
    }
}

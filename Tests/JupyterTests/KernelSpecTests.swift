import XCTest
import JSON
import Platform
@testable import Jupyter

final class KernelSpecTests: XCTestCase {
    func testInstallWritesSpecAndLogosAndFindFindsIt() throws {
        let root = "/tmp/beamtime-kernelspec-\(getpid())-\(Int.random(in: 0...1_000_000))"
        defer { _ = try? Subprocess(["rm", "-rf", root]).wait() }
        let spec = KernelSpec(argv: ["/opt/beamtime", "kernel", "-f", "{connection_file}"], displayName: "Beamtime",
                              language: "python", interruptMode: "message", metadata: ["x": 1])
        let kernels = KernelSpecDirectories.prefix(root)
        let dir = try KernelSpecDirectories.install(spec, name: "Beamtime-Test", files: ["logo-32x32.png": [1, 2]], into: kernels)
        XCTAssertEqual(dir, kernels + "/beamtime-test")
        XCTAssertEqual(try FileSystem.read(dir + "/logo-32x32.png"), [1, 2])
        let found = try KernelSpecDirectories.find("BEAMTIME-test", sysPrefix: root)
        XCTAssertEqual(found.spec, spec)
        XCTAssertEqual(found.directory, dir)
    }

    func testNamesAreChecked() {
        XCTAssertTrue(KernelSpec.isValidName("beamtime-1.0_x"))
        XCTAssertFalse(KernelSpec.isValidName("beam time"))
        XCTAssertFalse(KernelSpec.isValidName("bé"))
        XCTAssertFalse(KernelSpec.isValidName(""))
        XCTAssertThrowsError(try KernelSpecDirectories.install(KernelSpec(argv: ["x"], displayName: "x", language: "python"),
                                                               name: "../evil", files: [:], into: "/tmp"))
    }

    func testMissingKernelSaysWhereItLooked() {
        XCTAssertThrowsError(try KernelSpecDirectories.find("no-such-kernel-xyz")) { error in
            XCTAssertTrue("\(error)".contains("no kernel named 'no-such-kernel-xyz'"), "\(error)")
        }
    }
}

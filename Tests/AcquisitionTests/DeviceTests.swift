import XCTest
import JSON
import Script
@testable import Acquisition
import Platform

final class DeviceTests: XCTestCase {
    func testMotorReadingsAndLimits() throws {
        let b = try Beamline()
        b.run("motor.set(1.5)")
        XCTAssertEqual(b.run("motor.position"), "1.5")
        XCTAssertEqual(b.run("sorted(motor.read().keys())"), b.run("['motor', 'motor_setpoint']"))
        XCTAssertEqual(b.run("motor.describe()['motor']['dtype']"), "'number'")
        b.run("motor.limits = (-2, 2)")
        XCTAssertEqual(b.fails("motor.set(3)"), "LimitError")
        XCTAssertEqual(b.fails("motor.limits = (2, 1)"), "ValueError")
    }

    func testGaussianPhysicsMatchesOphydSim() throws {
        let b = try Beamline()
        b.run("motor1.set(0.25)\nmotor2.set(-0.5)\nmotor3.set(-1)\nfor d in [det1, det2, det3, det4]:\n    d.trigger()")
        func value(_ name: String) -> Double { Double(b.run("\(name).value")) ?? .nan }
        XCTAssertEqual(value("det1"), 5 * exp(-0.0625 / 0.5), accuracy: 1e-15)
        XCTAssertEqual(value("det2"), 2 * exp(-2.25 / 8), accuracy: 1e-15)
        XCTAssertEqual(value("det3"), 2.0, accuracy: 1e-15)
        XCTAssertEqual(value("det4"), exp(-(0.0625 + 0.25) / 2), accuracy: 1e-15)
    }

    func testNoiseIsSeedable() throws {
        let b = try Beamline()
        b.run("noisy_det.seed(7)\na = [noisy_det.trigger() and noisy_det.value for i in range(3)]\nnoisy_det.seed(7)")
        let first = b.run("[noisy_det.trigger() and noisy_det.value for i in range(3)]")
        XCTAssertEqual(first, b.run("noisy_det.seed(7)\n[noisy_det.trigger() and noisy_det.value for i in range(3)]"))
        XCTAssertEqual(b.run("all(abs(v - 1) <= 0.1 for v in _)"), "True")
    }

    func testVelocityMakesMovesTakeTime() throws {
        let b = try Beamline()
        b.run("motor.velocity = 10\nmotor.settle_time = 0.05")
        let start = Monotonic.now()
        b.run("RE(mv(motor, 1))")
        XCTAssertGreaterThanOrEqual(Monotonic.now() - start, 0.15)
    }

    func testDocstringsAndDisplays() throws {
        let b = try Beamline()
        for name in ["motor", "det", "det4", "noisy_det", "I0", "RE", "scan", "count", "grid_scan", "mv", "trigger_and_read", "Msg"] {
            let inspection = b.session.inspect(name, cursor: name.count)
            XCTAssertNotNil(inspection?.docstring, "\(name) has no docstring")
        }
        XCTAssertEqual(b.run("sorted(devices().keys())[:3]"), b.run("['I0', 'det', 'det1']"))
        if case .object(let engine)? = b.session.execute("RE.md['operator'] = 'ada'\nRE").value {
            let html = try engine.displayData(b.session.interpreter)?["text/html"] ?? ""
            XCTAssertTrue(html.contains("idle") && html.contains("operator") && html.contains("ada"), html)
        } else {
            XCTFail("RE is not an object")
        }
        if case .object(let o)? = b.session.execute("det").value {
            XCTAssertTrue(try o.displayData(b.session.interpreter)?["text/html"]?.contains("det") ?? false)
        } else {
            XCTFail("det is not an object")
        }
    }
}

final class AreaDetectorTests: XCTestCase {
    func testFramesAreReferencedByResourceAndDatum() throws {
        let b = try Beamline()
        b.run("img.shape = (16, 24)\nRE(count([img], num=3))")
        XCTAssertEqual(b.names, ["start", "resource", "datum", "descriptor", "event", "datum", "event", "datum", "event", "stop"])
        let resource = try XCTUnwrap(b.documents.first { $0.name == .resource })
        XCTAssertEqual(resource.body["run_start"], .string(b.documents[0].uid))
        let datums = b.documents.filter { $0.name == .datum }.map(\.uid)
        XCTAssertEqual(b.events.compactMap { $0.body["data"]?["img"]?.string }, datums)
        XCTAssertEqual(b.events.first?.body["filled"], ["img": false])
        XCTAssertEqual(b.documents[3].body["data_keys"]?["img"]?["shape"], [16, 24])
        XCTAssertEqual(b.run("f = img.frame('\(datums[0])')\n(len(f), len(f[0]), round(max(max(r) for r in f)))"), "(16, 24, 1010)")
        XCTAssertEqual(b.fails("img.frame('nope')"), "KeyError")
        XCTAssertEqual(b.fails("img.shape = (0, 4)"), "ValueError")
    }

    func testTheSpotFollowsTheMotors() throws {
        let b = try Beamline()
        b.run("img.shape = (64, 64)")
        let device = try XCTUnwrap(b.namespace.devices.first { $0.name == "img" } as? SynAreaDetector)
        let centred = device.frame(x: 0, y: 0, rows: 64, columns: 64)
        let moved = device.frame(x: 1, y: 0, rows: 64, columns: 64)
        XCTAssertEqual(centred.firstIndex(of: centred.max() ?? 0), 32 * 64 + 32)
        XCTAssertEqual(moved.firstIndex(of: moved.max() ?? 0), 32 * 64 + 40, "one unit of motor1 moves the spot 1/8 of the width")
    }
}

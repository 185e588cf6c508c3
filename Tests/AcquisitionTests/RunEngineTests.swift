import XCTest
import Documents
import JSON
import Script
@testable import Acquisition

final class RunEngineTests: XCTestCase {
    func testScanEmitsStartDescriptorEventsStop() throws {
        let b = try Beamline()
        b.run("uids = RE(scan([det], motor, -1, 1, 5))")
        XCTAssertEqual(b.names, ["start", "descriptor", "event", "event", "event", "event", "event", "stop"])
        XCTAssertEqual(b.column("motor"), [-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(b.column("det")[2], 1.0)
        XCTAssertEqual(b.column("det")[0], exp(-0.5), accuracy: 1e-15)
        let start = b.documents[0].body
        XCTAssertEqual(start["plan_name"], "scan")
        XCTAssertEqual(start["num_points"], 5)
        XCTAssertEqual(start["motors"], ["motor"])
        XCTAssertEqual(start["detectors"], ["det"])
        XCTAssertEqual(start["scan_id"], 1)
        XCTAssertEqual(start["hints"], ["dimensions": [[["motor"], "primary"]]])
        let descriptor = b.documents[1].body
        XCTAssertEqual(descriptor["data_keys"]?.object?.keys, ["det", "motor", "motor_setpoint"])
        XCTAssertEqual(descriptor["data_keys"]?["motor"]?["object_name"], "motor")
        XCTAssertEqual(descriptor["object_keys"]?["motor"], ["motor", "motor_setpoint"])
        XCTAssertEqual(b.events.map { $0.body["seq_num"] }, [1, 2, 3, 4, 5])
        XCTAssertEqual(b.stops.first?.body["exit_status"], "success")
        XCTAssertEqual(b.stops.first?.body["num_events"], ["primary": 5])
        XCTAssertEqual(b.run("uids[0] == RE.md and False or len(uids)"), "1")
    }

    func testScanIDsAndMetadataPersistAcrossSessions() throws {
        let directory = "/tmp/beamtime-store-\(getpid())-\(Int.random(in: 0...999_999))"
        mkdir(directory, 0o755)
        let path = directory + "/scan_id"
        defer {
            unlink(path)
            unlink(directory + "/run_engine_md.json")
            rmdir(directory)
        }
        do {
            let b = try Beamline(store: FileRunEngineStore(path: path))
            b.run("RE.md['operator'] = 'ada'\nRE(count([det]))\nRE(count([det]))")
            XCTAssertEqual(b.documents.filter { $0.name == .start }.map { $0.body["scan_id"] }, [1, 2])
        }
        let again = try Beamline(store: FileRunEngineStore(path: path))
        XCTAssertEqual(again.run("RE.md['operator'], RE.md['scan_id']"), "('ada', 2)")
        again.run("RE(count([det]))")
        XCTAssertEqual(again.documents.first?.body["scan_id"], 3, "scan_id continues after a restart")
        XCTAssertEqual(again.documents.first?.body["operator"], "ada")
    }

    func testMetadataFromREmdCallAndPlan() throws {
        let b = try Beamline()
        b.run("RE.md['operator'] = 'ada'\nRE(count([det], md={'sample': 'LaB6'}), proposal=42)")
        let start = b.documents[0].body
        XCTAssertEqual(start["operator"], "ada")
        XCTAssertEqual(start["sample"], "LaB6")
        XCTAssertEqual(start["proposal"], 42)
    }

    func testGridAndListScans() throws {
        let b = try Beamline()
        b.run("RE(grid_scan([det4], motor1, -1, 1, 3, motor2, -1, 1, 2, snake_axes=True))")
        XCTAssertEqual(b.column("motor1"), [-1, -1, 0, 0, 1, 1])
        XCTAssertEqual(b.column("motor2"), [-1, 1, 1, -1, -1, 1])
        XCTAssertEqual(b.documents[0].body["shape"], [3, 2])
        XCTAssertEqual(b.documents[0].body["snaking"], [false, true])
        b.documents.removeAll()
        b.run("RE(grid_scan([det4], motor1, -1, 1, 2, motor2, -1, 1, 2))")
        XCTAssertEqual(b.column("motor2"), [-1, 1, -1, 1])
        b.documents.removeAll()
        b.run("RE(list_scan([det], motor, [0.5, -0.25, 2]))")
        XCTAssertEqual(b.column("motor"), [0.5, -0.25, 2])
        XCTAssertEqual(b.documents[0].body["num_points"], 3)
    }

    func testRelativeScanReturnsTheMotor() throws {
        let b = try Beamline()
        b.run("RE(mv(motor, 2))\nRE(rel_scan([det], motor, -1, 1, 3))")
        XCTAssertEqual(b.column("motor"), [1, 2, 3])
        XCTAssertEqual(b.run("motor.position"), "2.0")
        XCTAssertEqual(b.documents.first { $0.name == .start }?.body["plan_name"], "rel_scan")
    }

    func testUserPlansComposeWithBuiltIns() throws {
        let b = try Beamline()
        b.run("""
        def my_plan(points):
            yield from open_run(md={'plan_name': 'my_plan'})
            for x in points:
                yield from mv(motor, x)
                yield from trigger_and_read([det, I0])
            yield from close_run()
        def both():
            yield from my_plan([0, 0.5])
            yield from scan([det], motor, -1, 1, 3)
        uids = RE(both())
        """)
        XCTAssertEqual(b.run("len(uids)"), "2")
        XCTAssertEqual(b.stops.count, 2)
        XCTAssertEqual(b.column("det").count, 5)
        XCTAssertEqual(b.column("motor"), [-1, 0, 1], "my_plan reads det and I0 only")
        XCTAssertEqual(b.documents[1].body["data_keys"]?.object?.keys, ["det", "I0"])
    }

    func testFailureInPlanGivesOneFailStop() throws {
        let b = try Beamline()
        let ename = b.fails("""
        def bad():
            yield from open_run()
            yield from trigger_and_read([det])
            raise ValueError("sample fell off")
        RE(bad())
        """)
        XCTAssertEqual(ename, "ValueError")
        XCTAssertEqual(b.stops.count, 1)
        XCTAssertEqual(b.stops[0].body["exit_status"], "fail")
        XCTAssertEqual(b.stops[0].body["reason"], "ValueError: sample fell off")
        XCTAssertEqual(b.run("RE.state"), "'idle'")
    }

    func testDeviceErrorGivesFailStop() throws {
        let b = try Beamline()
        b.run("motor.limits = (-1, 1)")
        XCTAssertEqual(b.fails("RE(scan([det], motor, 0, 5, 3))"), "LimitError")
        XCTAssertEqual(b.stops.count, 1)
        XCTAssertEqual(b.stops[0].body["exit_status"], "fail")
        XCTAssertEqual(b.events.count, 1, "the first point was inside the limits")
    }

    func testPauseAtCheckpointThenResumeCompletesEveryPoint() throws {
        let b = try Beamline()
        b.run("""
        seen = []
        def pause_after_two(name, doc):
            if name == 'event':
                seen.append(doc['seq_num'])
                if doc['seq_num'] == 2:
                    RE.request_pause()
        token = RE.subscribe(pause_after_two)
        """)
        XCTAssertEqual(b.fails("RE(scan([det], motor, -1, 1, 5))"), "RunEngineInterrupted")
        XCTAssertEqual(b.run("RE.state"), "'paused'")
        XCTAssertEqual(b.events.count, 2)
        XCTAssertEqual(b.stops.count, 0)
        b.run("RE.unsubscribe(token)\nRE.resume()")
        XCTAssertEqual(b.events.map { $0.body["seq_num"] }, [1, 2, 3, 4, 5])
        XCTAssertEqual(b.column("motor"), [-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(b.stops.first?.body["exit_status"], "success")
    }

    func testStateHooksSeeEveryChange() throws {
        let b = try Beamline()
        var changes: [String] = []
        b.namespace.engine.addStateHook { new, old in changes.append("\(old.rawValue)>\(new.rawValue)") }
        b.run("RE(count([det], num=2))")
        XCTAssertEqual(changes, ["idle>running", "running>idle"])
        changes = []
        b.run("token = RE.subscribe(lambda name, doc: RE.request_pause() if name == 'event' else None)")
        XCTAssertEqual(b.fails("RE(count([det], num=3))"), "RunEngineInterrupted")
        b.run("RE.unsubscribe(token)")
        XCTAssertEqual(changes, ["idle>running", "running>paused"])
        b.run("RE.resume()")
        XCTAssertEqual(changes, ["idle>running", "running>paused", "paused>running", "running>idle"])
        XCTAssertEqual(b.fails("RE.resume()"), "TransitionError", "no change on a refused transition")
        XCTAssertEqual(changes.count, 4)
    }

    func testImmediatePauseReplaysFromTheCheckpointWithoutDuplicates() throws {
        let b = try Beamline()
        b.run("""
        def now(name, doc):
            if name == 'event' and doc['seq_num'] == 2:
                RE.request_pause(defer=False)
        token = RE.subscribe(now)
        """)
        XCTAssertEqual(b.fails("RE(scan([det], motor, -1, 1, 4))"), "RunEngineInterrupted")
        b.run("RE.unsubscribe(token)\nRE.resume()")
        XCTAssertEqual(b.events.map { $0.body["seq_num"] }, [1, 2, 3, 4])
        XCTAssertEqual(b.column("motor"), [-1, -0.33333333333333337, 0.33333333333333326, 1], "numpy.linspace's values")
    }

    func testStopAbortHaltWhilePaused() throws {
        // stop and abort let the plan's cleanup run its messages (the motor goes back to 0);
        // halt does not (the motor stays at 5), as in bluesky.
        for (command, status, motorAfter) in [("RE.stop()", "success", "0.0"), ("RE.abort('beam lost')", "abort", "0.0"),
                                              ("RE.halt()", "abort", "5.0")] {
            let b = try Beamline()
            b.run("""
            def careful():
                yield from open_run()
                try:
                    yield from mv(motor, 5)
                    yield from trigger_and_read([det])
                    yield from pause()
                    yield from trigger_and_read([det])
                finally:
                    yield from mv(motor, 0)
            """)
            XCTAssertEqual(b.fails("RE(careful())"), "RunEngineInterrupted", command)
            b.run(command)
            XCTAssertEqual(b.stops.count, 1, command)
            XCTAssertEqual(b.stops.first?.body["exit_status"], .string(status), command)
            XCTAssertEqual(b.run("motor.position"), motorAfter, command)
            XCTAssertEqual(b.events.count, 1, command)
            XCTAssertEqual(b.run("RE.state"), "'idle'")
            if command.hasPrefix("RE.abort") { XCTAssertEqual(b.stops.first?.body["reason"], "beam lost") }
        }
    }

    func testInterruptDuringARunPausesIt() throws {
        let b = try Beamline()
        let flag = b.session.interpreter.interrupt
        let thread = Thread {
            usleep(200_000)
            flag.set()
        }
        thread.start()
        XCTAssertEqual(b.fails("RE(count([det], num=1000, delay=0.01))"), "RunEngineInterrupted")
        let partial = b.events.count
        XCTAssertGreaterThan(partial, 0)
        XCTAssertLessThan(partial, 1000)
        b.run("RE.stop()")
        XCTAssertEqual(b.stops.first?.body["exit_status"], "success")
        XCTAssertEqual(b.stops.first?.body["num_events"], ["primary": .int(partial)])
    }

    func testWrongStatesAndBadPlansAreClearErrors() throws {
        let b = try Beamline()
        XCTAssertEqual(b.fails("RE.resume()"), "TransitionError")
        XCTAssertEqual(b.fails("RE.stop()"), "TransitionError")
        XCTAssertEqual(b.fails("RE(42)"), "TypeError")
        XCTAssertEqual(b.fails("def p():\n    yield 42\nRE(p())"), "TypeError")
        XCTAssertEqual(b.fails("RE(scan([det], motor, -1, 1))"), "ValueError")
        XCTAssertEqual(b.fails("def p():\n    yield Msg('frobnicate')\nRE(p())"), "KeyError")
        XCTAssertEqual(b.run("RE.state"), "'idle'")
    }

    func testCellsCanRegisterCommands() throws {
        let b = try Beamline()
        b.run("""
        seen = []
        def note(msg):
            seen.append(msg.args[0])
            return len(seen)
        RE.register_command('note', note)
        def plan():
            n = yield Msg('note', None, 'hello')
            m = yield Msg('note', None, 'again')
            seen.append(n + m)
        RE(plan())
        """)
        XCTAssertEqual(b.run("seen"), "['hello', 'again', 3]")
        XCTAssertEqual(b.run("'note' in RE.commands and 'open_run' in RE.commands"), "True")
    }

    func testMsgReprAndAttributes() throws {
        let b = try Beamline()
        XCTAssertEqual(b.run("print(repr(Msg('set', motor, 1, group='A')))\n1"), "1")
        XCTAssertEqual(b.output.stdout, "Msg('set', obj=SynAxis(name='motor'), args=(1,), kwargs={'group': 'A'}, run=None)\n")
        XCTAssertEqual(b.run("Msg('read', det).command"), "'read'")
    }
}

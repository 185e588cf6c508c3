import XCTest
@testable import Script

/// A test double of a host-module object (the shape devices and arrays will have).
final class FakeMotor: ScriptObject {
    var position = 0.0
    var typeName: String { "SynAxis" }
    var docstring: String? { "A simulated motor." }
    var signature: String? { "SynAxis(name)" }
    var attributeNames: [String] { ["position", "move", "name"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "position": return .float(position)
        case "name": return .str("motor")
        case "move":
            return .object(BuiltinFunction("move", signature: "move(target, *, relative=False)", doc: "Move the motor.") { args, interp in
                guard let target = args.positional.first?.numericValue else { throw ScriptError.typeError("move() needs a number") }
                let relative = try args.keyword("relative").map { try interp.truthy($0) } ?? false
                self.position = relative ? self.position + target : target
                return .float(self.position)
            })
        default: return nil
        }
    }
    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        guard name == "position", let v = value.numericValue else { throw ScriptError.attributeError("can't set \(name)") }
        position = v
    }
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        guard op == .add, let v = other.numericValue else { return nil }
        return .float(position + v)
    }
    func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .str(let k) = key else { return nil }
        if k == "readback" { return .float(position) }
        throw ScriptError.keyError(key)
    }
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? {
        ArrayIterator([.str("motor"), .str("motor_setpoint")])
    }
    func length(_ interpreter: Interpreter) throws -> Int? { 2 }
    func repr(_ interpreter: Interpreter) throws -> String { "SynAxis(name='motor')" }
    func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        ["text/html": "<b>motor</b> at \(position)"]
    }
}

final class NativeObjectTests: XCTestCase {
    func testNativeObjectsPlugIntoTheLanguage() {
        let output = BufferedOutput()
        let interpreter = Interpreter(output: output)
        let motor = FakeMotor()
        interpreter.setBuiltin("motor", .object(motor))
        let session = Session(interpreter: interpreter)
        let result = session.execute("""
        motor.move(2.5)
        motor.move(1, relative=True)
        motor.position = motor.position * 2
        print(motor.position, motor + 1, motor['readback'], list(motor), len(motor), repr(motor))
        print(isinstance(motor, type(motor)), type(motor))
        motor
        """)
        XCTAssertNil(result.failure, result.failure?.traceback.joined(separator: "\n") ?? "")
        XCTAssertEqual(output.stdout, "7.0 8.0 7.0 ['motor', 'motor_setpoint'] 2 SynAxis(name='motor')\nTrue <class 'SynAxis'>\n")
        if case .object(let o)? = result.value {
            XCTAssertEqual(try o.displayData(interpreter)?["text/html"], "<b>motor</b> at 7.0")
        } else {
            XCTFail("expected the motor as the cell's value")
        }
        XCTAssertEqual(session.execute("motor['nope']").failure?.ename, "KeyError")
        XCTAssertEqual(session.execute("motor.mvoe").failure?.evalue, "'SynAxis' object has no attribute 'mvoe'")
        XCTAssertEqual(session.execute("motor.mov").failure?.evalue, "'SynAxis' object has no attribute 'mov'. Did you mean: 'move'?")
        XCTAssertEqual(session.complete("motor.mo", cursor: 8).matches, ["move"])
        XCTAssertEqual(session.inspect("motor.move(", cursor: 11)?.signature, "move(target, *, relative=False)")
    }
}

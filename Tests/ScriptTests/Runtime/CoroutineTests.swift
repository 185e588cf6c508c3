import XCTest
@testable import Script

/// A native coroutine: yields "ask 1" … "ask n", adds up what is sent back, returns the sum.
final class Asker: Coroutine {
    let count: Int
    var asked = 0
    var total = 0
    var returnValue: Value = .none
    var closed = false
    init(_ count: Int) { self.count = count }
    var typeName: String { "asker" }

    func send(_ value: Value) throws -> Value? {
        if asked > 0, case .int(let v) = value { total += v }
        guard asked < count else { returnValue = .int(total); return nil }
        asked += 1
        return .str("ask \(asked)")
    }
    func throwInto(_ exception: ExceptionObject) throws -> Value? {
        if exception.type === BuiltinTypes.valueError { return .str("recovered") }
        throw ScriptError(exception)
    }
    func close() throws { closed = true }
}

final class CoroutineTests: XCTestCase {
    func testYieldFromDelegatesToANativeCoroutine() {
        let output = BufferedOutput()
        let interpreter = Interpreter(output: output)
        interpreter.setBuiltin("asker", .object(BuiltinFunction("asker") { args, _ in
            guard case .int(let n)? = args.positional.first else { throw ScriptError.typeError("asker(n)") }
            return .object(Asker(n))
        }))
        let session = Session(interpreter: interpreter)
        let result = session.execute("""
        def plan():
            total = yield from asker(3)
            yield f"total {total}"
        g = plan()
        print(next(g))
        print(g.send(10))
        print(g.send(20))
        print(g.send(12))
        print(g.throw(ValueError("x")) if False else "skip")
        """)
        XCTAssertNil(result.failure, result.failure?.traceback.joined(separator: "\n") ?? "")
        XCTAssertEqual(output.stdout, "ask 1\nask 2\nask 3\ntotal 42\nskip\n")
    }

    func testExceptionsThrownIntoTheDelegatorReachTheNativeCoroutine() {
        let output = BufferedOutput()
        let interpreter = Interpreter(output: output)
        interpreter.setBuiltin("asker", .object(BuiltinFunction("asker") { _, _ in .object(Asker(5)) }))
        let session = Session(interpreter: interpreter)
        let result = session.execute("""
        def plan():
            yield from asker(5)
        g = plan()
        print(next(g))
        print(g.throw(ValueError("retry")))
        try:
            g.throw(KeyError("stop"))
        except KeyError as e:
            print("propagated", e)
        """)
        XCTAssertNil(result.failure, result.failure?.traceback.joined(separator: "\n") ?? "")
        XCTAssertEqual(output.stdout, "ask 1\nrecovered\npropagated 'stop'\n")
    }
}

import XCTest
@testable import Script

final class GeneratorTests: XCTestCase {
    func testPlanStyleGeneratorsCompose() {
        XCTAssertEqual(output("""
        def mv(x):
            reply = yield ('set', x)
            return reply
        def plan(points):
            total = 0
            for x in points:
                r = yield from mv(x)
                total += r
            return total
        g = plan([1, 2, 3])
        msg = next(g)
        try:
            while True:
                msg = g.send(msg[1] * 10)
        except StopIteration as e:
            print(e.value)
        """), "60\n")
    }

    func testThrowAndCloseRunFinally() {
        XCTAssertEqual(output("""
        def g():
            try:
                yield 1
                yield 2
            except ValueError as e:
                yield 'caught ' + str(e)
            finally:
                print('cleanup')
        it = g()
        print(next(it), it.throw(ValueError('x')))
        it.close()
        """), "1 caught x\ncleanup\n")
    }

    func testGeneratorExpressionsAreLazy() {
        XCTAssertEqual(output("def inf():\n    i = 0\n    while True:\n        yield i\n        i += 1\ng = (x * x for x in inf() if x % 2)\nprint(next(g), next(g), sum(x for x in range(5)))"),
                       "1 9 10\n")
    }

    func testDrivingAGeneratorFromSwift() throws {
        let session = Session()
        _ = session.execute("def plan():\n    a = yield 'first'\n    b = yield 'second ' + str(a)\n    return a + b")
        guard case .object(let fn)? = session.interpreter.global("plan"),
              case .object(let o) = try fn.call(Arguments(), session.interpreter),
              let gen = o as? GeneratorObject else { return XCTFail("expected a generator") }
        XCTAssertEqual(try gen.send(.none).flatMap { if case .str(let s) = $0 { return s } else { return nil } }, "first")
        XCTAssertEqual(try gen.send(.int(2)).flatMap { if case .str(let s) = $0 { return s } else { return nil } }, "second 2")
        XCTAssertNil(try gen.send(.int(5)))
        XCTAssertEqual(gen.returnValue.asInt, 7)
    }

    func testYieldInsideExpressions() {
        XCTAssertEqual(output("""
        def g():
            total = (yield 'a') + (yield 'b')
            if (yield total):
                print('truthy')
            while (yield 'again') != 'stop':
                pass
            return [(yield 'x'), len((yield from inner()))]
        def inner():
            yield 'in'
            return 'abc'
        it = g()
        print(next(it), it.send(1), it.send(2), it.send(True), it.send('go'), it.send('stop'), it.send(7))
        try:
            it.send(None)
        except StopIteration as e:
            print(e.value)
        """), "truthy\na b 3 again again x in\n[7, 3]\n")
        XCTAssertEqual(runScript("def g():\n    x = a or (yield 1)").failure?.ename, "SyntaxError")
    }

    func testManySuspensions() {
        XCTAssertEqual(output("def g(n):\n    for i in range(n):\n        yield i\nprint(sum(g(100000)))"), "4999950000\n")
    }
}

import XCTest
@testable import Script

final class StatementTests: XCTestCase {
    func testAssignmentForms() {
        XCTAssertEqual(output("a = b = 1\nx, (y, z) = 1, (2, 3)\nfirst, *rest = [1, 2, 3]\nprint(a, b, x, y, z, first, rest)"),
                       "1 1 1 2 3 1 [2, 3]\n")
        XCTAssertEqual(output("l = [0, 0]\nl[1] += 5\nd = {}\nd['k'] = 2\nd['k'] **= 3\nprint(l, d)"), "[0, 5] {'k': 8}\n")
    }

    func testInPlaceGrowthKeepsAliasesIntact() {
        XCTAssertEqual(output("a = 'x'\nb = a\na += 'y'\nl = [1]\nm = l\nl += [2]\nn = 1\nn += 2.5\nprint(a, b, l, m, n)"),
                       "xy x [1, 2] [1, 2] 3.5\n")
        XCTAssertEqual(output("def f():\n    s = ''\n    for i in range(5):\n        s += str(i)\n        t = s\n    return s, t\nprint(f())"),
                       "('01234', '01234')\n")
    }

    func testLoopsWithElse() {
        XCTAssertEqual(output("for i in range(3):\n    pass\nelse:\n    print('done', i)\nwhile True:\n    break\nelse:\n    print('no')"),
                       "done 2\n")
    }

    func testClosuresAndNonlocal() {
        XCTAssertEqual(output("""
        def counter():
            n = 0
            def inc(step=1):
                nonlocal n
                n += step
                return n
            return inc
        c = counter()
        c(); c()
        print(c(10), [f() for f in [lambda i=i: i for i in range(3)]])
        """), "12 [0, 1, 2]\n")
    }

    func testCallBindingFastAndGeneralPathsAgree() {
        XCTAssertEqual(output("""
        def f(a, b=2, *, c=3, d):
            return (a, b, c, d)
        def g(x, y=[]):
            y.append(x)
            return y
        for i in range(2):
            print(f(1, d=4), f(a=1, b=5, d=6), f(1, 2, c=7, d=8), g(i))
        """), "(1, 2, 3, 4) (1, 5, 3, 6) (1, 2, 7, 8) [0]\n(1, 2, 3, 4) (1, 5, 3, 6) (1, 2, 7, 8) [0, 1]\n")
        XCTAssertEqual(runScript("def f(a, *, d): pass\nfor i in range(2): f(1)").failure?.evalue,
                       "f() missing 1 required keyword-only argument: 'd'")
        XCTAssertEqual(runScript("def f(a, b=1): pass\nfor i in range(2): f(1, a=2)").failure?.evalue,
                       "f() got multiple values for argument 'a'")
        XCTAssertEqual(runScript("def f(a, b=1): pass\nfor i in range(2): f(1, z=2)").failure?.evalue,
                       "f() got an unexpected keyword argument 'z'")
        XCTAssertEqual(runScript("def f(a, b=1): pass\nf(1)\nf()").failure?.evalue,
                       "f() missing 1 required positional argument: 'a'")
    }

    func testGlobalDeclaration() {
        XCTAssertEqual(output("g = 1\ndef f():\n    global g\n    g += 1\nf()\nprint(g)"), "2\n")
    }

    func testTryExceptElseFinally() {
        XCTAssertEqual(output("""
        def f(x):
            try:
                r = 10 // x
            except ZeroDivisionError as e:
                return 'zero'
            else:
                return r
            finally:
                print('finally', x)
        print(f(0), f(5))
        """), "finally 0\nfinally 5\nzero 2\n")
    }

    func testDelete() {
        XCTAssertEqual(output("x = 1\nd = {'a': 1, 'b': 2}\ndel d['a']\nl = [1, 2, 3]\ndel l[0]\ndel x\nprint(d, l)"), "{'b': 2} [2, 3]\n")
        XCTAssertEqual(exceptionName("x = 1\ndel x\nprint(x)"), "NameError")
    }

    func testImports() {
        XCTAssertEqual(output("import math\nfrom math import sqrt as s\nimport sys\nprint(s(16), math.pi > 3)\nprint('e', file=sys.stderr)"), "4.0 True\n")
        let (_, failure) = runScript("import numpy")
        XCTAssertEqual(failure?.ename, "ModuleNotFoundError")
        XCTAssertTrue(failure?.evalue.contains("math, sys, time") ?? false, failure?.evalue ?? "")
    }

    func testIntegersAre64Bit() {
        XCTAssertEqual(exceptionName("x = 9223372036854775807\nx + 1"), "OverflowError")
        XCTAssertEqual(exceptionName("2 ** 64"), "OverflowError")
        XCTAssertEqual(output("print(-9223372036854775808, -(2 ** 62) * 2, 2 ** 62 - 1 + 2 ** 62)"),
                       "-9223372036854775808 -9223372036854775808 9223372036854775807\n")
    }

    func testRecursionLimit() {
        XCTAssertEqual(exceptionName("def f(n): return f(n + 1)\nf(0)"), "RecursionError")
    }
}

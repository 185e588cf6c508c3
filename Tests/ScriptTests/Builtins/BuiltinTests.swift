import XCTest
@testable import Script

/// One check per builtin (the corpus compares them with CPython in depth).
final class BuiltinTests: XCTestCase {
    func check(_ code: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(output("print(\(code))"), expected + "\n", code, file: file, line: line)
    }

    func testConversions() {
        check("int(' -42 '), int('ff', 16), int('0b101', 0), int(3.9), int(True)", "-42 255 5 3 1")
        check("float('1e3'), float(' -inf '), float(2), str(1.5), str(None), bool([]), bool('x')", "1000.0 -inf 2.0 1.5 None False True")
        check("list('ab'), tuple([1, 2]), dict(a=1, b=2), dict([(1, 2)]), sorted(set([3, 1, 2]))",
              "['a', 'b'] (1, 2) {'a': 1, 'b': 2} {1: 2} [1, 2, 3]")
        check("repr('it\\'s'), ascii('é'), hex(255), oct(8), bin(5), chr(233), ord('é')", "\"it's\" '\\xe9' 0xff 0o10 0b101 é 233")
        check("format(3.14159, '.2f'), format(42, '>5'), format(1234567, ',')", "3.14    42 1,234,567")
    }

    func testIterationBuiltins() {
        check("list(range(1, 10, 3)), list(enumerate('ab', start=1)), list(zip([1, 2], 'xy'))", "[1, 4, 7] [(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')]")
        check("list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(None, [0, 1, '', 'a'])), list(reversed([1, 2, 3]))",
              "[3, 8] [1, 'a'] [3, 2, 1]")
        check("sorted(['bb', 'a', 'ccc'], key=len, reverse=True), min([3, 1, 2]), max('abc'), min([], default=0), max([1, -5], key=abs)",
              "['ccc', 'bb', 'a'] 1 c 0 -5")
        check("sum([1, 2, 3]), sum([0.5, 0.25], 1), any([0, 1]), all([]), len({'a': 1}), next(iter([7])), next(iter([]), 'd')",
              "6 1.75 True True 1 7 d")
    }

    func testNumericBuiltins() {
        check("abs(-3), abs(-2.5), round(2.5), round(3.5), round(2.675, 2), round(1250, -2), divmod(-7, 2), pow(2, 10), pow(3, 4, 5)",
              "3 2.5 2 4 2.67 1200 (-4, 1) 1024 1")
    }

    func testObjectBuiltins() {
        check("isinstance(True, int), isinstance(1, (str, float)), type(1.0), callable(len), callable(3)", "True False <class 'float'> True False")
        check("hasattr('a', 'upper'), getattr([], 'nope', 'dflt'), 'append' in dir([])", "True dflt True")
        XCTAssertEqual(output("help(len)"), "len(obj, /)\n\nReturn the number of items in a container.\n")
        XCTAssertEqual(output("display(1, 'a')"), "1\n'a'\n")
    }

    func testPrintOptions() {
        XCTAssertEqual(output("print(1, 2, sep='-', end='!')\nprint()"), "1-2!\n")
        XCTAssertEqual(runScript("import sys\nprint('err', file=sys.stderr)").stdout, "")
    }

    func testInputWithoutChannelIsAClearError() {
        let failure = runScript("input('x? ')").failure
        XCTAssertEqual(failure?.ename, "RuntimeError")
        XCTAssertTrue(failure?.evalue.contains("no stdin channel") ?? false)
    }

    func testInputUsesTheHostProvider() {
        let out = BufferedOutput()
        let interpreter = Interpreter(output: out)
        interpreter.inputProvider = { prompt in "answer to \(prompt)" }
        let session = Session(interpreter: interpreter)
        XCTAssertNil(session.execute("print(input('q'))").failure)
        XCTAssertEqual(out.stdout, "answer to q\n")
    }

    func testExceptionHierarchy() {
        XCTAssertEqual(output("""
        caught = []
        for exc in [KeyError('k'), IndexError(), ZeroDivisionError(), OverflowError(), UnboundLocalError(), ModuleNotFoundError(), RecursionError()]:
            try:
                raise exc
            except LookupError:
                caught.append('lookup')
            except ArithmeticError:
                caught.append('arith')
            except NameError:
                caught.append('name')
            except ImportError:
                caught.append('import')
            except RuntimeError:
                caught.append('runtime')
        print(caught)
        """), "['lookup', 'lookup', 'arith', 'arith', 'name', 'import', 'runtime']\n")
    }
}

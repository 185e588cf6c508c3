import XCTest
import Documents
import Script
@testable import Acquisition

/// A session with the simulated beamline and a document recorder.
final class Beamline {
    let output = BufferedOutput()
    let session: Session
    let namespace: BeamlineNamespace
    var documents: [Document] = []

    init(store: RunEngineStore = MemoryRunEngineStore()) throws {
        session = Session(interpreter: Interpreter(output: output))
        namespace = try BeamlineNamespace(into: session, store: store)
        namespace.engine.subscribe(.native { [unowned self] in self.documents.append($0) })
    }

    /// Runs a cell; fails the test with the traceback if it raises. Returns the repr of
    /// the cell's value ("None" when it has none).
    @discardableResult
    func run(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let result = session.execute(code)
        if let failure = result.failure { XCTFail(failure.traceback.joined(separator: "\n"), file: file, line: line) }
        guard let value = result.value else { return "None" }
        return (try? session.interpreter.repr(value)) ?? "?"
    }

    /// Runs a cell expected to raise; returns the exception name.
    func fails(_ code: String) -> String? { session.execute(code).failure?.ename }

    var names: [String] { documents.map(\.name.rawValue) }
    var events: [Document] { documents.filter { $0.name == .event } }
    var stops: [Document] { documents.filter { $0.name == .stop } }

    func column(_ key: String) -> [Double] { events.compactMap { $0.body["data"]?[key]?.double } }
}

import Documents
import Script

/// The simulated beamline a session gets: devices as ophyd.sim defines them, the run
/// engine `RE`, `Msg`, the plans and stubs, and `devices()`. The kernel and
/// `beamtime exec` bind the same names.
public final class BeamlineNamespace {
    /// The run engine.
    public let engine: RunEngine
    /// Every device, in the order `devices()` lists them.
    public let devices: [any Device]

    /// Binds the namespace into `session`'s interpreter, keeping scan ids in `store`.
    public init(into session: Session, store: RunEngineStore) throws {
        let interpreter = session.interpreter
        let motor = SynAxis(name: "motor")
        let motor1 = SynAxis(name: "motor1")
        let motor2 = SynAxis(name: "motor2")
        let motor3 = SynAxis(name: "motor3")
        let det = SynGauss(name: "det", motors: [(motor, "motor")], center: [0], imax: 1, sigma: 1)
        let det1 = SynGauss(name: "det1", motors: [(motor1, "motor1")], center: [0], imax: 5, sigma: 0.5)
        let det2 = SynGauss(name: "det2", motors: [(motor2, "motor2")], center: [1], imax: 2, sigma: 2)
        let det3 = SynGauss(name: "det3", motors: [(motor3, "motor3")], center: [-1], imax: 2, sigma: 1)
        let det4 = SynGauss(name: "det4", motors: [(motor1, "motor1"), (motor2, "motor2")], center: [0, 0], imax: 1, sigma: 1)
        let noisy = SynGauss(name: "noisy_det", motors: [(motor, "motor")], center: [0], imax: 1, sigma: 1,
                             noise: .uniform, noiseMultiplier: 0.1, seed: 0)
        let i0 = SynSignal(name: "I0", documentation: """
            A simulated incident-beam monitor (I0): a ring current of 1.0 that decays by 0.5 % over ten minutes and \
            is topped up again, so normalising by it (det / I0) behaves as at a real beamline.
            """) { seconds in 1.0 - 0.005 * (seconds.truncatingRemainder(dividingBy: 600) / 600) }
        let img = SynAreaDetector(name: "img", motors: (motor1, motor2))
        devices = [motor, motor1, motor2, motor3, det, det1, det2, det3, det4, noisy, i0, img]
        engine = RunEngine(interpreter: interpreter, store: store)

        for device in devices { interpreter.setBuiltin(device.name, .object(device)) }
        interpreter.setBuiltin("RE", .object(engine))
        interpreter.setBuiltin("Msg", .object(PlanMessage.constructor))
        for type in [LimitError.type, EngineExceptions.runEngineInterrupted, EngineExceptions.requestStop,
                     EngineExceptions.requestAbort, EngineExceptions.transitionError] {
            interpreter.setBuiltin(type.name, .object(type))
        }
        let listed = devices
        interpreter.setBuiltin("devices", .object(BuiltinFunction(
            "devices", signature: "devices()", doc: "The devices of this (simulated) beamline, as a dict name → device.") { _, _ in
            let d = DictObject()
            for device in listed { if let key = try? HashKey(.str(device.name)) { d.set(key, .object(device)) } }
            return .dict(d)
        }))
        NativeStubs.install(into: interpreter)
        PlanLibrary.bindLazily(into: session)
    }
}

extension PlanLibrary {
    /// The public plan names, read from the `def` lines of the source (no compiling).
    static var publicNames: [String] {
        source.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("def "), !line.hasPrefix("def _") else { return nil }
            return line.dropFirst(4).split(separator: "(").first.map(String.init)
        }
    }

    /// Binds each plan name to a placeholder that compiles the whole library on first use
    /// (a call, an attribute, inspection), so sessions start without paying for it.
    static func bindLazily(into session: Session) {
        let loader = PlanLibraryLoader(session: session)
        for name in publicNames {
            session.interpreter.setBuiltin(name, .object(LazyPlan(name: name, loader: loader)))
        }
    }

    /// Defines the plans in `session` (as builtins, so user cells may shadow them without
    /// breaking other plans).
    static func load(into session: Session) throws {
        let interpreter = session.interpreter
        let before = Set(interpreter.definedNames.filter { interpreter.global($0).map { !($0.isLazyPlan) } ?? true })
        if let failure = session.run(file: filename, source: source).failure {
            throw PlanLibraryError(message: failure.traceback.joined(separator: "\n"))
        }
        for name in interpreter.definedNames where !before.contains(name) {
            if let value = interpreter.global(name), !value.isLazyPlan {
                interpreter.setBuiltin(name, value)
                interpreter.removeGlobal(name)
            }
        }
    }
}

/// Loads the plan library once, on the first use of any plan.
final class PlanLibraryLoader {
    unowned let session: Session
    private var loaded = false

    init(session: Session) { self.session = session }

    /// The real plan `name`, loading the library first if needed.
    func plan(_ name: String) throws -> Value {
        if !loaded {
            loaded = true
            do { try PlanLibrary.load(into: session) } catch {
                throw ScriptError.runtimeError("\(error)")
            }
        }
        guard let value = session.interpreter.global(name), !value.isLazyPlan else {
            throw ScriptError.runtimeError("the built-in plan '\(name)' is missing")
        }
        return value
    }
}

/// Stands for a built-in plan until the plan library is compiled; forwards everything to it.
final class LazyPlan: ScriptObject {
    let name: String
    let loader: PlanLibraryLoader

    init(name: String, loader: PlanLibraryLoader) {
        self.name = name
        self.loader = loader
    }

    private func real() -> (any ScriptObject)? {
        guard case .object(let o)? = try? loader.plan(name) else { return nil }
        return o
    }

    var typeName: String { "function" }
    var docstring: String? { real()?.docstring }
    var signature: String? { real()?.signature }
    var attributeNames: [String] { real()?.attributeNames ?? [] }
    func repr(_ interpreter: Interpreter) throws -> String { try real()?.repr(interpreter) ?? "<function \(name)>" }
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try interpreter.call(try loader.plan(name), arguments)
    }
    func attribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value? {
        guard case .object(let o) = try loader.plan(name) else { return nil }
        return try o.attribute(attribute, interpreter)
    }
    func hashKey() -> Int? { real()?.hashKey() }
}

extension Value {
    /// Whether this is a placeholder for a not yet compiled plan.
    var isLazyPlan: Bool { if case .object(let o) = self { return o is LazyPlan } else { return false } }
}

/// The built-in plans failed to load (a bug in Beamtime, reported with the traceback).
public struct PlanLibraryError: Error, CustomStringConvertible {
    /// The traceback.
    public var message: String
    public var description: String { "the built-in plans did not load:\n\(message)" }
}

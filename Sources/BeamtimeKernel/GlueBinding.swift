import Acquisition
import Jupyter
import JSON
import Numerics
import Script

/// `glue(name, value, display=False)`: records a value in the cell's output with scrapbook's
/// mimetype, so the executor and the catalogue can read results back from an executed
/// notebook (as `scrapbook.glue` does).
public enum GlueBinding {
    static let mimeType = "application/scrapbook.scrap.json+json"

    /// `glue` for `beamtime exec`, where there is no notebook output: it checks that the value
    /// can be recorded (JSON) and records nothing.
    public static func installWithoutOutput(into interpreter: Interpreter) {
        install(into: interpreter) { nil }
    }

    static func install(into interpreter: Interpreter, context: @escaping () -> (any ExecutionContext)?) {
        interpreter.setBuiltin("glue", .object(NumpyFunction("glue(name, value, display=False)", """
            Record value under name in the cell's output (scrapbook's format: {name, data, encoder, version}), for
            papermill/scrapbook readers and the report pipeline. Numbers, strings, lists, dicts and arrays (as lists)
            are recorded; display=True also shows the value.
            """) { b, interp in
            guard case .str(let name)? = b["name"] else { throw ScriptError.typeError("glue() name must be a string") }
            let value = try b.required("value")
            let data = try ValueJSON.json(plain(value), interp)
            let scrap: JSONObject = ["name": .string(name), "data": data, "encoder": "json", "version": 1]
            let showing = try b.bool("display", default: false)
            guard let context = context() else { return .none }
            context.display([mimeType: .object(scrap)],
                            metadata: ["scrapbook": .object(["name": .string(name), "data": true, "display": false])], displayID: nil)
            if showing {
                context.display(try MimeBundles.bundle(for: value, interpreter: interp),
                                metadata: ["scrapbook": .object(["name": .string(name), "data": false, "display": true])], displayID: nil)
            }
            return .none
        }.builtin))
    }

    /// Arrays as nested lists, inside lists, tuples and dicts too.
    static func plain(_ value: Value) throws -> Value {
        switch value {
        case .object(let a as ArrayObject): return ArrayConversion.list(a.array)
        case .list(let l): return .list(ListObject(try l.items.map(plain)))
        case .tuple(let t): return .tuple(try t.map(plain))
        case .dict(let d):
            let out = DictObject()
            for (k, v) in d.entries { try out.set(HashKey(k), try plain(v)) }
            return .dict(out)
        case .float(let x) where !x.isFinite:
            throw ScriptError.valueError("glue(): \(x) is not valid JSON; record it as a string")
        default: return value
        }
    }
}

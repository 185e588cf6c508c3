import Jupyter
import JSON
import Script

/// The kernel's display functions, bound as builtins of the session: `display` (with
/// `display_id`), `update_display` and `clear_output`, as IPython.display offers them.
enum DisplayBindings {
    /// Installs the builtins; `context` returns the request being served.
    static func install(into interpreter: Interpreter, context: @escaping () -> (any ExecutionContext)?) {
        interpreter.setBuiltin("display", .object(BuiltinFunction(
            "display", signature: "display(*objs, display_id=None, clear=False)",
            doc: """
            Show each object with its richest representation (HTML, SVG, Markdown, text) in the cell's output.

            display_id=True gives the output a new id and returns a handle whose .update(obj) replaces it in place;
            a string display_id names the output yourself. clear=True clears the cell's output first.
            """) { args, interp in
            let id = try displayID(args.keyword("display_id"), interp)
            if let clear = args.keyword("clear"), try interp.truthy(clear) { context()?.clearOutput(wait: true) }
            for value in args.positional {
                let bundle = try MimeBundles.bundle(for: value, interpreter: interp)
                if let context = context() {
                    context.display(bundle, metadata: JSONObject(), displayID: id)
                } else {
                    interp.write((bundle["text/plain"]?.string ?? "") + "\n")
                }
            }
            return id.map { .object(DisplayHandle(id: $0, context: context)) } ?? .none
        }))
        interpreter.setBuiltin("update_display", .object(BuiltinFunction(
            "update_display", signature: "update_display(obj, *, display_id)",
            doc: "Replace the output shown under display_id with obj, wherever it is displayed.") { args, interp in
            guard let value = args.positional.first, args.positional.count == 1 else {
                throw ScriptError.typeError("update_display() takes exactly one object")
            }
            guard let id = try displayID(args.keyword("display_id"), interp) else {
                throw ScriptError.typeError("update_display() needs display_id=")
            }
            try DisplayHandle(id: id, context: context).update(value, interp)
            return .none
        }))
        interpreter.setBuiltin("clear_output", .object(BuiltinFunction(
            "clear_output", signature: "clear_output(wait=False)",
            doc: "Clear the cell's output; with wait=True, only when the next output arrives (no flicker).") { args, interp in
            let wait = try (args.positional.first ?? args.keyword("wait")).map { try interp.truthy($0) } ?? false
            context()?.clearOutput(wait: wait)
            return .none
        }))
    }

    /// `display_id=`: True makes a fresh id, a string is used as given, None/False means none.
    static func displayID(_ value: Value?, _ interp: Interpreter) throws -> String? {
        guard let value else { return nil }
        switch value {
        case .none: return nil
        case .bool(let b): return b ? MessageFactory.randomID() : nil
        case .str(let s): return s
        default: throw ScriptError.typeError("display_id must be True, a string or None, not \(value.typeName)")
        }
    }
}

/// What `display(x, display_id=True)` returns: a handle that updates that output.
final class DisplayHandle: ScriptObject {
    let id: String
    let context: () -> (any ExecutionContext)?

    init(id: String, context: @escaping () -> (any ExecutionContext)?) {
        self.id = id
        self.context = context
    }

    var typeName: String { "DisplayHandle" }
    var docstring: String? { "A handle on a displayed output: .update(obj) replaces it, .display(obj) shows obj again under the same id." }
    var attributeNames: [String] { ["display", "display_id", "update"] }
    func repr(_ interpreter: Interpreter) throws -> String { "<DisplayHandle display_id=\(id)>" }

    func update(_ value: Value, _ interp: Interpreter) throws {
        let bundle = try MimeBundles.bundle(for: value, interpreter: interp)
        context()?.updateDisplay(bundle, metadata: JSONObject(), displayID: id)
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "display_id": return .str(id)
        case "update":
            return .object(BuiltinFunction("update", signature: "update(obj)", doc: "Replace this output with obj.") { args, interp in
                guard let value = args.positional.first else { throw ScriptError.typeError("update() needs an object") }
                try self.update(value, interp)
                return .none
            })
        case "display":
            return .object(BuiltinFunction("display", signature: "display(obj)", doc: "Show obj as a new output with this id.") { args, interp in
                guard let value = args.positional.first else { throw ScriptError.typeError("display() needs an object") }
                let bundle = try MimeBundles.bundle(for: value, interpreter: interp)
                self.context()?.display(bundle, metadata: JSONObject(), displayID: self.id)
                return .none
            })
        default: return nil
        }
    }
}

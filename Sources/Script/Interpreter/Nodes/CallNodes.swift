/// A call `f(args)`. Calls of compiled functions with plain positional arguments bind
/// them straight into the callee's frame.
final class CallNode: ExprNode {
    let callee: ExprNode
    let positional: [ExprNode]
    let starred: [Bool]
    let keywords: [(String?, ExprNode)]   // nil name = **mapping
    let simple: Bool

    /// Keyword names (possibly none) when every keyword is named and nothing is unpacked:
    /// such a call can bind through a `CallPlan`.
    let plainKeywordNames: [String]?
    let plainKeywordValues: [ExprNode]
    /// The function the last keyword call went to, and how its arguments bind.
    var plannedFunction: FunctionObject?
    var callPlan: CallPlan?
    /// The function this site last found it cannot plan for.
    var unplannedFunction: FunctionObject?

    init(_ callee: ExprNode, positional: [ExprNode], starred: [Bool], keywords: [(String?, ExprNode)], _ span: SourceSpan) {
        self.callee = callee
        self.positional = positional
        self.starred = starred
        self.keywords = keywords
        self.simple = keywords.isEmpty && !starred.contains(true)
        let names = keywords.compactMap(\.0)
        plainKeywordNames = names.count == keywords.count && !starred.contains(true) ? names : nil
        plainKeywordValues = keywords.map(\.1)
        calleeGlobal = (callee as? GlobalLoad)?.box.storage
        super.init(span)
    }

    /// Where the callee lives when it is a global name (`fib(n - 1)`): the fast path looks
    /// at it in place instead of evaluating (and retaining) the callee.
    private let calleeGlobal: UnsafeMutablePointer<Value>?

    /// The function called last time, when it took the direct-binding path (an inline cache
    /// that saves a dynamic cast per call): its identity, an unretained reference for the
    /// fast path and the reference that keeps it alive while cached.
    private var cachedIdentity: ObjectIdentifier?
    private var cachedTarget: Unmanaged<FunctionObject>?
    private var cachedFunction: FunctionObject?
    /// Functions this site cached before. A call through the fast path holds no reference
    /// of its own, so a function replaced in the cache while it runs (its global rebound
    /// and the site reached again by a recursive call) is kept alive here. After
    /// `maxRetired` replacements the site keeps its cache and calls others the general way.
    private var retired: [FunctionObject] = []
    private static let maxRetired = 8

    private func cache(_ function: FunctionObject) {
        if let old = cachedFunction {
            guard retired.count < CallNode.maxRetired else { return }
            retired.append(old)
        }
        cachedFunction = function
        cachedTarget = Unmanaged.passUnretained(function)
        cachedIdentity = ObjectIdentifier(function)
    }

    /// Calls the cached function (unretained: the cache keeps it alive) with the positional
    /// arguments bound straight into its slots.
    @inline(__always)
    private func invokeCached(_ f: Frame) throws -> Value {
        do {
            return try cachedTarget.unsafelyUnwrapped._withUnsafeGuaranteedRef { try $0.invoke(positional, from: f) }
        } catch let e as ScriptError { throw e.locate(span, f) }
    }

    override func eval(_ f: Frame) throws -> Value {
        if simple, let global = calleeGlobal, global.pointee.objectIdentity == cachedIdentity, cachedIdentity != nil {
            return try invokeCached(f)
        }
        let fn = try callee.eval(f)
        if simple, case .object(let o) = fn {
            // `fn` keeps the function alive for the call, so the cache is read unretained.
            if ObjectIdentifier(o) == cachedIdentity { return try invokeCached(f) }
            if let function = o as? FunctionObject, function.acceptsExactly(positional.count) {
                cache(function)
                do { return try function.invoke(positional, from: f) } catch let e as ScriptError { throw e.locate(span, f) }
            }
        }
        if let names = plainKeywordNames, case .object(let o) = fn {
            if let planned = plannedFunction, o === planned, let plan = callPlan {
                do { return try planned.invoke(positional, keywords: plainKeywordValues, plan: plan, from: f) } catch let e as ScriptError {
                    throw e.locate(span, f)
                }
            }
            if o !== unplannedFunction, let function = o as? FunctionObject {
                if let plan = function.plan(positional: positional.count, keywords: names) {
                    plannedFunction = function
                    callPlan = plan
                    do { return try function.invoke(positional, keywords: plainKeywordValues, plan: plan, from: f) } catch let e as ScriptError {
                        throw e.locate(span, f)
                    }
                }
                // A generator function, or a call that raises a TypeError: not planned again.
                unplannedFunction = function
            }
        }
        if simple && positional.count == 1, case .object(let o) = fn {
            // `len(x)`, `str(i)`: builtins with a one-argument body skip the argument list.
            let argument = try positional.eval(0, f)
            do {
                if let result = try o.call(single: argument, f.interpreter) { return result }
                return try f.interpreter.call(fn, Arguments([argument]))
            } catch let e as ScriptError { throw e.locate(span, f) }
        }
        let args = try evaluateArguments(f, callee: fn)
        do { return try f.interpreter.call(fn, args) } catch let e as ScriptError { throw e.locate(span, f) }
    }

    /// Evaluates the arguments in order; `callee` names the function in CPython's message
    /// for a keyword given twice through `**`.
    func evaluateArguments(_ f: Frame, callee: Value = .none) throws -> Arguments {
        var args = Arguments()
        if simple {
            args.positional.reserveCapacity(positional.count)
            for p in positional { args.positional.append(try p.eval(f)) }
            return args
        }
        args.positional.reserveCapacity(positional.count)
        args.keywords.reserveCapacity(keywords.count)
        for (i, p) in positional.enumerated() {
            let v = try p.eval(f)
            if starred[i] {
                do { try f.interpreter.forEach(v) { args.positional.append($0) } } catch let e as ScriptError {
                    if e.exception.type === BuiltinTypes.typeError, case .object = v {} else if e.exception.type === BuiltinTypes.typeError {
                        throw ScriptError.typeError("argument after * must be an iterable, not \(v.typeName)").locate(span, f)
                    }
                    throw e.locate(span, f)
                }
            } else {
                args.positional.append(v)
            }
        }
        for (name, e) in keywords {
            let v = try e.eval(f)
            if let name {
                if args.keywords.contains(where: { $0.name == name }) {
                    throw ScriptError.typeError("\(functionDescription(callee))got multiple values for keyword argument '\(name)'").locate(span, f)
                }
                args.keywords.append((name, v))
            } else {
                guard case .dict(let d) = v else {
                    throw ScriptError.typeError("argument after ** must be a mapping, not \(v.typeName)").locate(span, f)
                }
                for (k, value) in d.entries {
                    guard case .str(let key) = k else {
                        throw ScriptError.typeError("keywords must be strings").locate(span, f)
                    }
                    if args.keywords.contains(where: { $0.name == key }) {
                        throw ScriptError.typeError("\(functionDescription(callee))got multiple values for keyword argument '\(key)'").locate(span, f)
                    }
                    args.keywords.append((key, value))
                }
            }
        }
        return args
    }
}

/// `obj.method(args)`: calls methods of builtin types without creating a bound method.
final class MethodCallNode: ExprNode {
    let receiver: ExprNode
    let name: String
    let call: CallNode

    /// Which builtin receiver kinds have a method of this name (decided once, at compile time).
    let onStr: Bool, onList: Bool, onDict: Bool, onTuple: Bool, onNumber: Bool
    /// `xs.append(x)`, the commonest call in acquisition loops, skips argument packing.
    let isSingleAppend: Bool
    /// Whether `name` is a generator method (`send`, `throw`, `close`, `__next__`), called
    /// directly on a generator receiver; `g.send(x)` also skips argument packing.
    let isGeneratorMethod: Bool, isSingleSend: Bool

    init(_ receiver: ExprNode, _ name: String, _ call: CallNode, _ span: SourceSpan) {
        self.receiver = receiver
        self.name = name
        self.call = call
        onStr = MethodTables.has(.str(""), name)
        onList = MethodTables.has(.list(ListObject()), name)
        onDict = MethodTables.has(.dict(DictObject()), name)
        onTuple = MethodTables.has(.tuple([]), name)
        onNumber = MethodTables.has(.int(0), name) || MethodTables.has(.float(0), name)
        isSingleAppend = name == "append" && call.simple && call.positional.count == 1
        isGeneratorMethod = GeneratorObject.methodNames.contains(name)
        isSingleSend = name == "send" && call.simple && call.positional.count == 1
        super.init(span)
    }

    @inline(__always)
    private func supported(_ r: Value) -> Bool {
        switch r {
        case .str: return onStr
        case .list: return onList
        case .dict: return onDict
        case .tuple: return onTuple
        default: return onNumber
        }
    }

    override func eval(_ f: Frame) throws -> Value {
        let r = try receiver.eval(f)
        if isSingleAppend, case .list(let l) = r {
            l.items.append(try call.positional[0].eval(f))
            return .none
        }
        switch r {
        case .str, .list, .dict, .tuple, .int, .float, .bool:
            if !supported(r) {
                do { _ = try f.interpreter.getAttribute(r, name) } catch let e as ScriptError { throw e.locate(call.callee.span, f) }
            }
            let args = try call.evaluateArguments(f)
            do { return try f.interpreter.callMethod(r, name, args) } catch let e as ScriptError { throw e.locate(span, f) }
        default:
            if isGeneratorMethod, case .object(let o) = r, let generator = o as? GeneratorObject {
                // `plan.send(reply)`, as a run engine drives a plan: no bound method, no argument list.
                if isSingleSend {
                    let reply = try call.positional.eval(0, f)
                    do {
                        if let v = try generator.send(reply) { return v }
                        throw ScriptError.stopIteration(generator.returnValue)
                    } catch let e as ScriptError { throw e.locate(span, f) }
                }
                let args = try call.evaluateArguments(f)
                do { return try generator.callMethod(name, args, f.interpreter) } catch let e as ScriptError { throw e.locate(span, f) }
            }
            let fn: Value
            do { fn = try f.interpreter.getAttribute(r, name) } catch let e as ScriptError { throw e.locate(call.callee.span, f) }
            if call.simple, case .object(let o) = fn, !(o is BoundMethod), let function = o as? FunctionObject,
               function.acceptsExactly(call.positional.count) {
                do { return try function.invoke(call.positional, from: f) } catch let e as ScriptError { throw e.locate(span, f) }
            }
            let args = try call.evaluateArguments(f, callee: fn)
            do { return try f.interpreter.call(fn, args) } catch let e as ScriptError { throw e.locate(span, f) }
        }
    }
}

/// How CPython names a callee in argument errors (`__main__.f() `, `print() `), with a
/// trailing space; empty when there is nothing to name.
func functionDescription(_ callee: Value) -> String {
    guard case .object(let o) = callee else { return "" }
    if let function = o as? FunctionObject { return "__main__.\(function.qualifiedName)() " }
    if let builtin = o as? BuiltinFunction { return "\(builtin.name)() " }
    return ""
}

/// Creates a function object (for `def` and `lambda`), capturing defaults and cells.
final class MakeFunctionNode: ExprNode {
    let code: CodeObject
    let defaults: [ExprNode]
    let keywordDefaults: [(String, ExprNode)]
    /// For each free name of the new function: the cell index in the creating frame.
    let closureIndices: [Int]
    let qualifiedName: String

    init(_ code: CodeObject, defaults: [ExprNode], keywordDefaults: [(String, ExprNode)], closureIndices: [Int],
         qualifiedName: String, _ span: SourceSpan) {
        self.code = code
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closureIndices = closureIndices
        self.qualifiedName = qualifiedName
        super.init(span)
    }

    override func eval(_ f: Frame) throws -> Value {
        var defs: [Value] = []
        for d in defaults { defs.append(try d.eval(f)) }
        var kw: [String: Value] = [:]
        for (n, d) in keywordDefaults { kw[n] = try d.eval(f) }
        let closure = closureIndices.map { f.cells[$0] }
        return .object(FunctionObject(code: code, defaults: defs, keywordDefaults: kw, closure: closure,
                                      qualifiedName: qualifiedName))
    }
}

/// A list, set or dict comprehension, run inline in the enclosing frame.
final class ComprehensionNode: ExprNode {
    enum Kind { case list, set, dict }
    struct Clause {
        let iterable: ExprNode
        let target: TargetNode
        let conditions: [ExprNode]
    }
    let kind: Kind
    let clauses: [Clause]
    let element: ExprNode
    let value: ExprNode?
    let freshCells: [Int]

    init(_ kind: Kind, _ clauses: [Clause], element: ExprNode, value: ExprNode?, freshCells: [Int], _ span: SourceSpan) {
        self.kind = kind
        self.clauses = clauses
        self.element = element
        self.value = value
        self.freshCells = freshCells
        super.init(span)
    }

    override func eval(_ f: Frame) throws -> Value {
        for c in freshCells { f.cells[c] = Cell() }
        switch kind {
        case .list:
            var out: [Value] = []
            try run(0, f) { out.append(try element.eval(f)) }
            return .list(ListObject(out))
        case .set:
            let s = SetObject()
            try run(0, f) {
                do { try s.insert(try element.eval(f)) } catch let e as ScriptError { throw e.locate(element.span, f) }
            }
            return .object(s)
        case .dict:
            let d = DictObject()
            guard let value else { return .dict(d) }
            try run(0, f) {
                let k = try element.eval(f)
                let v = try value.eval(f)
                do { d.set(try HashKey(k), v) } catch let e as ScriptError { throw e.locate(element.span, f) }
            }
            return .dict(d)
        }
    }

    private func run(_ level: Int, _ f: Frame, _ emit: () throws -> Void) throws {
        let clause = clauses[level]
        let iterable = try clause.iterable.eval(f)
        unowned(unsafe) let interp = f.interpreter
        if case .object(let o) = iterable, let range = o as? RangeObject, let local = clause.target as? LocalTarget {
            // Fast path: `for i in range(...)` into a plain local.
            var i = range.start
            let slot = local.slot
            while range.step > 0 ? i < range.stop : i > range.stop {
                try tick(f)
                f.slots[slot] = .int(i)
                if try clause.conditions.allTrue(f) {
                    if level + 1 < clauses.count { try run(level + 1, f, emit) } else { try emit() }
                }
                let (next, overflow) = i.addingReportingOverflow(range.step)
                if overflow { break }
                i = next
            }
            return
        }
        if case .list(let l) = iterable, let local = clause.target as? LocalTarget {
            // `for x in xs` over a list into a plain local (the list may change as it runs).
            var i = 0
            let slot = local.slot
            while i < l.items.count {
                try tick(f)
                f.slots[slot] = l.items[i]
                i += 1
                if try clause.conditions.allTrue(f) {
                    if level + 1 < clauses.count { try run(level + 1, f, emit) } else { try emit() }
                }
            }
            return
        }
        do {
            try interp.forEach(iterable, ticking: true) { item in
                try clause.target.assign(item, f)
                if try !clause.conditions.allTrue(f) { return }
                if level + 1 < clauses.count { try run(level + 1, f, emit) } else { try emit() }
            }
        } catch let e as ScriptError { throw e.locate(clause.iterable.span, f) }
    }
}

/// A generator expression: a generator function called with the first iterable's iterator.
final class GeneratorExpressionNode: ExprNode {
    let make: MakeFunctionNode
    let firstIterable: ExprNode

    init(_ make: MakeFunctionNode, _ firstIterable: ExprNode, _ span: SourceSpan) {
        self.make = make
        self.firstIterable = firstIterable
        super.init(span)
    }

    override func eval(_ f: Frame) throws -> Value {
        let iterable = try firstIterable.eval(f)
        let iterator: Value
        do { iterator = try f.interpreter.iteratorValue(iterable) } catch let e as ScriptError { throw e.locate(firstIterable.span, f) }
        guard case .object(let o) = try make.eval(f), let fn = o as? FunctionObject else {
            throw ScriptError.runtimeError("internal error: generator expression")
        }
        return try fn.call(Arguments([iterator]), f.interpreter)
    }
}


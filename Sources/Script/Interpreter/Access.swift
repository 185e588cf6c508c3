/// Attribute and item access, calls and iteration over any value.
extension Interpreter {
    /// `v.name`.
    public func getAttribute(_ v: Value, _ name: String) throws -> Value {
        switch v {
        case .object(let o):
            if let r = try o.attribute(name, self) { return r }
            if name == "__doc__" { return o.docstring.map { .str($0) } ?? Value.none }
            if name == "__class__" { return .object(typeObject(of: v)) }
        default:
            if MethodTables.has(v, name) { return .object(BoundMethod(v, name)) }
            switch (v, name) {
            case (.int, "real"), (.float, "real"), (.bool, "real"): return v
            case (.int, "imag"), (.bool, "imag"): return .int(0)
            case (.float, "imag"): return .float(0)
            case (.int, "numerator"): return v
            case (.int, "denominator"): return .int(1)
            case (_, "__class__"): return .object(typeObject(of: v))
            default: break
            }
        }
        let err = ScriptError.attributeError(
            v.typeName == "module" ? "module '\((try? str(v)) ?? "")' has no attribute '\(name)'"
                : "'\(v.typeName)' object has no attribute '\(name)'")
        if case .object(let o) = v, let m = o as? ModuleObject {
            err.exception.args = [.str("module '\(m.name)' has no attribute '\(name)'")]
        }
        err.exception.suggestion = closestName(name, in: attributeNames(of: v))
        throw err
    }

    /// `v.name = value`.
    public func setAttribute(_ v: Value, _ name: String, _ value: Value) throws {
        if case .object(let o) = v {
            try o.setAttribute(name, value, self)
            return
        }
        if MethodTables.has(v, name) {
            throw ScriptError.attributeError("'\(v.typeName)' object attribute '\(name)' is read-only")
        }
        throw ScriptError.attributeError("'\(v.typeName)' object has no attribute '\(name)'")
    }

    /// Names offered by completion and `dir()`.
    public func attributeNames(of v: Value) -> [String] {
        if case .object(let o) = v { return o.attributeNames }
        return MethodTables.names(for: v)
    }

    /// `v[key]`.
    public func getItem(_ v: Value, _ key: Value) throws -> Value {
        switch v {
        case .list(let l): return try sequenceItem(l.items, key, "list") { .list(ListObject($0)) }
        case .tuple(let t): return try sequenceItem(t, key, "tuple") { .tuple($0) }
        case .str(let s):
            if case .int(let i) = key {
                let scalars = s.unicodeScalars
                let n = scalars.count
                let j = i < 0 ? i + n : i
                guard j >= 0 && j < n else { throw ScriptError.indexError("string index out of range") }
                return .str(String(scalars[scalars.index(scalars.startIndex, offsetBy: j)]))
            }
            return try sequenceItem(Array(s.unicodeScalars).map { Value.str(String($0)) }, key, "string") { parts in
                var out = ""
                for p in parts { if case .str(let c) = p { out += c } }
                return .str(out)
            }
        case .dict(let d):
            if let r = try d.lookup(key) { return r }
            throw ScriptError.keyError(key)
        case .object(let o):
            if let r = try o.item(key, self) { return r }
            if let t = o as? TypeObject {
                throw ScriptError.typeError("type '\(t.name)' is not subscriptable")
            }
        default: break
        }
        throw ScriptError.typeError("'\(v.typeName)' object is not subscriptable")
    }

    private func sequenceItem(_ items: [Value], _ key: Value, _ kind: String, _ make: ([Value]) -> Value) throws -> Value {
        switch key {
        case .int(let i):
            let j = i < 0 ? i + items.count : i
            guard j >= 0 && j < items.count else { throw ScriptError.indexError("\(kind) index out of range") }
            return items[j]
        case .bool(let b):
            return try sequenceItem(items, .int(b ? 1 : 0), kind, make)
        case .object(let o as SliceObject):
            let (start, _, step, count) = try o.indices(length: items.count, self)
            var out: [Value] = []
            out.reserveCapacity(count)
            var i = start
            for _ in 0..<count {
                out.append(items[i])
                i += step
            }
            return make(out)
        default:
            throw ScriptError.typeError("\(kind) indices must be integers or slices, not \(key.typeName)")
        }
    }

    /// `v[key] = value`.
    public func setItem(_ v: Value, _ key: Value, _ value: Value) throws {
        switch v {
        case .list(let l):
            if case .object(let o as SliceObject) = key {
                var newItems: [Value] = []
                try forEach(value) { newItems.append($0) }
                let (start, stop, step, count) = try o.indices(length: l.items.count, self)
                if step == 1 {
                    l.items.replaceSubrange(start..<max(start, stop), with: newItems)
                } else {
                    guard newItems.count == count else {
                        throw ScriptError.valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(count)")
                    }
                    var i = start
                    for item in newItems {
                        l.items[i] = item
                        i += step
                    }
                }
                return
            }
            let index: Int
            switch key {
            case .int(let i): index = i
            case .bool(let b): index = b ? 1 : 0
            default: throw ScriptError.typeError("list indices must be integers or slices, not \(key.typeName)")
            }
            let j = index < 0 ? index + l.items.count : index
            guard j >= 0 && j < l.items.count else { throw ScriptError.indexError("list assignment index out of range") }
            l.items[j] = value
        case .dict(let d): d.set(try HashKey(key), value)
        case .object(let o):
            if try o.setItem(key, value, self) { return }
            throw ScriptError.typeError("'\(v.typeName)' object does not support item assignment")
        default:
            throw ScriptError.typeError("'\(v.typeName)' object does not support item assignment")
        }
    }

    /// `del v[key]`.
    public func deleteItem(_ v: Value, _ key: Value) throws {
        switch v {
        case .list(let l):
            if case .int(let i) = key {
                let j = i < 0 ? i + l.items.count : i
                guard j >= 0 && j < l.items.count else { throw ScriptError.indexError("list assignment index out of range") }
                l.items.remove(at: j)
            } else if case .object(let o as SliceObject) = key {
                let (start, _, step, count) = try o.indices(length: l.items.count, self)
                var remove = Set<Int>()
                var i = start
                for _ in 0..<count {
                    remove.insert(i)
                    i += step
                }
                l.items = l.items.enumerated().filter { !remove.contains($0.offset) }.map(\.element)
            } else {
                throw ScriptError.typeError("list indices must be integers or slices, not \(key.typeName)")
            }
        case .dict(let d):
            if d.remove(try HashKey(key)) == nil { throw ScriptError.keyError(key) }
        case .object(let o):
            if try o.deleteItem(key, self) { return }
            throw ScriptError.typeError("'\(v.typeName)' object doesn't support item deletion")
        default:
            throw ScriptError.typeError("'\(v.typeName)' object doesn't support item deletion")
        }
    }

    /// Calls any callable value.
    public func call(_ fn: Value, _ args: Arguments) throws -> Value {
        guard case .object(let o) = fn else {
            throw ScriptError.typeError("'\(fn.typeName)' object is not callable")
        }
        return try o.call(args, self)
    }

    /// Calls a callable with positional arguments.
    public func call(_ fn: Value, _ positional: Value...) throws -> Value {
        try call(fn, Arguments(positional))
    }

    /// Whether exception `e` is matched by the `except` clause value `t` (a type or tuple).
    func exceptionMatches(_ e: ExceptionObject, _ t: Value) throws -> Bool {
        switch t {
        case .object(let o as TypeObject) where o.isException: return e.type.isSubtype(of: o)
        case .tuple(let items):
            for item in items where try exceptionMatches(e, item) { return true }
            return false
        default:
            throw ScriptError.typeError("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    /// The exception instance for `raise v` (a class is instantiated).
    func exceptionInstance(_ v: Value) throws -> ExceptionObject {
        switch v {
        case .object(let e as ExceptionObject): return e
        case .object(let t as TypeObject) where t.isException:
            guard case .object(let e as ExceptionObject) = try t.call(Arguments(), self) else {
                throw ScriptError.typeError("exceptions must derive from BaseException")
            }
            return e
        default:
            throw ScriptError.typeError("exceptions must derive from BaseException")
        }
    }

    /// The type object of a value, as `type(v)` returns.
    public func typeObject(of v: Value) -> TypeObject {
        switch v {
        case .none: return BuiltinTypes.noneType
        case .bool: return BuiltinTypes.bool
        case .int: return BuiltinTypes.int
        case .float: return BuiltinTypes.float
        case .str: return BuiltinTypes.str
        case .list: return BuiltinTypes.list
        case .tuple: return BuiltinTypes.tuple
        case .dict: return BuiltinTypes.dict
        case .unbound: return BuiltinTypes.object
        case .object(let o):
            switch o {
            case let e as ExceptionObject: return e.type
            case is TypeObject: return BuiltinTypes.type
            case is FunctionObject: return BuiltinTypes.function
            case is BuiltinFunction, is BoundMethod: return BuiltinTypes.builtinFunction
            case is GeneratorObject: return BuiltinTypes.generator
            case is SetObject: return BuiltinTypes.set
            case is RangeObject: return BuiltinTypes.range
            case is SliceObject: return BuiltinTypes.slice
            case is ModuleObject: return BuiltinTypes.module
            default: return nativeType(named: o.typeName)
            }
        }
    }

    /// `{**m}` and `dict.update(m)`.
    func mergeMapping(into d: DictObject, _ m: Value) throws {
        guard case .dict(let src) = m else {
            throw ScriptError.typeError("'\(m.typeName)' object is not a mapping")
        }
        for (k, v) in src.entries { d.set(try HashKey(k), v) }
    }
}

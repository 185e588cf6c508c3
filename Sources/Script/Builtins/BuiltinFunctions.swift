import Glibc

/// The builtin functions every cell can call.
extension Interpreter {
    func installBuiltins() {
        for t in [BuiltinTypes.int, BuiltinTypes.bool, BuiltinTypes.float, BuiltinTypes.str, BuiltinTypes.list,
                  BuiltinTypes.tuple, BuiltinTypes.dict, BuiltinTypes.set, BuiltinTypes.range, BuiltinTypes.type] {
            builtins[t.name] = .object(t)
        }
        builtins["slice"] = .object(BuiltinTypes.slice)
        builtins["object"] = .object(BuiltinTypes.object)
        for e in BuiltinTypes.allExceptions { builtins[e.name] = .object(e) }
        builtins["Ellipsis"] = .object(EllipsisObject.shared)
        for f in Interpreter.builtinFunctions { builtins[f.name] = .object(f) }
    }

    static let builtinFunctions: [BuiltinFunction] = [
        BuiltinFunction("print", signature: "print(*values, sep=' ', end='\\n', file=None, flush=False)",
                        doc: "Prints the values to the cell's output, separated by sep and followed by end.\nfile=sys.stderr writes to the error stream.") { args, interp in
            try ArgumentReader("print", args, interp).onlyKeywords(["sep", "end", "file", "flush"])
            func text(_ key: String, _ def: String) throws -> String {
                guard let v = args.keyword(key), !v.isNone else { return def }
                guard case .str(let s) = v else { throw ScriptError.typeError("\(key) must be None or a string, not \(v.typeName)") }
                return s
            }
            let sep = try text("sep", " "), end = try text("end", "\n")
            let out = try args.positional.map { try interp.str($0) }.joined(separator: sep) + end
            if let file = args.keyword("file"), !file.isNone {
                guard case .object(let o) = file, let stream = o as? StreamObject else {
                    _ = try interp.call(try interp.getAttribute(file, "write"), .str(out))
                    return .none
                }
                interp.output.write(out, stderr: stream.isError)
            } else {
                interp.output.write(out, stderr: false)
            }
            return .none
        },
        BuiltinFunction("input", signature: "input(prompt='')", doc: "Reads a line from the user (the notebook's input box).") { args, interp in
            let prompt = try args.positional.first.map { try interp.str($0) } ?? ""
            guard let provider = interp.inputProvider else {
                throw ScriptError(BuiltinTypes.runtimeError, "input() is not available: this session has no stdin channel")
            }
            return .str(try provider(prompt))
        },
        BuiltinFunction("len", signature: "len(obj, /)", doc: "Return the number of items in a container.") { args, interp in
            try ArgumentReader("len", args, interp).count(1)
            return .int(try interp.length(args.positional[0]))
        }.withSingleArgumentBody { x, interp in .int(try interp.length(x)) },
        BuiltinFunction("repr", signature: "repr(obj, /)", doc: "Return the canonical string representation of the object.") { args, interp in
            try ArgumentReader("repr", args, interp).count(1)
            return .str(try interp.repr(args.positional[0]))
        }.withSingleArgumentBody { x, interp in .str(try interp.repr(x)) },
        BuiltinFunction("ascii", signature: "ascii(obj, /)", doc: "Like repr(), with non-ASCII characters escaped.") { args, interp in
            try ArgumentReader("ascii", args, interp).count(1)
            return .str(asciiRepr(try interp.repr(args.positional[0])))
        },
        BuiltinFunction("abs", signature: "abs(x, /)", doc: "Return the absolute value of the argument.") { args, interp in
            try ArgumentReader("abs", args, interp).count(1)
            switch args.positional[0] {
            case .int(let i):
                if i == Int.min { throw ScriptError.overflow() }
                return .int(Swift.abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(Swift.abs(d))
            case .object(let o):
                if let r = try o.attribute("__abs__", interp) { return try interp.call(r) }
                fallthrough
            default: throw ScriptError.typeError("bad operand type for abs(): '\(args.positional[0].typeName)'")
            }
        },
        BuiltinFunction("isinstance", signature: "isinstance(obj, class_or_tuple, /)", doc: "Return whether an object is an instance of a class or of a subclass thereof.") { args, interp in
            try ArgumentReader("isinstance", args, interp).count(2)
            return .bool(try interp.isInstance(args.positional[0], args.positional[1]))
        },
        BuiltinFunction("callable", signature: "callable(obj, /)", doc: "Return whether the object is callable.") { args, interp in
            try ArgumentReader("callable", args, interp).count(1)
            guard case .object(let o) = args.positional[0] else { return .bool(false) }
            if o is FunctionObject || o is BuiltinFunction || o is BoundMethod || o is TypeObject { return .bool(true) }
            return .bool(try o.attribute("__call__", interp) != nil)
        },
        BuiltinFunction("hasattr", signature: "hasattr(obj, name, /)", doc: "Return whether the object has an attribute with the given name.") { args, interp in
            let p = ArgumentReader("hasattr", args, interp)
            try p.count(2)
            do {
                _ = try interp.getAttribute(args.positional[0], try p.string(1))
                return .bool(true)
            } catch let e as ScriptError where e.exception.type.isSubtype(of: BuiltinTypes.attributeError) {
                return .bool(false)
            }
        },
        BuiltinFunction("getattr", signature: "getattr(object, name[, default])", doc: "Get a named attribute from an object; with a default, return it when the attribute does not exist.") { args, interp in
            let p = ArgumentReader("getattr", args, interp)
            try p.count(2...3)
            do {
                return try interp.getAttribute(args.positional[0], try p.string(1))
            } catch let e as ScriptError where e.exception.type.isSubtype(of: BuiltinTypes.attributeError) && args.positional.count == 3 {
                return args.positional[2]
            }
        },
        BuiltinFunction("setattr", signature: "setattr(obj, name, value, /)", doc: "Sets the named attribute on the given object to the specified value.") { args, interp in
            let p = ArgumentReader("setattr", args, interp)
            try p.count(3)
            try interp.setAttribute(args.positional[0], try p.string(1), args.positional[2])
            return .none
        },
        BuiltinFunction("iter", signature: "iter(iterable)", doc: "Get an iterator from an object.") { args, interp in
            try ArgumentReader("iter", args, interp).count(1)
            return try interp.iteratorValue(args.positional[0])
        },
        BuiltinFunction("next", signature: "next(iterator[, default])", doc: "Return the next item from the iterator. If default is given and the iterator is exhausted, it is returned instead of raising StopIteration.") { args, interp in
            try ArgumentReader("next", args, interp).count(1...2)
            let target = args.positional[0]
            guard case .object(let o) = target, let it = o as? ValueIterator else {
                throw ScriptError.typeError("'\(target.typeName)' object is not an iterator")
            }
            if let v = try it.next(interp) { return v }
            if args.positional.count == 2 { return args.positional[1] }
            if let g = o as? GeneratorObject { throw ScriptError.stopIteration(g.returnValue) }
            throw ScriptError.stopIteration()
        },
        BuiltinFunction("enumerate", signature: "enumerate(iterable, start=0)", doc: "Return an enumerate object yielding (index, item) pairs.") { args, interp in
            let p = ArgumentReader("enumerate", args, interp)
            try p.count(1...2)
            var start = args.positional.count > 1 ? try p.int(1) : 0
            if case .int(let s)? = args.keyword("start") { start = s }
            let it = try interp.iterator(args.positional[0])
            var i = start
            return .object(IteratorObject(ClosureIterator { interp in
                guard let v = try it.next(interp) else { return nil }
                let index = i
                let (next, overflow) = i.addingReportingOverflow(1)
                if overflow { throw ScriptError.overflow() }
                i = next
                return .tuple([.int(index), v])
            }, name: "enumerate"))
        },
        BuiltinFunction("zip", signature: "zip(*iterables, strict=False)", doc: "Yield tuples until an input is exhausted.") { args, interp in
            let its = try args.positional.map { try interp.iterator($0) }
            let strict = try args.keyword("strict").map { try interp.truthy($0) } ?? false
            return .object(IteratorObject(ClosureIterator { interp in
                if its.isEmpty { return nil }
                var items: [Value] = []
                for (k, it) in its.enumerated() {
                    guard let v = try it.next(interp) else {
                        var longer = k > 0
                        if strict && !longer {
                            for other in its.dropFirst() where try other.next(interp) != nil { longer = true }
                        }
                        if strict && longer {
                            throw ScriptError.valueError("zip() argument \(k + 1) is shorter than argument 1")
                        }
                        return nil
                    }
                    items.append(v)
                }
                return .tuple(items)
            }, name: "zip"))
        },
        BuiltinFunction("map", signature: "map(function, iterable, ...)", doc: "Make an iterator that computes the function using arguments from each of the iterables.") { args, interp in
            try ArgumentReader("map", args, interp).count(2...64)
            let fn = args.positional[0]
            let its = try args.positional.dropFirst().map { try interp.iterator($0) }
            return .object(IteratorObject(ClosureIterator { interp in
                var items: [Value] = []
                for it in its {
                    guard let v = try it.next(interp) else { return nil }
                    items.append(v)
                }
                return try interp.call(fn, Arguments(items))
            }, name: "map"))
        },
        BuiltinFunction("filter", signature: "filter(function or None, iterable)", doc: "Return an iterator yielding those items of iterable for which function(item) is true.") { args, interp in
            try ArgumentReader("filter", args, interp).count(2)
            let fn = args.positional[0]
            let it = try interp.iterator(args.positional[1])
            return .object(IteratorObject(ClosureIterator { interp in
                while let v = try it.next(interp) {
                    let keep = fn.isNone ? try interp.truthy(v) : try interp.truthy(try interp.call(fn, v))
                    if keep { return v }
                }
                return nil
            }, name: "filter"))
        },
        BuiltinFunction("reversed", signature: "reversed(sequence, /)", doc: "Return a reverse iterator over the values of the given sequence.") { args, interp in
            try ArgumentReader("reversed", args, interp).count(1)
            let v = args.positional[0]
            switch v {
            case .list, .tuple, .str: return .object(IteratorObject(ArrayIterator(try interp.collect(v).reversed()), name: "reversed"))
            case .dict(let d): return .object(IteratorObject(ArrayIterator(d.orderedKeys.reversed()), name: "dict_reversekeyiterator"))
            case .object(let r as RangeObject):
                return .object(IteratorObject(ArrayIterator(try interp.collect(.object(r)).reversed()), name: "range_iterator"))
            default: throw ScriptError.typeError("'\(v.typeName)' object is not reversible")
            }
        },
        BuiltinFunction("sorted", signature: "sorted(iterable, /, *, key=None, reverse=False)", doc: "Return a new list containing all items from the iterable in ascending order.") { args, interp in
            let p = ArgumentReader("sorted", args, interp)
            try p.count(1)
            try p.onlyKeywords(["key", "reverse"])
            let items = try interp.collect(args.positional[0])
            return .list(ListObject(try interp.sorted(items, key: args.keyword("key"),
                                                      reverse: try interp.truthy(args.keyword("reverse") ?? .bool(false)))))
        },
        BuiltinFunction("min", signature: "min(iterable, *[, default=obj, key=func])", doc: "With a single iterable argument, return its smallest item. With two or more positional arguments, return the smallest argument.") { args, interp in
            try interp.extreme(args, "min", .lt)
        },
        BuiltinFunction("max", signature: "max(iterable, *[, default=obj, key=func])", doc: "With a single iterable argument, return its biggest item. With two or more positional arguments, return the largest argument.") { args, interp in
            try interp.extreme(args, "max", .gt)
        },
        BuiltinFunction("sum", signature: "sum(iterable, /, start=0)", doc: "Return the sum of a 'start' value (default: 0) plus an iterable of numbers.") { args, interp in
            try ArgumentReader("sum", args, interp).count(1...2)
            var total = args.positional.count > 1 ? args.positional[1] : (args.keyword("start") ?? .int(0))
            if case .str = total { throw ScriptError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            var ftotal = 0.0
            var usingFloat = false
            if case .float(let d) = total {
                usingFloat = true
                ftotal = d
            }
            try interp.forEach(args.positional[0]) { v in
                if usingFloat {
                    switch v {
                    case .float(let d): ftotal += d; return
                    case .int(let i): ftotal += Double(i); return
                    default:
                        total = .float(ftotal)
                        usingFloat = false
                    }
                }
                switch (total, v) {
                case (.int(let a), .float(let d)):
                    usingFloat = true
                    ftotal = Double(a) + d
                default:
                    total = try interp.binary(.add, total, v)
                }
            }
            return usingFloat ? .float(ftotal) : total
        },
        BuiltinFunction("any", signature: "any(iterable, /)", doc: "Return True if bool(x) is True for any x in the iterable.") { args, interp in
            try ArgumentReader("any", args, interp).count(1)
            let it = try interp.iterator(args.positional[0])
            while let v = try it.next(interp) { if try interp.truthy(v) { return .bool(true) } }
            return .bool(false)
        },
        BuiltinFunction("all", signature: "all(iterable, /)", doc: "Return True if bool(x) is True for all values x in the iterable.") { args, interp in
            try ArgumentReader("all", args, interp).count(1)
            let it = try interp.iterator(args.positional[0])
            while let v = try it.next(interp) { if !(try interp.truthy(v)) { return .bool(false) } }
            return .bool(true)
        },
        BuiltinFunction("round", signature: "round(number, ndigits=None)", doc: "Round a number to a given precision in decimal digits (half to even, as Python does).") { args, interp in
            let p = ArgumentReader("round", args, interp)
            try p.count(1...2)
            let digits = try p.optionalInt(1) ?? (args.keyword("ndigits").flatMap { $0.isNone ? nil : $0.asRepeatCount })
            return try interp.round(args.positional[0], digits)
        },
        BuiltinFunction("divmod", signature: "divmod(x, y, /)", doc: "Return the tuple (x//y, x%y).") { args, interp in
            try ArgumentReader("divmod", args, interp).count(2)
            let (a, b) = (args.positional[0], args.positional[1])
            if b.numericValue == 0, case .float = a { throw ScriptError.zeroDivision("float divmod()") }
            if a.numericValue != nil, case .float = b, b.numericValue == 0 { throw ScriptError.zeroDivision("float divmod()") }
            return .tuple([try interp.binary(.floorDiv, a, b), try interp.binary(.mod, a, b)])
        },
        BuiltinFunction("pow", signature: "pow(base, exp, mod=None)", doc: "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments.") { args, interp in
            let p = ArgumentReader("pow", args, interp)
            try p.count(2...3)
            if args.positional.count == 3 && !args.positional[2].isNone {
                var base = try p.int(0), exp = try p.int(1)
                let m = try p.int(2)
                if m == 0 { throw ScriptError.valueError("pow() 3rd argument cannot be 0") }
                if m == Int.min { throw ScriptError.overflow() }
                if exp < 0 {
                    // Modular inverse by the extended Euclidean algorithm, as Python 3.8+.
                    let mm = Swift.abs(m)
                    var (r0, r1) = (((base % mm) + mm) % mm, mm)
                    var (s0, s1) = (1, 0)
                    while r1 != 0 {
                        let q = r0 / r1
                        (r0, r1) = (r1, r0 - q * r1)
                        (s0, s1) = (s1, s0 - q * s1)
                    }
                    guard r0 == 1 else { throw ScriptError.valueError("base is not invertible for the given modulus") }
                    base = ((s0 % mm) + mm) % mm
                    exp = -exp
                }
                var result = 1 % m
                base = ((base % m) + m) % m
                while exp > 0 {
                    if exp & 1 == 1 { result = Int((Int64(result).multipliedFullWidth(by: Int64(base)).low % UInt64(Swift.abs(m)))) }
                    exp >>= 1
                    base = Int((Int64(base).multipliedFullWidth(by: Int64(base)).low % UInt64(Swift.abs(m))))
                }
                if m < 0 && result > 0 { result += m }
                return .int(result)
            }
            return try interp.binary(.pow, args.positional[0], args.positional[1])
        },
        BuiltinFunction("hex", signature: "hex(number, /)", doc: "Return the hexadecimal representation of an integer.") { args, interp in
            let p = ArgumentReader("hex", args, interp)
            try p.count(1)
            return .str(radixString(try p.int(0), 16, "0x"))
        },
        BuiltinFunction("oct", signature: "oct(number, /)", doc: "Return the octal representation of an integer.") { args, interp in
            let p = ArgumentReader("oct", args, interp)
            try p.count(1)
            return .str(radixString(try p.int(0), 8, "0o"))
        },
        BuiltinFunction("bin", signature: "bin(number, /)", doc: "Return the binary representation of an integer.") { args, interp in
            let p = ArgumentReader("bin", args, interp)
            try p.count(1)
            return .str(radixString(try p.int(0), 2, "0b"))
        },
        BuiltinFunction("chr", signature: "chr(i, /)", doc: "Return a Unicode string of one character with ordinal i.") { args, interp in
            let p = ArgumentReader("chr", args, interp)
            try p.count(1)
            let i = try p.int(0)
            guard i >= 0 && i <= 0x10FFFF else { throw ScriptError.valueError("chr() arg not in range(0x110000)") }
            guard let u = Unicode.Scalar(UInt32(i)) else { throw ScriptError.valueError("chr() arg is a surrogate, which is not supported") }
            return .str(String(u))
        },
        BuiltinFunction("ord", signature: "ord(c, /)", doc: "Return the Unicode code point for a one-character string.") { args, interp in
            let p = ArgumentReader("ord", args, interp)
            try p.count(1)
            guard case .str(let s) = args.positional[0] else {
                throw ScriptError.typeError("ord() expected string of length 1, but \(args.positional[0].typeName) found")
            }
            guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else {
                throw ScriptError.typeError("ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(u.value))
        },
        BuiltinFunction("format", signature: "format(value, format_spec='', /)", doc: "Return value formatted according to format_spec.") { args, interp in
            let p = ArgumentReader("format", args, interp)
            try p.count(1...2)
            return .str(try interp.format(args.positional[0], try p.optionalString(1) ?? ""))
        },
        BuiltinFunction("hash", signature: "hash(obj, /)", doc: "Return the hash value for the given object.") { args, interp in
            try ArgumentReader("hash", args, interp).count(1)
            return .int(try HashKey(args.positional[0]).hashValue)
        },
        BuiltinFunction("id", signature: "id(obj, /)", doc: "Return the identity of an object.") { args, interp in
            try ArgumentReader("id", args, interp).count(1)
            switch args.positional[0] {
            case .list(let l): return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(l).hashValue)))
            case .dict(let d): return .int(ObjectIdentifier(d).hashValue)
            case .object(let o): return .int(ObjectIdentifier(o).hashValue)
            default: return .int((try? HashKey(args.positional[0]).hashValue) ?? 0)
            }
        },
        BuiltinFunction("dir", signature: "dir([object])", doc: "Without arguments, return the names defined in the session; with an object, its attributes.") { args, interp in
            if let v = args.positional.first {
                return .list(ListObject(interp.attributeNames(of: v).sorted().map { .str($0) }))
            }
            return .list(ListObject(interp.globals.values.filter { !$0.value.isUnbound }.map(\.name).sorted().map { .str($0) }))
        },
        BuiltinFunction("help", signature: "help(obj)", doc: "Show the signature and documentation of an object.") { args, interp in
            let text = args.positional.first.map { interp.helpText($0) }
                ?? "Beamtime cell language: Python syntax for beamline notebooks. Try help(scan) or help(len)."
            if let pager = interp.pagerHook { pager(text) } else { interp.write(text + "\n") }
            return .none
        },
        BuiltinFunction("display", signature: "display(*objs, display_id=None)", doc: "Show each object with its richest representation (HTML, images, Markdown) in the cell's output.") { args, interp in
            for v in args.positional {
                if let hook = interp.displayHook { try hook(v, interp) } else { interp.write(try interp.repr(v) + "\n") }
            }
            return .none
        },
    ]

    /// `len(v)`.
    public func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.codePointCount
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .object(let o): if let n = try o.length(self) { return n }
        default: break
        }
        throw ScriptError.typeError("object of type '\(v.typeName)' has no len()")
    }

    func isInstance(_ v: Value, _ t: Value) throws -> Bool {
        switch t {
        case .object(let type as TypeObject):
            if type === BuiltinTypes.object { return true }
            return typeObject(of: v).isSubtype(of: type)
        case .tuple(let items):
            for item in items where try isInstance(v, item) { return true }
            return false
        case .object(let host as HostType):
            return host.hasInstance(v)
        default:
            throw ScriptError.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    /// A stable merge sort that propagates comparison errors.
    func sorted(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        let keys: [Value]
        if let key, !key.isNone { keys = try items.map { try call(key, $0) } } else { keys = items }
        var order = Array(items.indices)
        var buffer = order
        func lessThan(_ a: Int, _ b: Int) throws -> Bool {
            reverse ? try less(.lt, keys[b], keys[a]) : try less(.lt, keys[a], keys[b])
        }
        var width = 1
        let n = order.count
        while width < n {
            var start = 0
            while start < n {
                let mid = min(start + width, n), end = min(start + 2 * width, n)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    if try lessThan(order[j], order[i]) {
                        buffer[k] = order[j]
                        j += 1
                    } else {
                        buffer[k] = order[i]
                        i += 1
                    }
                    k += 1
                }
                while i < mid { buffer[k] = order[i]; i += 1; k += 1 }
                while j < end { buffer[k] = order[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&order, &buffer)
            width *= 2
            if n > 4096 { try checkInterrupt() }
        }
        return order.map { items[$0] }
    }

    func extreme(_ args: Arguments, _ name: String, _ op: CompareOperator) throws -> Value {
        try ArgumentReader(name, args, self).onlyKeywords(["key", "default"])
        let items: [Value]
        if args.positional.count == 1 {
            items = try collect(args.positional[0])
        } else if args.positional.isEmpty {
            throw ScriptError.typeError("\(name) expected at least 1 argument, got 0")
        } else {
            if args.keyword("default") != nil {
                throw ScriptError.typeError("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = args.positional
        }
        guard var best = items.first else {
            if let d = args.keyword("default") { return d }
            throw ScriptError.valueError("\(name)() iterable argument is empty")
        }
        let key = args.keyword("key").flatMap { $0.isNone ? nil : $0 }
        var bestKey = try key.map { try call($0, best) } ?? best
        for v in items.dropFirst() {
            let k = try key.map { try call($0, v) } ?? v
            if try less(op, k, bestKey) {
                best = v
                bestKey = k
            }
        }
        return best
    }

    /// `round(x, ndigits)`.
    func round(_ v: Value, _ digits: Int?) throws -> Value {
        switch v {
        case .int(let i):
            guard let d = digits, d < 0 else { return .int(i) }
            if d < -18 { return .int(0) }
            let p = try intPower(10, -d)
            let q = i / p, r = i % p
            var result = q
            if Swift.abs(r) * 2 > p || (Swift.abs(r) * 2 == p && q % 2 != 0) { result += i < 0 ? -1 : 1 }
            return .int(try intBinary(.mul, result, p).asInt ?? 0)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let x):
            guard let d = digits else {
                if x.isNaN { throw ScriptError.valueError("cannot convert float NaN to integer") }
                if x.isInfinite { throw ScriptError.overflow("cannot convert float infinity to integer") }
                return .int(try Constructors.floatToInt(x.rounded(.toNearestOrEven)))
            }
            if !x.isFinite { return .float(x) }
            if d > 300 { return .float(x) }
            if d >= 0 {
                let text = TextLib.cFormatDouble("f", precision: d, x)
                return .float(Double(text) ?? x)
            }
            if d < -308 { return .float(0.0 * x) }
            let p = Glibc.pow(10.0, Double(-d))
            return .float((x / p).rounded(.toNearestOrEven) * p)
        case .object(let o):
            if let r = try o.attribute("__round__", self) { return try call(r, digits.map { .int($0) } ?? .none) }
            fallthrough
        default:
            throw ScriptError.typeError("type \(v.typeName) doesn't define __round__ method")
        }
    }

    /// The text `help(v)` prints.
    public func helpText(_ v: Value) -> String {
        var out = ""
        if case .object(let o) = v {
            if let sig = o.signature { out += sig + "\n\n" }
            out += o.docstring ?? "No documentation for this \(o.typeName)."
        } else {
            out += "Help on \(v.typeName) object:\n\n" + (typeObject(of: v).docstring ?? "")
        }
        return out
    }
}

extension Value {
    var asInt: Int? {
        if case .int(let i) = self { return i }
        return nil
    }
}

func radixString(_ i: Int, _ radix: Int, _ prefix: String) -> String {
    i < 0 ? "-" + prefix + String(i.magnitude, radix: radix) : prefix + String(i, radix: radix)
}

/// An iterator built from a closure (enumerate, zip, map, filter).
final class ClosureIterator: ValueIterator {
    let body: (Interpreter) throws -> Value?
    var finished = false
    init(_ body: @escaping (Interpreter) throws -> Value?) {
        self.body = body
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        if finished { return nil }
        let v = try body(interpreter)
        if v == nil { finished = true }
        return v
    }
}

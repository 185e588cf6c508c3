/// Iterates a snapshot array.
final class ArrayIterator: ValueIterator {
    let items: [Value]
    var index = 0
    init(_ items: [Value]) {
        self.items = items
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        guard index < items.count else { return nil }
        index += 1
        return items[index - 1]
    }
}

/// Iterates a list live, as Python's list iterator does (sees appends).
final class ListIterator: ValueIterator {
    let list: ListObject
    var index = 0
    init(_ list: ListObject) {
        self.list = list
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        guard index < list.items.count else { return nil }
        index += 1
        return list.items[index - 1]
    }
}

/// Iterates a dict, raising if its size changes.
final class DictIterator: ValueIterator {
    let dict: DictObject
    let kind: DictView.Kind
    var position = 0
    let initialCount: Int
    init(_ dict: DictObject, _ kind: DictView.Kind) {
        self.dict = dict
        self.kind = kind
        initialCount = dict.count
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        if dict.count != initialCount {
            throw ScriptError.runtimeError("dictionary changed size during iteration")
        }
        while position < dict.storageCount {
            defer { position += 1 }
            if let e = dict.entry(at: position) {
                switch kind {
                case .keys: return e.key
                case .values: return e.value
                case .items: return .tuple([e.key, e.value])
                }
            }
        }
        return nil
    }
}

final class RangeIterator: ValueIterator {
    var current: Int
    let stop: Int
    let step: Int
    var done = false
    init(_ r: RangeObject) {
        current = r.start
        stop = r.stop
        step = r.step
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        if done || (step > 0 ? current >= stop : current <= stop) { return nil }
        let v = current
        let (n, o) = current.addingReportingOverflow(step)
        if o { done = true } else { current = n }
        return .int(v)
    }
}

final class StringIterator: ValueIterator {
    var iterator: String.UnicodeScalarView.Iterator
    init(_ s: String) {
        iterator = s.unicodeScalars.makeIterator()
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        iterator.next().map { .str(String($0)) }
    }
}

/// An iterator object visible to cells (what `iter(x)` returns).
final class IteratorObject: ScriptObject, ValueIterator {
    let inner: any ValueIterator
    let name: String
    init(_ inner: any ValueIterator, name: String) {
        self.inner = inner
        self.name = name
    }
    var typeName: String { name }
    func next(_ interpreter: Interpreter) throws -> Value? { try inner.next(interpreter) }
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { self }
    func repr(_ interpreter: Interpreter) throws -> String { "<\(name) object>" }
}

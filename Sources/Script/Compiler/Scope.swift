/// One lexical scope found by the symbol-table pass: the module (a cell), a function, a
/// lambda, a generator expression or an inlined comprehension.
final class Scope {
    enum Kind {
        case module, function, comprehension
    }

    let kind: Kind
    weak var parent: Scope?
    /// Names bound in this scope (assignment targets, parameters, defs, imports, except-as).
    var assigned = Set<String>()
    var globals = Set<String>()
    var nonlocals = Set<String>()
    /// Names read or written anywhere in this scope (not counting nested functions).
    var used = Set<String>()
    var parameters: [String] = []
    var isGenerator = false
    /// Names bound here that a nested function reads (stored in cells).
    var cellNames = Set<String>()
    /// Names this scope takes from an enclosing function (passed through as free cells).
    var freeNames: [String] = []
    var children: [Scope] = []

    init(kind: Kind, parent: Scope?) {
        self.kind = kind
        self.parent = parent
        parent?.children.append(self)
    }

    /// The scope whose frame holds this scope's slots (comprehensions share their host's).
    var host: Scope {
        var s = self
        while s.kind == .comprehension, let p = s.parent { s = p }
        return s
    }

    /// Whether `name` is a local variable of this scope (not global).
    func isLocal(_ name: String) -> Bool {
        if globals.contains(name) || nonlocals.contains(name) { return false }
        if kind == .module { return false }
        return assigned.contains(name)
    }

    func addFree(_ name: String) {
        if !freeNames.contains(name) { freeNames.append(name) }
    }
}

/// How a name is reached from the code that uses it.
enum NameBinding {
    case local(slot: Int)
    case cell(index: Int)
    case global(String)
}

/// "Did you mean" suggestions, computed as CPython 3.11 does (Python/suggestions.c).
///
/// A `NameError` looks in three places, one after another, and stops at the first that
/// offers a name: the frame's local variables, the globals, the builtins (CPython's
/// builtins module also holds `True`, `False` and `None`). An `AttributeError` looks at the
/// object's attribute names. Within one place the closest candidate wins: distances are
/// counted on UTF-8 bytes, an insertion, deletion or substitution costs 2 and a change of
/// ASCII case 1, and a candidate is only taken within
/// `(len(name) + len(candidate) + 3) * 2 / 6` (about a third of the characters involved).
/// A place with 750 names or more offers nothing, as in CPython.
///
/// CPython scans globals and builtins in dict insertion order and keeps the first of equally
/// close candidates; the interpreter's dicts are unordered, so ties go to the first in
/// code-point order (as `dir()` lists attributes).
extension Interpreter {
    /// The suggestion for the undefined `name` raised in `frame`, if any.
    func suggestName(_ name: String, frame: Frame) -> String? {
        let locals = frame.code.slotNames.filter { !$0.hasPrefix(".") }
        let globalNames = globals.values.filter { !$0.value.isUnbound }.map(\.name)
        let builtinNames = Array(builtins.keys) + NameSuggestion.builtinConstants
        for candidates in [locals, globalNames, builtinNames] {
            if let found = closestName(name, in: candidates) { return found }
        }
        return nil
    }

    /// The candidate closest to `name`, if one is close enough (CPython's
    /// `calculate_suggestions`).
    func closestName(_ name: String, in candidates: [String]) -> String? {
        NameSuggestion.closest(to: name, in: candidates)
    }
}

/// CPython 3.11's suggestion algorithm, on its own (testable without an interpreter).
enum NameSuggestion {
    /// The cost of inserting, deleting or substituting one byte.
    static let moveCost = 2
    /// The cost of substituting one ASCII letter by the same letter in the other case.
    static let caseCost = 1
    /// A place with this many names or more offers no suggestion.
    static let maximumCandidates = 750
    /// Strings longer than this (after trimming a common prefix and suffix) are never close.
    static let maximumStringSize = 40
    /// Names in CPython's builtins module that the interpreter has as keywords.
    static let builtinConstants = ["True", "False", "None"]

    /// The closest candidate to `name` within CPython's distance limit; ties go to the
    /// first in code-point order.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let unique = Set(candidates)
        guard unique.count < maximumCandidates else { return nil }
        let target = Array(name.utf8)
        var best: String?
        var bestDistance = Int.max
        for candidate in unique.sorted() where candidate != name {
            let bytes = Array(candidate.utf8)
            // No more than a third of the involved characters should need changing, and
            // no candidate that is not better than the best so far.
            let limit = min((target.count + bytes.count + 3) * moveCost / 6, bestDistance - 1)
            let distance = levenshtein(target, bytes, maximumCost: limit)
            if distance <= limit {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// The cost of substituting byte `a` by byte `b`: 0 if equal, `caseCost` for an ASCII
    /// letter in the other case, else `moveCost`.
    static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a & 31 != b & 31 { return moveCost }
        if a == b { return 0 }
        let lowerA = (65...90).contains(a) ? a + 32 : a
        let lowerB = (65...90).contains(b) ? b + 32 : b
        return lowerA == lowerB ? caseCost : moveCost
    }

    /// The weighted Levenshtein distance between `a` and `b`, or any value above
    /// `maximumCost` as soon as the distance is known to exceed it (CPython's
    /// `levenshtein_distance`).
    static func levenshtein(_ a: [UInt8], _ b: [UInt8], maximumCost: Int) -> Int {
        var a = a[...]
        var b = b[...]
        while let x = a.first, let y = b.first, x == y {
            a.removeFirst()
            b.removeFirst()
        }
        while let x = a.last, let y = b.last, x == y {
            a.removeLast()
            b.removeLast()
        }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maximumStringSize || b.count > maximumStringSize { return maximumCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maximumCost { return maximumCost + 1 }

        // One row of the matrix, updated in place: row[i] = cost(b[..<j], a[...i]).
        var row = (1...a.count).map { $0 * moveCost }
        var result = 0
        for (j, code) in b.enumerated() {
            var distance = j * moveCost
            result = distance
            var minimum = Int.max
            for (i, byte) in a.enumerated() {
                let substitute = distance + substitutionCost(code, byte)
                distance = row[i]
                result = min(min(result, distance) + moveCost, substitute)
                row[i] = result
                minimum = min(minimum, result)
            }
            if minimum > maximumCost { return maximumCost + 1 }
        }
        return result
    }
}

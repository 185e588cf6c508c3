/// "Did you mean" suggestions, as CPython 3.11 computes them (Levenshtein distance with a
/// threshold relative to the name's length).
extension Interpreter {
    func suggestName(_ name: String, frame: Frame) -> String? {
        var candidates = frame.code.slotNames.filter { !$0.hasPrefix(".") }
        candidates += globals.values.filter { !$0.value.isUnbound }.map(\.name)
        candidates += builtins.keys
        return closestName(name, in: candidates)
    }

    func closestName(_ name: String, in candidates: [String]) -> String? {
        let target = Array(name.unicodeScalars)
        var best: String?
        var bestDistance = Int.max
        let maxDistance = (target.count + 3) * 2 / 6
        for c in Set(candidates).sorted() where c != name {
            let d = editDistance(target, Array(c.unicodeScalars))
            if d <= maxDistance && d < bestDistance {
                best = c
                bestDistance = d
            }
        }
        return best
    }
}

/// Levenshtein distance where a case-only change costs 1 and others 2, as CPython does.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count * 2 }
    if b.isEmpty { return a.count * 2 }
    var previous = Array(0...b.count).map { $0 * 2 }
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i * 2
        for j in 1...b.count {
            let cost: Int
            if a[i - 1] == b[j - 1] { cost = 0 } else if a[i - 1].properties.lowercaseMapping == b[j - 1].properties.lowercaseMapping { cost = 1 } else { cost = 2 }
            current[j] = min(previous[j] + 2, current[j - 1] + 2, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count] / 2
}
